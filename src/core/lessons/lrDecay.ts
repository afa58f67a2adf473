/**
 * Learning-rate decay (replacing the "SGD noise vs batch size": the app has no
 * stochastic objectives yet, so that lesson could not be shown honestly). γ = 0.3 is above
 * the bowl's limit 2/λ_max = 0.2 (the large_lr lesson); gradient clipping at norm 5 keeps each
 * step at most 1.5 long, so the run cannot explode, but it cannot settle either: it bounces
 * between two points across the bowl for ever. A schedule shrinks γ over time: StepLR halves
 * it at step 500 (below 0.2 at once), cosine annealing passes 0.2 near step 1175; each run
 * settles soon after. Steps are in lessons.test.ts.
 */
import { LESSON_RACE, lessonKeys, type Lesson } from './types';

const LR = 0.3;
const CLIP = 5;

export const lrDecay: Lesson = {
  id: 'lr_decay',
  ...lessonKeys('lr_decay'),
  experiment: {
    ...LESSON_RACE,
    objective: { id: 'quadratic', params: { kappa: 10, theta: 0 } },
    start: [-2.5, 1.5],
    runs: [
      { optimizer: 'gd', hyper: { lr: LR }, max_grad_norm: CLIP, label: `lr = ${LR}` },
      { optimizer: 'gd', hyper: { lr: LR }, max_grad_norm: CLIP, label: `lr = ${LR} · StepLR`, schedule: { kind: 'step', step_size: 500, gamma: 0.5 } },
      { optimizer: 'gd', hyper: { lr: LR }, max_grad_norm: CLIP, label: `lr = ${LR} · CosineAnnealingLR`, schedule: { kind: 'cosine' } },
    ],
  },
  tex: '\\gamma_t = \\gamma\\cdot\\tfrac12\\bigl(1 + \\cos\\tfrac{\\pi t}{T}\\bigr)',
};
