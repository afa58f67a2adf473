/**
 * The swarm (issue 13): N start points drawn uniformly over a box from a seed, one template run
 * from each (engine replicas, throughput mode), and what a chunk's snapshot says about them:
 * how many converged, diverged, stalled or still run, how many sit at a known minimum, and the
 * positions to draw (diverged points left out). Pure; randomness only from the PCG hash.
 */
import { uniformAt } from '../rng';
import type { ResolvedExperiment, RunStatus } from '../experiment';
import type { Box, KnownMinimum } from '../objectives/types';

/** The swarm sizes offered, and the largest one. */
export const SWARM_SIZES = [100, 1_000, 10_000, 100_000] as const;
export const MAX_SWARM = 100_000;

/** PCG streams of the x and y coordinates ("SW" + 0/1), apart from the engines' noise streams. */
const STREAM_X = 0x5357_0000;
const STREAM_Y = 0x5357_0001;

/**
 * `count` start points uniform over `box` (x, y interleaved: the engine's replica starts). Start
 * i is a pure function of (seed, i), so a larger swarm extends a smaller one with the same seed.
 */
export function swarmStarts(count: number, box: Box, seed: number): Float64Array {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SWARM) throw new RangeError(`swarm size ${count} is not an integer in 1..${MAX_SWARM}`);
  const [x0, x1] = box.x;
  const [y0, y1] = box.y;
  if (![x0, x1, y0, y1].every(Number.isFinite) || !(x1 > x0) || !(y1 > y0)) throw new RangeError(`swarm box ${JSON.stringify(box)} is not a finite, non-empty box`);
  const s = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    s[2 * i] = x0 + (x1 - x0) * uniformAt(seed, STREAM_X, i);
    s[2 * i + 1] = y0 + (y1 - y0) * uniformAt(seed, STREAM_Y, i);
  }
  return s;
}

/** The swarm's experiment: the template run alone for `steps` (the engine replicates it). */
export function swarmExperiment(experiment: ResolvedExperiment, run: number, steps: number): ResolvedExperiment {
  const template = experiment.runs[run];
  if (!template) throw new RangeError(`run ${run} is not in the experiment`);
  return { ...experiment, steps, runs: [template] };
}

/** A snapshot's swarm in numbers. */
export interface SwarmCounts {
  readonly total: number;
  readonly converged: number;
  readonly diverged: number;
  readonly stalled: number;
  readonly running: number;
  /** Points (not diverged) within `tol` of a known minimum, converged or not. */
  readonly atMinimum: number;
  /** Of those, how many at each minimum (the nearest one within `tol`), in the minima's order. */
  readonly perMinimum: Int32Array;
}

/**
 * Counts the swarm's statuses and its points at a known minimum, and writes the positions to
 * draw into `outX`/`outY` (length ≥ status.length): NaN for a diverged or non-finite point, so
 * the cloud layer skips it.
 */
export function swarmSummary(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  status: readonly RunStatus[],
  minima: readonly KnownMinimum[],
  tol: number,
  outX: Float32Array | Float64Array,
  outY: Float32Array | Float64Array,
): SwarmCounts {
  let converged = 0;
  let diverged = 0;
  let stalled = 0;
  let atMinimum = 0;
  const perMinimum = new Int32Array(minima.length);
  const tol2 = tol * tol;
  for (let i = 0; i < status.length; i++) {
    const kind = status[i].kind;
    const px = x[i];
    const py = y[i];
    if (kind === 'diverged' || !Number.isFinite(px) || !Number.isFinite(py)) {
      diverged++;
      outX[i] = NaN;
      outY[i] = NaN;
      continue;
    }
    if (kind === 'converged') converged++;
    else if (kind === 'stalled') stalled++;
    outX[i] = px;
    outY[i] = py;
    let best = -1;
    let bestD2 = tol2;
    for (let k = 0; k < minima.length; k++) {
      const dx = px - minima[k].x;
      const dy = py - minima[k].y;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = k;
      }
    }
    if (best >= 0) {
      atMinimum++;
      perMinimum[best]++;
    }
  }
  const total = status.length;
  return { total, converged, diverged, stalled, running: total - converged - diverged - stalled, atMinimum, perMinimum };
}
