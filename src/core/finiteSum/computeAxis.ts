/**
 * The loss chart's compute axes for a finite-sum race: for each step index k of a run, the
 * per-sample gradient evaluations it has spent to reach θ_k (gradEvals.ts), or the same in
 * epochs (evaluations / n). Plotting loss against these rather than against steps is the fair
 * comparison: a full-batch step costs n evaluations, an SGD step one.
 */
import type { ResolvedRun } from '../experiment';
import { gradEvalsAfter, type FiniteSumMethod } from './gradEvals';
import { svrgPeriod } from './svrg';

/** What the loss chart's x axis counts. */
export type ComputeAxis = 'steps' | 'evals' | 'epochs';

export const COMPUTE_AXES: readonly ComputeAxis[] = ['steps', 'evals', 'epochs'];

/** How a run of the race spends gradient evaluations. */
export function methodOf(run: Pick<ResolvedRun, 'optimizer'>): FiniteSumMethod {
  return run.optimizer === 'sag' ? 'sag' : run.optimizer === 'svrg' ? 'svrg' : 'plain';
}

const cache = new Map<string, Float64Array>();
const MAX_CACHED = 64;

/**
 * x of step indices 0..steps of `run` on `axis` ('evals' or 'epochs') in a race on n samples.
 * Cached by everything it depends on (the chart asks for it on every redraw).
 */
export function computeAxisValues(
  run: Pick<ResolvedRun, 'optimizer' | 'batch' | 'hyper'>,
  n: number,
  steps: number,
  axis: Exclude<ComputeAxis, 'steps'>,
): Float64Array {
  const method = methodOf(run);
  const period = method === 'svrg' ? svrgPeriod(run.hyper.m, n) : 2 * n;
  const key = `${axis}|${method}|${run.batch.size}|${run.batch.sampling}|${period}|${n}|${steps}`;
  let xs = cache.get(key);
  if (xs === undefined) {
    xs = new Float64Array(steps + 1);
    const per = axis === 'epochs' ? n : 1;
    for (let k = 0; k <= steps; k++) xs[k] = gradEvalsAfter(method, run.batch, n, k, period) / per;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, xs);
  }
  return xs;
}
