/**
 * The hyperparameter map (issue 13): one run of the race as a template, two of its numeric
 * hyperparameters on the axes, one engine run per cell (row-major: cell (i, j) is run
 * j·nx + i, i along x), everything else as in the race (objective, start, steps, gradTol,
 * bound, the other hyperparameters, schedule, clipping). Pure: builds the experiment the map
 * engine runs and reads a snapshot back into per-cell values.
 */
import type { ResolvedExperiment, ResolvedRun, RunStatus } from '../experiment';
import { getOptimizer } from '../optimizers';
import type { HyperSpec } from '../optimizers/types';
import { axisValues, checkAxis, type MapAxis } from './grid';

/** A numeric hyperparameter that can be an axis (not a flag, not an integer count). */
export function mapAxesOf(optimizer: string): readonly HyperSpec[] {
  return getOptimizer(optimizer).hyper.filter((h) => h.kind === 'real' && h.max > h.min);
}

/** An axis over a hyperparameter's whole schema range (log where the schema says). */
export function defaultHyperAxis(spec: HyperSpec, cells: number): MapAxis {
  const min = spec.scale === 'log' ? Math.max(spec.min, spec.max * 1e-6) : spec.min;
  return { min, max: spec.max, cells, scale: spec.scale };
}

export interface HyperMapSpec {
  readonly experiment: ResolvedExperiment;
  /** Index of the template run in experiment.runs. */
  readonly run: number;
  readonly xName: string;
  readonly yName: string;
  readonly x: MapAxis;
  readonly y: MapAxis;
  /** Steps per cell (K). */
  readonly steps: number;
}

/** Validates the spec against the template's schema; throws a RangeError naming the problem. */
export function checkHyperMap(spec: HyperMapSpec): ResolvedRun {
  const run = spec.experiment.runs[spec.run];
  if (!run) throw new RangeError(`run ${spec.run} is not in the experiment`);
  if (spec.xName === spec.yName) throw new RangeError('the two axes need different hyperparameters');
  const names = mapAxesOf(run.optimizer);
  for (const [name, axis] of [[spec.xName, spec.x], [spec.yName, spec.y]] as const) {
    const h = names.find((s) => s.name === name);
    if (!h) throw new RangeError(`${name} is not a numeric hyperparameter of ${run.optimizer}`);
    checkAxis(axis, name);
    if (axis.min < h.min || axis.max > h.max) throw new RangeError(`${name}: ${axis.min}..${axis.max} is outside its range ${h.min}..${h.max}`);
  }
  if (!Number.isInteger(spec.steps) || spec.steps < 1) throw new RangeError(`steps must be a positive integer, got ${spec.steps}`);
  return run;
}

/** The map's experiment: nx·ny runs, each the template with its cell's two values. */
export function hyperMapExperiment(spec: HyperMapSpec): ResolvedExperiment {
  const run = checkHyperMap(spec);
  const xs = axisValues(spec.x);
  const ys = axisValues(spec.y);
  const runs: ResolvedRun[] = new Array(xs.length * ys.length);
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      runs[j * xs.length + i] = { ...run, hyper: { ...run.hyper, [spec.xName]: xs[i], [spec.yName]: ys[j] } };
    }
  }
  return { ...spec.experiment, steps: spec.steps, runs };
}

/** Outcome of one cell's run. */
export const OUTCOMES = ['converged', 'diverged', 'stalled', 'running'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Per-cell values of a finished (or partial) map. */
export interface CellValues {
  /** Final loss (NaN where not finite). */
  readonly loss: Float32Array;
  /** Index into OUTCOMES. */
  readonly outcome: Uint8Array;
  /** Step of the outcome (converged/diverged/stalled), else the steps taken. */
  readonly steps: Int32Array;
}

/**
 * Reads cells from an engine snapshot. A run whose loss ends above its start loss (`loss0`)
 * counts as diverged even when it never crossed the bound in K steps: it is moving away.
 */
export function cellValues(loss: ArrayLike<number>, status: readonly RunStatus[], step: number, loss0: number): CellValues {
  const n = status.length;
  const out = { loss: new Float32Array(n), outcome: new Uint8Array(n), steps: new Int32Array(n) };
  for (let c = 0; c < n; c++) {
    const s = status[c];
    const f = loss[c];
    out.loss[c] = Number.isFinite(f) ? f : NaN;
    if (s.kind === 'diverged' || !Number.isFinite(f) || f > loss0) {
      out.outcome[c] = 1;
      out.steps[c] = s.kind === 'diverged' ? s.step : step;
    } else if (s.kind === 'converged') {
      out.outcome[c] = 0;
      out.steps[c] = s.step;
    } else if (s.kind === 'stalled') {
      out.outcome[c] = 2;
      out.steps[c] = s.step;
    } else {
      out.outcome[c] = 3;
      out.steps[c] = step;
    }
  }
  return out;
}
