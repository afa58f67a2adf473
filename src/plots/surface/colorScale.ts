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

/**
 * The scale the map is drawn with: the surface's own (linear or log), or 'rank' (colour by
 * quantile) when the surface's scale would paint nearly the whole view in one colour, as for
 * exp(exp(exp(x))), whose values span hundreds of decades: no fixed transform shows both ends.
 */
export type MapScale = 'linear' | 'log' | 'rank';

/** How a grid's values become colours: the scale, the finite range, and for 'rank' the quantiles. */
export interface ColorMap {
  readonly scale: MapScale;
  readonly stats: GridStats;
  /** 'rank': sorted finite values (at most RANK_KNOTS, evenly spaced quantiles, ends included). */
  readonly knots?: Float64Array;
}

/** Quantile knots kept for the rank scale (a 40,000-sample grid needs no more to look smooth). */
export const RANK_KNOTS = 1024;

/**
 * The surface's scale is kept unless it uses fewer than this many colours' worth of the ramp
 * (the perplexity of the LUT-bin histogram: 256 for a uniform spread, 1 for one colour)...
 */
export const MIN_COLOR_PERPLEXITY = 6;
/** ...and ranking would use at least this many times more. */
const RANK_GAIN = 4;

/** Sorted finite values of `values`, at most `max` (quantiles at even ranks, both ends kept). */
export function quantileKnots(values: ArrayLike<number>, max = RANK_KNOTS): Float64Array {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  finite.sort((a, b) => a - b);
  const n = finite.length;
  if (n <= max) return Float64Array.from(finite);
  const out = new Float64Array(max);
  for (let i = 0; i < max; i++) out[i] = finite[Math.round((i * (n - 1)) / (max - 1))];
  return out;
}

/** Perplexity (effective number of colours) of t-values binned into `bins` LUT entries. */
export function colorPerplexity(ts: ArrayLike<number>, bins = 256): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < ts.length; i++) counts[Math.round(ts[i] * (bins - 1))]++;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / ts.length) * Math.log(c / ts.length);
  return Math.exp(h);
}

/** The rank normaliser: position among the knots, interpolated; ties take the middle of their run. */
function rankNormalizer(knots: Float64Array): (v: number) => number {
  const n = knots.length;
  if (n < 2) return (v) => (Number.isNaN(v) || v === Infinity ? 1 : 0);
  const lower = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (knots[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (v) => {
    if (Number.isNaN(v) || v >= knots[n - 1]) return Number.isNaN(v) || v > knots[n - 1] || v === Infinity ? 1 : rankOfTie(knots[n - 1]);
    if (v <= knots[0]) return v < knots[0] ? 0 : rankOfTie(knots[0]);
    const i = lower(v);
    if (knots[i] === v) return rankOfTie(v);
    // knots[i - 1] < v < knots[i]
    const a = knots[i - 1];
    const b = knots[i];
    return (i - 1 + (v - a) / (b - a)) / (n - 1);
  };
  function rankOfTie(v: number): number {
    const first = lower(v);
    let last = first;
    while (last + 1 < n && knots[last + 1] === v) last++;
    return (first + last) / 2 / (n - 1);
  }
}

/**
 * The colour map for a sampled grid: the surface's `requested` scale, or 'rank' when that
 * would leave the view nearly one colour and ranking shows clearly more.
 */
export function colorMapFor(requested: 'linear' | 'log', values: ArrayLike<number>, stats: GridStats = gridStats(values)): ColorMap {
  if (!(stats.max > stats.min)) return { scale: requested, stats };
  const knots = quantileKnots(values);
  const norm = colorNormalizer(requested, stats);
  const kept = colorPerplexity(Array.from(knots, norm));
  if (kept >= MIN_COLOR_PERPLEXITY) return { scale: requested, stats };
  const rank = rankNormalizer(knots);
  const ranked = colorPerplexity(Array.from(knots, rank));
  return ranked >= RANK_GAIN * kept ? { scale: 'rank', stats, knots } : { scale: requested, stats };
}

/** The value -> t mapping of a colour map (see colorNormalizer; 'rank' uses the knots). */
export function mapNormalizer(map: ColorMap): (v: number) => number {
  if (map.scale === 'rank') return rankNormalizer(map.knots ?? new Float64Array());
  return colorNormalizer(map.scale, map.stats);
}
