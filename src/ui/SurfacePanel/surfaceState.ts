/**
 * Builds the surface view's state from the store (pure apart from a one-entry cache of the
 * bound objective, so the heatmap's field object stays identical between frames).
 */
import { bindObjective, getObjective, surfaceValue } from '../../core/objectives';
import type { BoundObjective } from '../../core/objectives/types';
import { getOptimizer } from '../../core/optimizers';
import type { AppState } from '../../store/state';
import type { SurfaceCloud, SurfaceField, SurfaceRun, SurfaceViewState } from '../../plots/types';
import { buildSelection, type SelectionLabels } from './selection';

interface Bound {
  readonly key: string;
  readonly bound: BoundObjective;
  readonly field: SurfaceField;
}

let cache: Bound | null = null;

/** The bound objective of the resolved experiment (cached by its JSON). */
export function boundOf(s: AppState): Bound {
  const o = s.resolved.objective;
  const seed = s.resolved.seed;
  const key = JSON.stringify(o) + (getObjective(o.id).dataset ? `@${seed}` : '');
  if (cache?.key === key) return cache;
  const bound = bindObjective(o.id, o.params, o.formula, seed);
  const field: SurfaceField = { key, evaluate: surfaceValue(bound) };
  cache = { key, bound, field };
  return cache;
}

/** Ensemble runs' member positions from the latest snapshot (subarrays: nothing copied). */
function cloudsOf(s: AppState, byUid: ReadonlyMap<string, AppState['draft']['runs'][number]>): Pick<SurfaceViewState, 'clouds'> {
  const c = s.snapshot?.cloud;
  if (!c) return {};
  const clouds: SurfaceCloud[] = [];
  s.runUids.forEach((uid, i) => {
    const draft = byUid.get(uid);
    const a = c.offsets[i];
    const b = c.offsets[i + 1];
    if (!draft || b === undefined || b - a < 2) return;
    clouds.push({ id: uid, color: draft.color, hidden: draft.hidden, x: c.x.subarray(a, b), y: c.y.subarray(a, b), length: b - a });
  });
  return { clouds };
}

export function surfaceState(s: AppState, labels: SelectionLabels): SurfaceViewState {
  const { bound, field } = boundOf(s);
  const byUid = new Map(s.draft.runs.map((r) => [r.uid, r]));
  const runs: SurfaceRun[] = [];
  s.runUids.forEach((uid, i) => {
    const draft = byUid.get(uid);
    const series = s.traj.runs[i];
    if (!draft || !series) return;
    runs.push({
      id: uid,
      color: draft.color,
      hidden: draft.hidden,
      x: series.x,
      y: series.y,
      length: s.traj.lengthOf(i),
      status: s.statuses[i] ?? { kind: 'running' },
    });
  });
  const state: SurfaceViewState = {
    field,
    view: s.view ?? bound.def.view,
    colorScale: bound.def.colorScale,
    theme: s.theme,
    minima: bound.minima,
    start: s.draft.start,
    runs,
    ...cloudsOf(s, byUid),
  };
  const i = s.selectedUid ? s.runUids.indexOf(s.selectedUid) : -1;
  const draft = i >= 0 ? byUid.get(s.runUids[i]) : undefined;
  if (!draft || draft.hidden || !s.snapshot) return state;
  const snap = s.snapshot;
  const len = s.traj.lengthOf(i);
  const series = s.traj.runs[i];
  const step: [number, number] | undefined =
    len >= 2 ? [series.x[len - 1] - series.x[len - 2], series.y[len - 1] - series.y[len - 2]] : undefined;
  const grad: [number, number] | undefined = snap.grad ? [snap.grad[2 * i], snap.grad[2 * i + 1]] : undefined;
  const selected = buildSelection(
    { id: draft.uid, def: getOptimizer(draft.optimizer), hyper: draft.hyper, state: snap.state?.[i], grad, step },
    labels,
  );
  return { ...state, selected };
}
