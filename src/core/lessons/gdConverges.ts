/**
 * Why gradient descent converges: on standardized data the mean squared error of a line is the
 * round bowl with Hessian 2I, so one step multiplies θ − θ* by exactly 1 − 2γ. Four runs: 0.8
 * per step, 0.1, −0.9 (overshooting but shrinking) and −1.04 (diverging). Steps in lessons.test.ts.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

const LRS = [0.1, 0.45, 0.95, 1.02] as const;

export const gdConverges: Lesson = {
  id: 'gd_converges',
  ...lessonKeys('gd_converges'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'linear_regression', params: { standardize: 1 } },
    runs: LRS.map((lr) => ({ optimizer: 'gd', hyper: { lr }, label: `lr = ${lr}` })),
  },
  tex: '\\theta_{t+1} - \\theta^\\star = (1 - 2\\gamma)\\,(\\theta_t - \\theta^\\star)',
};
