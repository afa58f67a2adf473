/**
 * Runs slice: per-run trajectories and statuses, fed by engine snapshots. The trajectory
 * buffer is mutated in place (it is large and grows every frame); `dataVersion` tells
 * subscribers that new samples arrived, so plots redraw without React re-rendering.
 */
import type { StateCreator } from 'zustand';
import type { RunStatus } from '../core/experiment';
import type { KnownMinimum } from '../core/objectives/types';
import { judgeStatus, stationaryJudge, type StationaryJudge } from '../core/simulate/stationary';
import type { EngineSnapshot } from '../engine/types';
import { TrajectoryBuffer } from './trajectories';
import type { Point } from './trajectories';
import type { AppState } from './state';

export interface RunsSlice {
  traj: TrajectoryBuffer;
  /** Uids of the runs the engine was configured with, in engine order. */
  runUids: readonly string[];
  /**
   * Engine statuses, with 'converged' judged against the surface's known global minima
   * ('stalled' elsewhere: src/core/simulate/stationary.ts), so both engines read the same.
   */
  statuses: readonly RunStatus[];
  /** How this race's vanished gradients are judged (set by beginRace). */
  judge: StationaryJudge;
  /** Last snapshot (current positions, optimizer state for the state view). */
  snapshot: EngineSnapshot | null;
  /** Steps completed by the engine. */
  step: number;
  dataVersion: number;
  /** Starts a new race buffer after (re)configuring the engine. */
  beginRace(uids: readonly string[], minima: readonly (Point & Partial<KnownMinimum>)[], bounded?: boolean): void;
  ingest(snap: EngineSnapshot): void;
  /** The engine restarted run `index` (restartRun): its series starts again from `snap`'s values. */
  restartRun(index: number, snap: EngineSnapshot): void;
}

/** Statuses only change a few times per race: keep the old array when equal, so React skips. */
function sameStatuses(a: readonly RunStatus[], b: readonly RunStatus[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].kind !== b[i].kind) return false;
    if (a[i].kind !== 'running' && (a[i] as { step: number }).step !== (b[i] as { step: number }).step) return false;
  }
  return true;
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => ({
  traj: new TrajectoryBuffer(0, []),
  runUids: [],
  statuses: [],
  judge: { globalMin: null, bounded: true },
  snapshot: null,
  step: 0,
  dataVersion: 0,

  beginRace(uids, minima, bounded = true) {
    // Minima without values (plain points) say nothing about the global minimum's loss.
    const known = minima.filter((m): m is KnownMinimum => typeof m.value === 'number' && typeof m.global === 'boolean');
    set((s) => ({
      traj: new TrajectoryBuffer(uids.length, minima),
      judge: stationaryJudge(known, bounded),
      runUids: uids,
      statuses: uids.map(() => ({ kind: 'running' as const })),
      snapshot: null,
      step: 0,
      dataVersion: s.dataVersion + 1,
    }));
  },

  ingest(snap) {
    const s = get();
    s.traj.ingest(snap);
    const judged = snap.status.map((st, i) => judgeStatus(s.judge, st, snap.loss[i]));
    const statuses = sameStatuses(s.statuses, judged) ? s.statuses : judged;
    set({ snapshot: snap, step: snap.step, statuses, dataVersion: s.dataVersion + 1 });
  },

  restartRun(index, snap) {
    get().traj.restartRun(index, snap.step, snap.x[index], snap.y[index], snap.loss[index], snap.gradNorm[index]);
    get().ingest(snap);
  },
});
