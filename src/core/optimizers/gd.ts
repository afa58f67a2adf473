import type { OptimizerDef } from './types';
import { lrSpec, noDerived, weightDecaySpec, zeroInit } from './specs';

/**
 * Plain gradient descent: θ ← θ − γ(g + λθ). Weight decay is coupled (added to the gradient),
 * as in torch.optim.SGD with momentum 0. No state.
 */
export const gd: OptimizerDef = {
  id: 'gd',
  name: 'Gradient descent',
  hyper: [lrSpec(1e-3), weightDecaySpec()],
  derived: [],
  derive: noDerived,
  slots: [],
  scalars: [],
  init: zeroInit,
  step({ theta, g, lr, h, r }) {
    const wd = h.weight_decay;
    for (let i = 0; i < 2; i++) {
      let gi = g[i];
      if (wd !== 0) gi = r(gi + r(wd * theta[i]));
      theta[i] = r(theta[i] - r(lr * gi));
    }
  },
};
