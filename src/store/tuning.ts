/**
 * The per-run "Schedule & clipping" controls as data: which fields each schedule kind shows,
 * their valid ranges (exactly resolveExperiment's, so the field refuses what the config would),
 * slider ranges scaled to the race's step budget, and the pure draft edits behind the store's
 * setSchedule / setMaxGradNorm actions.
 */
import { MAX_STEPS, type ScheduleConfig } from '../core/experiment';
import { defaultSchedule } from '../core/schedule';
import type { NumberSpec } from '../ui/NumberField/validate';
import { patchRun, type ExperimentDraft, type RunDraft } from './draft';

export type ScheduleKind = ScheduleConfig['kind'];
export type ScheduleField = Exclude<keyof ScheduleConfig, 'kind'>;

/** The kinds in menu order. */
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'step', 'exponential', 'cosine'];

/** The fields each kind shows, warm-up last (it applies on top of every kind). */
export const KIND_FIELDS: Readonly<Record<ScheduleKind, readonly ScheduleField[]>> = {
  constant: ['warmup'],
  step: ['step_size', 'gamma', 'warmup'],
  exponential: ['gamma', 'warmup'],
  cosine: ['t_max', 'min_factor', 'warmup'],
};

/**
 * γ on switching kind: halving every step_size steps suits 'step'; decaying every single step
 * needs γ near 1 (resolveExperiment's default for 'exponential' is the same 0.99).
 */
export const KIND_GAMMA: Readonly<Partial<Record<ScheduleKind, number>>> = { step: 0.5, exponential: 0.99 };

/** Valid range of max_grad_norm, as resolveExperiment checks it; 0 = clipping off. */
export const MAX_GRAD_NORM_RANGE = { min: 0, max: 1e6 } as const;

/**
 * The NumberField spec of a schedule field for a race of `steps` steps. Valid ranges are the
 * config's; the step-count sliders cover the budget (beyond it a field only makes sense typed).
 */
export function scheduleFieldSpec(field: ScheduleField, steps: number): NumberSpec {
  const budget = Math.max(2, Math.min(steps, MAX_STEPS));
  switch (field) {
    case 'step_size':
      return { min: 1, max: MAX_STEPS, scale: 'log', kind: 'int', slider: { min: 1, max: budget, scale: 'log' } };
    case 't_max':
      return { min: 1, max: MAX_STEPS, scale: 'linear', kind: 'int', slider: { min: 1, max: budget, scale: 'linear' } };
    case 'warmup':
      return { min: 0, max: MAX_STEPS, scale: 'linear', kind: 'int', slider: { min: 0, max: budget, scale: 'linear' } };
    case 'gamma':
    case 'min_factor':
      return { min: 0, max: 1, scale: 'linear', kind: 'real' };
  }
}

/** NumberField spec of max_grad_norm: log slider 0.01–1000, its first position 0 (off). */
export const MAX_GRAD_NORM_SPEC: NumberSpec = {
  ...MAX_GRAD_NORM_RANGE,
  scale: 'log',
  kind: 'real',
  slider: { min: 0.01, max: 1000, scale: 'log' },
};

/** The run's schedule with every field (what resolveExperiment fills in when it is absent). */
export function runSchedule(run: RunDraft, steps: number): ScheduleConfig {
  return run.schedule ?? defaultSchedule(steps);
}

/** A schedule or clipping changes this run's walk (the summary and the explain panel show it). */
export function tuningActive(s: ScheduleConfig, maxGradNorm: number): boolean {
  return s.kind !== 'constant' || s.warmup > 0 || maxGradNorm > 0;
}

/**
 * The draft with run `uid`'s schedule patched. Switching kind without a γ in the patch takes
 * that kind's usual γ (KIND_GAMMA); every other value is kept for switching back.
 */
export function withSchedule(d: ExperimentDraft, uid: string, patch: Partial<ScheduleConfig>): ExperimentDraft {
  const run = d.runs.find((r) => r.uid === uid);
  if (!run) return d;
  const base = runSchedule(run, d.steps);
  const kind = patch.kind ?? base.kind;
  const gamma = kind !== base.kind && patch.gamma === undefined ? (KIND_GAMMA[kind] ?? base.gamma) : base.gamma;
  return patchRun(d, uid, { schedule: { ...base, gamma, ...patch } });
}

/** The draft with run `uid`'s gradient clipping norm set (0 = off). */
export function withMaxGradNorm(d: ExperimentDraft, uid: string, value: number): ExperimentDraft {
  return d.runs.some((r) => r.uid === uid) ? patchRun(d, uid, { max_grad_norm: value }) : d;
}
