/**
 * The basin map (issue 13): every pixel of the view is a start point; one template run from
 * each for K steps; each pixel is coloured by the known minimum its run ends at (within a
 * tolerance), or as diverged / not converged, and shaded by the steps it took. Pure.
 */
import type { ResolvedExperiment, RunStatus } from '../experiment';
import type { Box, KnownMinimum } from '../objectives/types';
import { cellCentre, type MapAxis } from './grid';

export interface BasinMapSpec {
  readonly experiment: ResolvedExperiment;
  readonly run: number;
  readonly view: Box;
  readonly nx: number;
  readonly ny: number;
  readonly steps: number;
}

/** The grid's axes over the view (linear). */
export function basinAxes(spec: Pick<BasinMapSpec, 'view' | 'nx' | 'ny'>): { x: MapAxis; y: MapAxis } {
  return {
    x: { min: spec.view.x[0], max: spec.view.x[1], cells: spec.nx, scale: 'linear' },
    y: { min: spec.view.y[0], max: spec.view.y[1], cells: spec.ny, scale: 'linear' },
  };
}

/** Start points of every pixel, row-major (x, y interleaved): the engine's replica starts. */
export function basinStarts(spec: Pick<BasinMapSpec, 'view' | 'nx' | 'ny'>): Float64Array {
  const { x, y } = basinAxes(spec);
  const s = new Float64Array(2 * spec.nx * spec.ny);
  for (let j = 0; j < spec.ny; j++) {
    for (let i = 0; i < spec.nx; i++) {
      const c = j * spec.nx + i;
      s[2 * c] = cellCentre(x, i);
      s[2 * c + 1] = cellCentre(y, j);
    }
  }
  return s;
}

/** The map's experiment: the template run alone (the engine replicates it over the starts). */
export function basinExperiment(spec: BasinMapSpec): ResolvedExperiment {
  const run = spec.experiment.runs[spec.run];
  if (!run) throw new RangeError(`run ${spec.run} is not in the experiment`);
  return { ...spec.experiment, steps: spec.steps, runs: [run] };
}

/** Codes besides minimum indices 0..m−1. */
export const BASIN_DIVERGED = -2;
export const BASIN_NONE = -1;

/**
 * Which minimum each run ended at: the nearest known minimum within `tol` (data units), else
 * BASIN_NONE; diverged runs BASIN_DIVERGED.
 */
export function classifyBasins(x: ArrayLike<number>, y: ArrayLike<number>, status: readonly RunStatus[], minima: readonly KnownMinimum[], tol: number): Int16Array {
  const out = new Int16Array(status.length);
  for (let c = 0; c < status.length; c++) {
    if (status[c].kind === 'diverged' || !Number.isFinite(x[c]) || !Number.isFinite(y[c])) {
      out[c] = BASIN_DIVERGED;
      continue;
    }
    let best = BASIN_NONE;
    let bestD = tol;
    minima.forEach((m, k) => {
      const d = Math.hypot(x[c] - m.x, y[c] - m.y);
      if (d <= bestD) {
        bestD = d;
        best = k;
      }
    });
    out[c] = best;
  }
  return out;
}

/** A tolerance for "ended at that minimum": 1 % of the view's diagonal. */
export function basinTolerance(view: Box): number {
  return 0.01 * Math.hypot(view.x[1] - view.x[0], view.y[1] - view.y[0]);
}
