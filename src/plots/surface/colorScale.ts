/**
 * Pure colour-scale mapping of the heatmap: grid values -> t ∈ [0, 1].
 *
 * Log scale: t ∝ log(f − fmin + ε), relative to the grid minimum, so surfaces with negative
 * values (Styblinski–Tang) or a minimum of 3 (Goldstein–Price) map the same way as those with
 * minimum 0. ε = LOG_EPS_REL × (fmax − fmin): the colour scale spans 1/LOG_EPS_REL (five
 * decades) between the lowest and highest sample, enough to see the floor of narrow valleys
 * without turning float noise into colour.
 */
export const LOG_EPS_REL = 1e-5;

/** Min / max over the finite values of a grid. */
export interface GridStats {
  readonly min: number;
  readonly max: number;
  /** How many values were finite (0: the grid has nothing to show). */
  readonly finite: number;
}

export function gridStats(values: ArrayLike<number>): GridStats {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return finite === 0 ? { min: 0, max: 0, finite } : { min, max, finite };
}

/**
 * Replaces NaN and +Infinity by the finite maximum and −Infinity by the finite minimum (in a
 * copy). Non-finite values come from overflow far from the minimum, so "very high" is the honest
 * colour; d3-contour would otherwise treat NaN as −∞ and ring every overflow region.
 */
export function sanitizeGrid(values: Float64Array, stats: GridStats): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? v : v === -Infinity ? stats.min : stats.max;
  }
  return out;
}

/** ε of the log scale for these stats (positive even for a constant grid). */
export function logEpsilon(stats: GridStats): number {
  const range = stats.max - stats.min;
  const floor = Math.max(Math.abs(stats.max), Math.abs(stats.min), 1) * 1e-12;
  return Math.max(range * LOG_EPS_REL, floor);
}

/**
 * The value -> t mapping for a scale kind. Values outside [min, max] clamp; a constant grid
 * maps to 0; non-finite values map to 1 (see sanitizeGrid).
 */
export function colorNormalizer(kind: 'linear' | 'log', stats: GridStats): (v: number) => number {
  const { min, max } = stats;
  const range = max - min;
  if (!(range > 0)) return (v) => (Number.isNaN(v) || v === Infinity ? 1 : 0);
  const clamp = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : Number.isNaN(t) ? 1 : t);
  if (kind === 'linear') return (v) => clamp((v - min) / range);
  const eps = logEpsilon(stats);
  const lo = Math.log(eps);
  const span = Math.log(range + eps) - lo;
  return (v) => (v <= min ? 0 : clamp((Math.log(v - min + eps) - lo) / span));
}
