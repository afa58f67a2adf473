/**
 * Saddle points: x² − y² pulls every run towards the origin along x and pushes it away along
 * y, but the push is proportional to y. The start (−1.5, 10⁻¹²) lies on the stable line y = 0
 * up to a trillionth, so the push starts at almost nothing: gradient descent slides into the
 * saddle, its gradient vanishes (status "stalled") and the offset needs hundreds of steps of
 * growing by (1 + 2γ) per step before the run escapes. Momentum grows it faster and leaves
 * sooner; Adam divides the tiny gradient by its own tiny size and escapes at once.
 *
 * The surface has no bottom, so an escaped run falls for ever: "diverged (the loss fell
 * without bound)" is the escape, and Adam, whose steps stay about γ long, is still "running"
 * downhill at the end, which also keeps the race going after the others stopped (a race ends
 * when no run is running). Steps are in lessons.test.ts.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

export const saddlePoint: Lesson = {
  id: 'saddle_point',
  ...lessonKeys('saddle_point'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'saddle' },
    start: [-1.5, 1e-12],
    runs: [
      { optimizer: 'gd', hyper: { lr: 0.01 }, label: '' },
      { optimizer: 'momentum_ema', hyper: { lr: 0.1, beta: 0.9 }, label: '' },
      { optimizer: 'adam', hyper: { lr: 0.02 }, label: '' },
    ],
  },
  // Two lines: the card is as narrow as 340 px beside the surface.
  tex: '\\begin{gathered} f(x,y) = x^2 - y^2 \\\\ y_{t+1} = (1 + 2\\gamma)\\,y_t \\end{gathered}',
};
