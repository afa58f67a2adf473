/**
 * A learning rate too large: gradient descent on the bowl ½(x² + 10y²) is stable only for
 * γ < 2/λ_max = 0.2. Four runs straddle the limit: 0.02 (safe and slow), 0.1 (fast), 0.19
 * (zig-zags across the bowl but still converges) and 0.21 (every zig larger than the last:
 * diverges). Steps are in lessons.test.ts.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

const LRS = [0.02, 0.1, 0.19, 0.21] as const;

export const largeLr: Lesson = {
  id: 'large_lr',
  ...lessonKeys('large_lr'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'quadratic', params: { kappa: 10, theta: 0 } },
    start: [-2.5, 1.5],
    runs: LRS.map((lr) => ({ optimizer: 'gd', hyper: { lr }, label: `lr = ${lr}` })),
  },
  tex: '\\gamma < \\frac{2}{\\lambda_{\\max}} = \\frac{2}{10} = 0.2',
};
