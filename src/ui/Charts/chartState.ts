/** Builds the three line charts' states (loss, gradient norm, distance) from the store. Pure. */
import type { AppState } from '../../store/state';
import type { LineChartState, LineSeries } from '../../plots/types';
import type { RunSeries } from '../../store/trajectories';
import { boundOf } from '../SurfacePanel/surfaceState';
import { computeAxisValues, type ComputeAxis } from '../../core/finiteSum/computeAxis';

export type ChartMetric = 'loss' | 'gradNorm' | 'dist';

/** Log y only where every value can be positive: surfaces whose minima are ≥ 0. */
export function lossScale(s: AppState): 'log' | 'linear' {
  const { bound } = boundOf(s);
  if (!bound.def.bounded) return 'linear';
  return bound.minima.length > 0 && bound.minima.every((m) => m.value >= 0) ? 'log' : 'linear';
}

/** The x axis the charts use: a compute axis only on dataset objectives (else steps). */
export function effectiveAxis(s: AppState): ComputeAxis {
  return boundOf(s).bound.dataset ? s.chartAxis : 'steps';
}

/** Axis titles, translated by the caller. */
export interface AxisLabels {
  readonly steps: string;
  readonly evals: string;
  readonly epochs: string;
}

export function chartState(
  s: AppState,
  metric: ChartMetric,
  names: (uid: string) => string,
  divergedLabel: string,
  axisLabels?: AxisLabels,
  ensembleLabel?: (name: string, seeds: number) => string,
): LineChartState {
  const byUid = new Map(s.draft.runs.map((r) => [r.uid, r]));
  const series: LineSeries[] = [];
  const axis = effectiveAxis(s);
  const n = boundOf(s).bound.dataset?.n ?? 0;
  let xMax = s.resolved.steps;
  if (axis !== 'steps') xMax = 0;
  s.runUids.forEach((uid, i) => {
    const run = byUid.get(uid);
    const data: RunSeries | undefined = s.traj.runs[i];
    const resolved = s.resolved.runs[i];
    if (!run || !data) return;
    const status = s.statuses[i];
    // A compute axis: the evaluations (or epochs) each step index of this run has cost.
    const xs = axis !== 'steps' && resolved ? computeAxisValues(resolved, n, s.resolved.steps, axis) : undefined;
    if (xs) xMax = Math.max(xMax, xs[xs.length - 1]);
    // An ensemble's loss: the members' mean, in its 10–90 % band.
    const seeds = resolved && resolved.batch.size > 0 ? resolved.batch.seeds : 1;
    const band = metric === 'loss' && seeds > 1 ? data.band : undefined;
    series.push({
      ...(xs ? { xs } : {}),
      ...(band ? { band: { lo: band.lo, hi: band.hi } } : {}),
      id: uid,
      label: band && ensembleLabel ? ensembleLabel(names(uid), seeds) : names(uid),
      color: run.color,
      hidden: run.hidden,
      values: band ? band.mean : data[metric],
      // Each run against its own local step: a restarted run's curve starts again at 0.
      length: s.traj.lengthOf(i),
      ...(status?.kind === 'diverged' ? { divergedAt: status.step, divergedLabel } : {}),
    });
  });
  const yScale = metric === 'loss' ? lossScale(s) : 'log';
  return {
    series,
    yScale,
    xMax,
    theme: s.theme,
    ...(axisLabels ? { xLabel: axisLabels[axis] } : {}),
    ...(axis === 'epochs' ? { xFormat: '~g' } : {}),
  };
}
