/**
 * Colours of the map views: a continuous value through the surface's colour table (viridis-
 * like, src/plots/surface/palette.ts), outcomes and basins from fixed categorical palettes,
 * basins shaded by the steps their run took. Pure.
 */
import { parseHex } from '../surface/palette';

/** Outcome colours in OUTCOMES order: converged, diverged, stalled, still running. */
export const OUTCOME_COLORS = ['#2f9e44', '#c92a2a', '#e8a33d', '#868e96'] as const;
/** Basin colours for minima 0..; diverged and "no known minimum" have their own. */
export const BASIN_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#17becf', '#e377c2', '#8c564b', '#bcbd22'] as const;
export const BASIN_DIVERGED_COLOR = '#c92a2a';
export const BASIN_NONE_COLOR = '#adb5bd';

/** RGB of a hex colour scaled by `shade` in [0, 1] towards black (1 = the colour itself). */
export function shaded(hex: string, shade: number): [number, number, number] {
  const { r, g, b } = parseHex(hex);
  const s = Math.max(0.25, Math.min(1, shade));
  return [Math.round(r * s), Math.round(g * s), Math.round(b * s)];
}

/**
 * t in [0, 1] of each finite value on a log (positive values) or linear colour scale spanning
 * the values' own range; NaN stays NaN (drawn as "no value"). On a log scale a value ≤ 0 (a
 * loss that reached exactly 0) takes the lowest colour: it is at least as good as the best.
 */
export function normalise(values: ArrayLike<number>, log: boolean): { t: Float32Array; min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const f = (v: number) => (log ? (v > 0 ? Math.log10(v) : v <= 0 ? -Infinity : NaN) : v);
  for (let i = 0; i < values.length; i++) {
    const v = f(values[i]);
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const t = new Float32Array(values.length);
  const span = max > min ? max - min : 1;
  for (let i = 0; i < values.length; i++) {
    const v = f(values[i]);
    t[i] = v === -Infinity ? 0 : Number.isFinite(v) ? (v - min) / span : NaN;
  }
  return { t, min: log ? 10 ** min : min, max: log ? 10 ** max : max };
}
