/**
 * The view that teaches on first sight: Rosenbrock's banana valley with four optimizers racing
 * from one start high on the valley's left wall. Learning rates were tuned with the reference
 * simulator so the story shows in ten seconds: Adam (lr 0.02) converges near step 1,350,
 * momentum (α 0.01, β 0.9) near step 2,000 after swinging along the valley, RMSprop ends
 * close, and plain gradient descent (lr 0.001, near its stability limit) is still crawling.
 */
import type { ExperimentDraft } from './draft';
import { addRun, setObjective } from './draft';

const EMPTY: ExperimentDraft = {
  version: 1,
  objective: { id: 'rosenbrock', params: {} },
  start: [-1.2, 1],
  steps: 3000,
  seed: 1,
  gradTol: 1e-4,
  bound: 1e6,
  runs: [],
  nextUid: 1,
};

/** The first-load experiment. */
export function defaultExperiment(): ExperimentDraft {
  let d = setObjective(EMPTY, 'rosenbrock');
  d = { ...d, start: [-1.5, 2.2] };
  d = addRun(d, 'gd', { lr: 1e-3 });
  d = addRun(d, 'momentum_ema', { lr: 1e-2, beta: 0.9 });
  d = addRun(d, 'rmsprop', { lr: 5e-3 });
  d = addRun(d, 'adam', { lr: 2e-2 });
  return d;
}
