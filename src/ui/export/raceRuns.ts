/**
 * The race as the exports see it: every run the engine was configured with, in race order,
 * with its recorded series and a display label. Pure (reads a store state), so tested in node.
 */
import type { OptimizerId } from '../../core/optimizers/types';
import type { AppState } from '../../store/state';
import type { CsvRun } from './csv';

/** What a run's label is made from (see runName in src/ui/text/names.ts). */
export interface NamedRun {
  readonly label: string;
  readonly optimizer: OptimizerId;
  readonly ordinal: number;
}

/** One exported run: its CSV series plus what a figure legend needs. */
export interface RaceRun extends CsvRun {
  readonly optimizer: OptimizerId;
  readonly color: string;
  readonly hidden: boolean;
}

/**
 * Runs of the current race. Ordinals ("Adam 2") are counted in race order here rather than
 * taken from the draft, so the labels follow from the experiment alone: a share link or an
 * imported file of the same experiment exports the same CSV, byte for byte.
 */
export function raceRuns(s: Pick<AppState, 'runUids' | 'traj' | 'draft'>, name: (run: NamedRun) => string): RaceRun[] {
  const byUid = new Map(s.draft.runs.map((r) => [r.uid, r]));
  const counts = new Map<OptimizerId, number>();
  const out: RaceRun[] = [];
  s.runUids.forEach((uid, i) => {
    const run = byUid.get(uid);
    const data = s.traj.runs[i];
    if (!run || !data) return;
    const ordinal = (counts.get(run.optimizer) ?? 0) + 1;
    counts.set(run.optimizer, ordinal);
    out.push({
      label: name({ label: run.label, optimizer: run.optimizer, ordinal }),
      optimizer: run.optimizer,
      color: run.color,
      hidden: run.hidden,
      x: data.x,
      y: data.y,
      loss: data.loss,
      length: s.traj.lengthOf(i),
    });
  });
  return out;
}
