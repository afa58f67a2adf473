/**
 * sRGB <-> OKLab (Björn Ottosson, 2020), a perceptual space where Euclidean distance tracks
 * how different two colours look (ΔE_OK; about 0.02 is a just-noticeable difference), and
 * WCAG relative luminance for contrast against the page. Pure: the run palette is built and
 * tested with it.
 */

/** A colour in OKLab: lightness L ∈ [0, 1], opponent axes a (green–red) and b (blue–yellow). */
export interface OkLab {
  readonly L: number;
  readonly a: number;
  readonly b: number;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** '#rrggbb' -> channels in [0, 1]; throws naming the value when it is not that form. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: expected '#rrggbb', got ${JSON.stringify(hex)}`);
  const n = parseInt(m[1], 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Channels in [0, 1] (clamped) -> '#rrggbb'. */
export function rgbToHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** '#rrggbb' -> OKLab. */
export function hexToOkLab(hex: string): OkLab {
  const [r, g, b] = hexToRgb(hex).map(toLinear);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** OKLab -> gamma-encoded sRGB channels; null when the colour lies outside the sRGB gamut. */
export function okLabToRgb({ L, a, b }: OkLab): [number, number, number] | null {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const lin = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  if (lin.some((c) => c < -1e-4 || c > 1 + 1e-4)) return null;
  return lin.map((c) => toGamma(Math.min(1, Math.max(0, c)))) as [number, number, number];
}

/** ΔE_OK: Euclidean distance in OKLab. */
export function okLabDistance(p: OkLab, q: OkLab): number {
  return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b);
}

/** WCAG 2 relative luminance of '#rrggbb'. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(x: string, y: string): number {
  const [hi, lo] = [relativeLuminance(x), relativeLuminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}
