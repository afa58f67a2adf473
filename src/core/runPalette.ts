/**
 * Run colours, one per run up to MAX_RUNS, all distinct. The first eight are hand-picked
 * categorical hues (six of Okabe–Ito's colour-blind-safe set, wine and teal from Paul Tol's
 * "muted" scheme), most distinct first, because most races have few runs. The rest are
 * generated: from a grid of in-gamut OKLCH colours of medium lightness, each next colour is the
 * candidate farthest (in OKLab) from every colour already chosen, so the set stays as spread
 * out as the gamut allows. Every colour keeps a contrast of at least MIN_PAGE_CONTRAST against
 * both themes' page backgrounds, so legend swatches show on light and dark pages (on the map,
 * trajectories also get a halo). Okabe–Ito's yellow and black are left out: yellow vanishes on
 * the light page, black on the dark one.
 */
import { contrastRatio, hexToOkLab, okLabDistance, okLabToRgb, rgbToHex, type OkLab } from './color/oklab';

/** The hand-picked head of the palette. */
export const CATEGORICAL_RUN_COLORS: readonly string[] = [
  '#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#882255', '#44aa99',
];

/** Page backgrounds of the light and dark themes (src/styles/tokens.css, --gs-bg). */
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#151a21' } as const;

/** Least WCAG contrast of a run colour against either page background (a graphic, not text). */
export const MIN_PAGE_CONTRAST = 1.6;

/** Candidate colours: OKLCH grid of medium lightness and chroma, in gamut and visible on both pages. */
function candidates(): { hex: string; lab: OkLab }[] {
  const out: { hex: string; lab: OkLab }[] = [];
  for (let L = 0.48; L <= 0.8; L += 0.04) {
    for (const C of [0.07, 0.1, 0.13, 0.16, 0.19]) {
      for (let h = 0; h < 360; h += 6) {
        const rad = (h * Math.PI) / 180;
        const rgb = okLabToRgb({ L, a: C * Math.cos(rad), b: C * Math.sin(rad) });
        if (!rgb) continue;
        const hex = rgbToHex(rgb);
        if (Math.min(contrastRatio(hex, PAGE_BACKGROUNDS.light), contrastRatio(hex, PAGE_BACKGROUNDS.dark)) < MIN_PAGE_CONTRAST) continue;
        out.push({ hex, lab: hexToOkLab(hex) });
      }
    }
  }
  return out;
}

/**
 * `count` distinct colours: the categorical head, then greedy farthest-point picks. Deterministic
 * (ties go to the first candidate), so share links and screenshots get the same colours.
 */
export function buildRunPalette(count: number): string[] {
  const chosen = CATEGORICAL_RUN_COLORS.slice(0, count);
  const pool = candidates();
  // nearest[i]: distance from pool[i] to its nearest chosen colour.
  const nearest = pool.map((c) => Math.min(...chosen.map((h) => okLabDistance(c.lab, hexToOkLab(h)))));
  while (chosen.length < count) {
    let best = 0;
    for (let i = 1; i < pool.length; i++) if (nearest[i] > nearest[best]) best = i;
    const pick = pool[best];
    chosen.push(pick.hex);
    for (let i = 0; i < pool.length; i++) nearest[i] = Math.min(nearest[i], okLabDistance(pool[i].lab, pick.lab));
  }
  return chosen;
}
