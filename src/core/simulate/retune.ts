/**
 * What a retune or a per-run restart may change: only hyperparameters, schedules and clip norms.
 * Everything else (run count, optimizer per run, objective, start, step budget, tolerances)
 * shapes buffers, tables and kernels; a change there is a new experiment (configure).
 */
import type { ResolvedExperiment } from '../experiment';

/** Throws an Error naming the first field that differs in a way only configure() can apply. */
export function assertRetunable(current: ResolvedExperiment, next: ResolvedExperiment): void {
  const fail = (what: string): never => {
    throw new Error(`retune: ${what} changed; configure the experiment again instead`);
  };
  if (next.runs.length !== current.runs.length) fail(`the run count (${current.runs.length} -> ${next.runs.length})`);
  next.runs.forEach((r, i) => {
    if (r.optimizer !== current.runs[i].optimizer) fail(`run ${i}'s optimizer (${current.runs[i].optimizer} -> ${r.optimizer})`);
  });
  if (JSON.stringify(next.objective) !== JSON.stringify(current.objective)) fail('the objective');
  if (next.start[0] !== current.start[0] || next.start[1] !== current.start[1]) fail('the start point');
  if (next.steps !== current.steps) fail(`the step budget (${current.steps} -> ${next.steps})`);
  if (next.gradTol !== current.gradTol || next.bound !== current.bound) fail('gradTol or bound');
}

/** Throws unless `index` is a run index of `count` runs. */
export function assertRunIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`restartRun: run index ${index} is not in 0..${count - 1}`);
}
