/**
 * The view that teaches on first sight: Rosenbrock's banana valley with four optimizers racing
 * from one start high on the valley's left wall. Learning rates were tuned with the reference
 * simulator so the story shows in ten seconds: Adam (lr 0.02) converges near step 1,150,
 * momentum (α 0.01, β 0.9) near step 1,500 after swinging along the valley, RMSprop ends
 * close, and plain gradient descent (lr 0.001, near its stability limit) is still crawling.
 *
 * gradTol 1e-3, not 1e-4: the engines compute in float32, where ‖∇f‖ near a minimum cannot be
 * resolved below about ulp(θ)·λ_max (one ulp of θ ≈ 3 moves Rastrigin's gradient by ≈ 1e-4,
 * Goldstein–Price's by more). At 1e-4 the test was decided by the last bits of the arithmetic:
 * on Rastrigin gradient descent stops at ‖∇f‖ = 8.8e-5 on the CPU (converged at step 30) and at
 * 1.4e-4 on WebGPU (SwiftShader's cos differs in the last bits: running for ever), and on
 * Goldstein–Price momentum sat at the global minimum saying "running". At 1e-3 the gradient
 * crosses the tolerance while it still decays, well above that noise.
 */
import type { ExperimentDraft } from './draft';
import { addRun, setObjective } from './draft';

const EMPTY: ExperimentDraft = {
  version: 1,
  objective: { id: 'rosenbrock', params: {} },
  start: [-1.2, 1],
  steps: 3000,
  seed: 1,
  gradTol: 1e-3,
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
