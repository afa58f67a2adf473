/** Builds the three line charts' states (loss, gradient norm, distance) from the store. Pure. */
import type { AppState } from '../../store/state';
import type { LineChartState, LineSeries } from '../../plots/types';
import type { RunSeries } from '../../store/trajectories';
import { boundOf } from '../SurfacePanel/surfaceState';

export type ChartMetric = 'loss' | 'gradNorm' | 'dist';

/** Log y only where every value can be positive: surfaces whose minima are ≥ 0. */
export function lossScale(s: AppState): 'log' | 'linear' {
  const { bound } = boundOf(s);
  if (!bound.def.bounded) return 'linear';
  return bound.minima.length > 0 && bound.minima.every((m) => m.value >= 0) ? 'log' : 'linear';
}

export function chartState(s: AppState, metric: ChartMetric, names: (uid: string) => string, divergedLabel: string): LineChartState {
  const byUid = new Map(s.draft.runs.map((r) => [r.uid, r]));
  const series: LineSeries[] = [];
  s.runUids.forEach((uid, i) => {
    const run = byUid.get(uid);
    const data: RunSeries | undefined = s.traj.runs[i];
    if (!run || !data) return;
    const status = s.statuses[i];
    series.push({
      id: uid,
      label: names(uid),
      color: run.color,
      hidden: run.hidden,
      values: data[metric],
      // Each run against its own local step: a restarted run's curve starts again at 0.
      length: s.traj.lengthOf(i),
      ...(status?.kind === 'diverged' ? { divergedAt: status.step, divergedLabel } : {}),
    });
  });
  const yScale = metric === 'loss' ? lossScale(s) : 'log';
  return { series, yScale, xMax: s.resolved.steps, theme: s.theme };
}
