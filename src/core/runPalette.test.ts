import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToOkLab, okLabDistance, okLabToRgb, rgbToHex } from './color/oklab';
import { MAX_RUNS, RUN_PALETTE } from './experiment';
import { buildRunPalette, CATEGORICAL_RUN_COLORS, MIN_PAGE_CONTRAST, PAGE_BACKGROUNDS } from './runPalette';

/** Smallest ΔE_OK between any two colours of `hexes`, and the pair that has it. */
function closestPair(hexes: readonly string[]): { d: number; pair: [string, string] } {
  const labs = hexes.map(hexToOkLab);
  let best = { d: Infinity, pair: ['', ''] as [string, string] };
  for (let i = 0; i < labs.length; i++) {
    for (let j = 0; j < i; j++) {
      const d = okLabDistance(labs[i], labs[j]);
      if (d < best.d) best = { d, pair: [hexes[j], hexes[i]] };
    }
  }
  return best;
}

describe('OKLab', () => {
  it('round-trips sRGB and knows the reference points', () => {
    expect(hexToOkLab('#ffffff').L).toBeCloseTo(1, 4);
    expect(hexToOkLab('#000000').L).toBeCloseTo(0, 6);
    // Ottosson's published value for sRGB red: L 0.628, a 0.225, b 0.126.
    const red = hexToOkLab('#ff0000');
    expect([red.L, red.a, red.b].map((v) => Number(v.toFixed(3)))).toEqual([0.628, 0.225, 0.126]);
    for (const hex of ['#0072b2', '#d55e00', '#123456', '#abcdef']) expect(rgbToHex(okLabToRgb(hexToOkLab(hex))!)).toBe(hex);
    expect(okLabToRgb({ L: 0.9, a: 0.3, b: 0 })).toBeNull();
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
  });
});

describe('run palette', () => {
  it('gives every run up to the cap its own colour, the categorical hues first', () => {
    expect(RUN_PALETTE).toHaveLength(MAX_RUNS);
    expect(RUN_PALETTE.slice(0, CATEGORICAL_RUN_COLORS.length)).toEqual(CATEGORICAL_RUN_COLORS);
    expect(new Set(RUN_PALETTE).size).toBe(MAX_RUNS);
  });

  it('keeps every pair of colours over the whole cap at least 0.06 apart in OKLab (3 JNDs)', () => {
    const { d, pair } = closestPair(RUN_PALETTE);
    expect(d, `closest pair ${pair.join(' / ')}`).toBeGreaterThanOrEqual(0.06);
  });

  it('generated colours spread as far as the hand-picked head (no crowding as the race grows)', () => {
    const head = closestPair(CATEGORICAL_RUN_COLORS).d;
    // Each generated colour is at least ~the head's own spacing away from all others.
    expect(closestPair(RUN_PALETTE).d).toBeGreaterThanOrEqual(head * 0.95);
  });

  it('every colour shows on the light and the dark page', () => {
    for (const c of RUN_PALETTE) {
      expect(contrastRatio(c, PAGE_BACKGROUNDS.light), `${c} on light`).toBeGreaterThanOrEqual(MIN_PAGE_CONTRAST);
      expect(contrastRatio(c, PAGE_BACKGROUNDS.dark), `${c} on dark`).toBeGreaterThanOrEqual(MIN_PAGE_CONTRAST);
    }
  });

  it('is deterministic and prefix-stable', () => {
    expect(buildRunPalette(MAX_RUNS)).toEqual(RUN_PALETTE);
    expect(buildRunPalette(20)).toEqual(RUN_PALETTE.slice(0, 20));
    expect(buildRunPalette(3)).toEqual(CATEGORICAL_RUN_COLORS.slice(0, 3));
  });
});
