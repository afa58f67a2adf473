/**
 * Pure contour levels. Linear: d3's nice ticks strictly inside (min, max). Log: levels
 * fmin + 10^t with t on nice ticks in log10 space between ε·10 and the range, matching the log
 * colour scale (see colorScale.ts), so every band of colour gets a line. Rank: the values at
 * evenly spaced quantiles, so each line encloses the same share of the view.
 */
import { ticks } from 'd3-array';
import { gridStats, logEpsilon, quantileKnots, type MapScale } from './colorScale';

/**
 * Contour thresholds (ascending, strictly between the finite min and max of `values`) for
 * about `count` lines. Empty for a constant or all-non-finite grid.
 */
export function contourThresholds(
  values: ArrayLike<number>,
  scale: MapScale,
  count: number,
  knots?: Float64Array,
): number[] {
  const stats = gridStats(values);
  const { min, max } = stats;
  if (!(max > min) || !(count >= 1)) return [];
  if (scale === 'rank') return rankLevels(knots ?? quantileKnots(values), min, max, count);
  if (scale === 'linear')
    return thin(
      ticks(min, max, count).filter((t) => t > min && t < max),
      count,
    );
  const eps = logEpsilon(stats);
  const lo = Math.log10(eps) + 1;
  const hi = Math.log10(max - min);
  if (!(hi > lo))
    return thin(
      ticks(min, max, count).filter((t) => t > min && t < max),
      count,
    );
  const out: number[] = [];
  for (const t of ticks(lo, hi, count)) {
    const level = min + 10 ** t;
    if (level > min && level < max && (out.length === 0 || level > out[out.length - 1]))
      out.push(level);
  }
  return thin(out, count);
}

/**
 * d3's nice ticks can overshoot the requested count by up to ~2×; every line costs a full pass
 * of marching squares, so keep every k-th (still evenly spaced) to stay within 1.5 × count.
 */
function thin(levels: number[], count: number): number[] {
  if (levels.length <= 1.5 * count) return levels;
  const k = Math.ceil(levels.length / count);
  return levels.filter((_, i) => i % k === 0);
}

/** Values at the quantiles i/(count+1), strictly inside (min, max), ascending and distinct. */
function rankLevels(knots: Float64Array, min: number, max: number, count: number): number[] {
  const out: number[] = [];
  const n = knots.length;
  for (let i = 1; i <= count && n > 0; i++) {
    const level = knots[Math.round((i * (n - 1)) / (count + 1))];
    if (level > min && level < max && (out.length === 0 || level > out[out.length - 1])) out.push(level);
  }
  return out;
}
