/**
 * The experiment config: one typed, validated value that describes everything needed to
 * reproduce a race. CONTRACT (types are fixed; the implementation fills in resolveExperiment).
 */
import type { OptimizerId } from './optimizers/types';
import type { ObjectiveId } from './objectives/types';

/** Learning-rate schedule: a multiplier m(t) on lr, per optimizer step. */
export interface ScheduleConfig {
  readonly kind: 'constant' | 'step' | 'exponential' | 'cosine';
  /** step: multiply by gamma every step_size steps. */
  readonly step_size: number;
  /** step / exponential: decay factor. */
  readonly gamma: number;
  /** cosine: period in steps (defaults to the experiment's steps). */
  readonly t_max: number;
  /** cosine: floor as a fraction of lr. */
  readonly min_factor: number;
  /** Linear warm-up over this many steps (0 = none), applied on top of any kind. */
  readonly warmup: number;
}

export interface ResolvedRun {
  readonly optimizer: OptimizerId;
  /** Every hyperparameter of the optimizer, defaults filled in (booleans 0/1). */
  readonly hyper: Readonly<Record<string, number>>;
  readonly label: string;
  /** CSS colour, '#rrggbb'. */
  readonly color: string;
  readonly hidden: boolean;
  readonly schedule: ScheduleConfig;
  /** Gradient clipping by global norm (torch.nn.utils.clip_grad_norm_); 0 = off. */
  readonly max_grad_norm: number;
}

export interface ResolvedExperiment {
  readonly version: 1;
  readonly objective: {
    readonly id: ObjectiveId;
    /** Every user parameter of the objective, defaults filled in. */
    readonly params: Readonly<Record<string, number>>;
    /** Only for id 'custom': the user's formula. */
    readonly formula?: string;
  };
  readonly start: readonly [number, number];
  readonly steps: number;
  /** u32 seed of the PCG hash. */
  readonly seed: number;
  /** A run has converged at the first step where ‖∇f‖ ≤ gradTol. */
  readonly gradTol: number;
  /** A run has diverged when |x| or |y| exceeds this (or a value is NaN/Inf). */
  readonly bound: number;
  readonly runs: readonly ResolvedRun[];
}

export type RunStatus =
  | { readonly kind: 'running' }
  | { readonly kind: 'converged'; readonly step: number }
  | { readonly kind: 'diverged'; readonly step: number; readonly reason: 'nan' | 'inf' | 'bound' };
