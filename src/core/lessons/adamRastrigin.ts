/**
 * Adam on Rosenbrock vs Rastrigin. Adam's per-coordinate scaling fixes a badly scaled valley
 * (Rosenbrock: Adam converges, GD crawls), but not a landscape of local minima: on Rastrigin
 * both slide into the ripple next to the start, (2.98, −2.98) at loss 17.9, and stall. The
 * lesson opens on Rastrigin; the card asks the class to pick Rosenbrock, which keeps the runs
 * and moves the start to Rosenbrock's own (−1.2, 1). Steps are in lessons.test.ts.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

export const adamRastrigin: Lesson = {
  id: 'adam_rastrigin',
  ...lessonKeys('adam_rastrigin'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'rastrigin', params: { A: 10 } },
    start: [3.3, -2.7],
    runs: [
      { optimizer: 'adam', hyper: { lr: 0.1 }, label: '' },
      { optimizer: 'gd', hyper: { lr: 0.001 }, label: '' },
    ],
  },
  // Two lines: the card is as narrow as 340 px beside the surface.
  tex: '\\begin{aligned} f(x,y) = 20 &+ x^2 + y^2 \\\\ &- 10\\cos 2\\pi x - 10\\cos 2\\pi y \\end{aligned}',
};
