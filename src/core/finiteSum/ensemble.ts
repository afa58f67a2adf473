/**
 * Ensembles (issue 12): a stochastic run repeated with N sampling seeds, so the learner sees the
 * spread the batches cause rather than one lucky or unlucky path. Member 0 is the run itself
 * (its stream is the run's index, so a run without an ensemble is unchanged); member j ≥ 1 is
 * the same configuration on stream `memberStream(run, j)`. The race steps all members; the view
 * shows the mean full-batch loss per step with its 10–90 % band, and the cloud of iterates.
 */
import { MAX_SEEDS } from '../experiment';
import type { DataRaceConfig } from './dataRace';

/** Most seeds one run may have. */
export const MAX_ENSEMBLE = MAX_SEEDS;
/** Stream stride between members: above every run index (runs ≤ 64), so streams never collide. */
const STREAM_STRIDE = 256;

/** Sampling stream of member j of run `run` (j = 0: the run's own stream). */
export function memberStream(run: number, j: number): number {
  return run + STREAM_STRIDE * j;
}

/** Where run i's members sit in the expanded race: i itself, then [first, first + extra). */
export interface EnsembleGroup {
  readonly run: number;
  readonly first: number;
  readonly extra: number;
}

/**
 * The race with every run's extra members appended after the runs (`seeds[i]` members for run
 * i; 1 = none). Runs keep their indices 0..R−1. Returns the groups of runs with members.
 */
export function expandEnsembles(config: DataRaceConfig, seeds: readonly number[]): { config: DataRaceConfig; groups: EnsembleGroup[] } {
  const runs = [...config.runs];
  const groups: EnsembleGroup[] = [];
  config.runs.forEach((run, i) => {
    const n = Math.max(1, Math.min(MAX_ENSEMBLE, Math.floor(seeds[i] ?? 1)));
    if (n === 1) return;
    groups.push({ run: i, first: runs.length, extra: n - 1 });
    for (let j = 1; j < n; j++) runs.push({ ...run, stream: memberStream(run.stream, j) });
  });
  return { config: { ...config, runs }, groups };
}

/** Mean and 10 % / 90 % quantiles of a group's finite values, and how many were not finite. */
export interface BandStats {
  mean: number;
  lo: number;
  hi: number;
  nonFinite: number;
}

/**
 * Quantile q of sorted values v[0..n) by linear interpolation between order statistics (the
 * "type 7" definition of R and NumPy's default): position q·(n−1).
 */
export function quantileSorted(v: ArrayLike<number>, n: number, q: number): number {
  if (n === 0) return NaN;
  const p = q * (n - 1);
  const i = Math.floor(p);
  const f = p - i;
  return i + 1 < n ? v[i] + f * (v[i + 1] - v[i]) : v[i];
}

/**
 * Band statistics of values[i] for i in {group.run} ∪ [first, first + extra) into `out`,
 * using `scratch` (length ≥ extra + 1) for sorting. Diverged members (non-finite) are left out
 * of the mean and the quantiles and counted instead.
 */
export function groupBand(values: ArrayLike<number>, g: EnsembleGroup, scratch: Float64Array, out: BandStats): BandStats {
  let n = 0;
  let sum = 0;
  const take = (v: number) => {
    if (Number.isFinite(v)) {
      scratch[n++] = v;
      sum += v;
    }
  };
  take(values[g.run]);
  for (let j = 0; j < g.extra; j++) take(values[g.first + j]);
  out.nonFinite = g.extra + 1 - n;
  if (n === 0) {
    out.mean = out.lo = out.hi = NaN;
    return out;
  }
  const s = scratch.subarray(0, n).sort();
  out.mean = sum / n;
  out.lo = quantileSorted(s, n, 0.1);
  out.hi = quantileSorted(s, n, 0.9);
  return out;
}
