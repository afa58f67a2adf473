/**
 * A dataset experiment as a finite-sum race: the objective's samples (from the experiment's
 * seed and the objective's params), its per-sample loss, and every run with its batch regime
 * and its own sampling stream (the run's index, so a link gives every run its batches back).
 */
import type { ResolvedExperiment } from '../experiment';
import { bindObjective } from '../objectives';
import type { DataRaceConfig } from './dataRace';

/** The race of `e`, or null when its objective is a surface, not a sum over data. */
export function dataRaceConfig(e: ResolvedExperiment): DataRaceConfig | null {
  const bound = bindObjective(e.objective.id, e.objective.params, e.objective.formula, e.seed);
  if (!bound.dataset || !bound.def.dataset) return null;
  return {
    loss: bound.def.dataset.loss,
    dataset: bound.dataset,
    runs: e.runs.map((r, i) => ({
      optimizer: r.optimizer,
      hyper: r.hyper,
      batch: r.batch,
      stream: i,
      schedule: r.schedule,
      max_grad_norm: r.max_grad_norm,
    })),
    start: e.start,
    steps: e.steps,
    seed: e.seed,
    gradTol: e.gradTol,
    bound: e.bound,
  };
}
