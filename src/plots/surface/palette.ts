/**
 * Heatmap colours: a perceptual sequential scheme (viridis: uniform lightness steps, readable
 * by colour-blind users and in greyscale), low = dark. Light theme: mixed 20% towards white so
 * coloured trajectories and dark axis text stay prominent; dark theme: the lower 86% of the
 * ramp, mixed 12% towards the background, so the plot does not glare. Precomputed into a 256-entry RGBA lookup table because
 * the heatmap colours tens of thousands of samples per frame.
 */
import { interpolateViridis } from 'd3-scale-chromatic';
import type { PlotTheme } from '../types';

/** LUT size; t ∈ [0, 1] maps to entry round(t·(LUT_SIZE − 1)). */
export const LUT_SIZE = 256;

const MIX: Record<PlotTheme, { toward: [number, number, number]; amount: number; top: number }> = {
  light: { toward: [255, 255, 255], amount: 0.2, top: 1 },
  // Dark: stop before viridis' bright yellow (it glares on a dark page and, mixed towards the
  // background, turns olive).
  dark: { toward: [17, 20, 28], amount: 0.12, top: 0.86 },
};

/** RGBA lookup table (LUT_SIZE × 4 bytes, alpha 255) for a theme. */
export function colorLut(theme: PlotTheme): Uint8ClampedArray {
  const { toward, amount, top } = MIX[theme];
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = parseHex(interpolateViridis((top * i) / (LUT_SIZE - 1)));
    lut[4 * i] = c.r + (toward[0] - c.r) * amount;
    lut[4 * i + 1] = c.g + (toward[1] - c.g) * amount;
    lut[4 * i + 2] = c.b + (toward[2] - c.b) * amount;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

/** CSS colour of t ∈ [0, 1] from a LUT (for the colour bar). */
export function lutColor(lut: Uint8ClampedArray, t: number): string {
  const i = Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1)) * 4;
  return `rgb(${lut[i]},${lut[i + 1]},${lut[i + 2]})`;
}

/** '#rrggbb' -> channels (d3's ramps return this form; d3-color is not a direct dependency). */
export function parseHex(hex: string): { r: number; g: number; b: number } {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`parseHex: expected #rrggbb, got ${JSON.stringify(hex)}`);
  const n = parseInt(m[1], 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
