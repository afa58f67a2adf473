/**
 * SAG vs SGD vs gradient descent on 200 samples: full-batch GD converges in few steps that each
 * cost 200 sample gradients; SGD's single-sample steps stay noisy; SAG's single-sample steps
 * along the average of stored gradients converge, with fewer gradient evaluations than GD.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

export const sagGd: Lesson = {
  id: 'sag_gd',
  ...lessonKeys('sag_gd'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'linear_regression', params: { standardize: 1 } },
    runs: [
      { optimizer: 'gd', hyper: { lr: 0.1 } },
      { optimizer: 'gd', hyper: { lr: 0.005 }, batch: { size: 1 }, label: 'SGD (B = 1)' },
      { optimizer: 'sag', hyper: { lr: 0.002 }, batch: { size: 1 } },
    ],
  },
  tex: '\\theta_{t+1} = \\theta_t - \\frac{\\gamma}{m_t} \\sum_{i=1}^{n} y_i',
};
