/**
 * Why momentum helps in a ravine: a bowl 300 times steeper across than along (curvatures 300
 * and 1). Gradient descent's learning rate is capped by the steep walls (stable only below
 * 2/300); just below the cap it zig-zags between them and crawls along the flat floor.
 * Momentum (the EMA form, α = 10·γ, β = 0.9: the same walk as SGD with γ and momentum 0.9)
 * averages the alternating gradients across the ravine, so the ten times larger α stays
 * stable (for GD it would diverge), and along the floor, where the gradients agree, it moves
 * ten times faster. It still swings from wall to wall on the way: the picture shows wide
 * swings, so the card says so rather than the textbook cartoon of a smooth path. Measured
 * (f64 and f32 alike): GD reaches ‖∇f‖ ≤ 1e-3 at step 1182, momentum at step 205.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

/** GD's step: 1.98 / λ_max, close below the cap, where the zig-zag is slowest to die out. */
const LR = 0.0066;

export const ravine: Lesson = {
  id: 'ravine',
  ...lessonKeys('ravine'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'quadratic', params: { kappa: 300, theta: 0 } },
    start: [-2.5, 1.5],
    runs: [
      { optimizer: 'gd', hyper: { lr: LR }, label: '' },
      { optimizer: 'momentum_ema', hyper: { lr: 10 * LR, beta: 0.9 }, label: '' },
    ],
  },
  tex: 'f(x,y) = \\tfrac12\\,(x^2 + 300\\,y^2)',
};
