/**
 * The textbook worked example (issue 12): heavy-ball momentum v ← βv + g, θ ← θ − αv with
 * α = 0.01, β = 0.9 against plain GD with the same α, on mini-batches of a linear regression.
 * The card shows the 10-parameter example's per-epoch table (src/core/training/workedExample.ts,
 * the numbers `npm run simulate -- examples/textbook-momentum.json --vs=gd` prints); the map
 * races the same two methods on the 2-parameter line fit with the example's own n, σ, B, α, β,
 * all read from TRAINING_DEFAULTS so the race cannot drift from the table. Heavy-ball momentum is
 * the registry's 'sgd' with momentum = β (dampening 0: torch.optim.SGD); the EMA form
 * ('momentum_ema') with the same α would be this walk with α(1 − β). Numbers in lessons.test.ts.
 */
import { TRAINING_DEFAULTS as EXAMPLE } from '../training/config';
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

const batch = { size: EXAMPLE.batch, sampling: 'shuffle' } as const;

export const textbookMomentum: Lesson = {
  id: 'textbook_momentum',
  ...lessonKeys('textbook_momentum'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'linear_regression', params: { n: EXAMPLE.samples, noise: EXAMPLE.noise, standardize: 1 } },
    runs: [
      { optimizer: 'gd', hyper: { lr: EXAMPLE.lr }, batch },
      { optimizer: 'sgd', hyper: { lr: EXAMPLE.lr, momentum: EXAMPLE.beta }, batch, label: `Momentum (β = ${EXAMPLE.beta})` },
    ],
  },
  tex: '\\begin{aligned} v_t &= \\beta\\, v_{t-1} + g_t, \\quad v_0 = 0 \\\\ \\theta_t &= \\theta_{t-1} - \\alpha\\, v_t \\end{aligned}',
  workedExample: 'textbook_momentum',
};
