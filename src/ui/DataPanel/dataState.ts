/**
 * Builds the data view's state from the store: the bound objective's samples and every run's
 * current θ (the latest snapshot; the start before the first step). Null for objectives
 * without data.
 */
import type { AppState } from '../../store/state';
import type { DataViewRun, DataViewState } from '../../plots/dataView/types';
import { boundOf } from '../SurfacePanel/surfaceState';

export function dataViewState(s: AppState): DataViewState | null {
  const { key, bound } = boundOf(s);
  const dataset = bound.dataset;
  if (!dataset) return null;
  const byUid = new Map(s.draft.runs.map((r) => [r.uid, r]));
  const snap = s.snapshot;
  const start = s.resolved.start;
  const runs: DataViewRun[] = [];
  s.runUids.forEach((uid, i) => {
    const draft = byUid.get(uid);
    if (!draft) return;
    const theta: [number, number] =
      snap && i < snap.x.length ? [snap.x[i], snap.y[i]] : [start[0], start[1]];
    runs.push({ id: uid, color: draft.color, hidden: draft.hidden, theta });
  });
  return { key, kind: dataset.kind, dataset, runs, selectedId: s.selectedUid, theme: s.theme };
}
