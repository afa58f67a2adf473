/**
 * Momentum vs gradient descent on data: without feature scaling (x has mean 5) the regression's
 * bowl is a valley with condition number ≈ 134; GD at γ = 0.02 (< 2/λ_max ≈ 0.029) crawls,
 * heavy-ball momentum (β = 0.9) at the same γ converges about five times sooner.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

export const momentumGd: Lesson = {
  id: 'momentum_gd',
  ...lessonKeys('momentum_gd'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'linear_regression', params: { standardize: 0 } },
    runs: [
      { optimizer: 'gd', hyper: { lr: 0.02 } },
      { optimizer: 'sgd', hyper: { lr: 0.02, momentum: 0.9 }, label: 'Momentum (β = 0.9)' },
    ],
  },
  tex: '\\kappa = \\frac{\\lambda_{\\max}}{\\lambda_{\\min}} \\approx 134',
};
