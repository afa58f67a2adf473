/**
 * The experiment config: one typed, validated value that describes everything needed to
 * reproduce a race. CONTRACT (types are fixed; the implementation fills in resolveExperiment).
 */
import type { OptimizerId } from './optimizers/types';
import type { ObjectiveId } from './objectives/types';
import { getOptimizer, isOptimizerId, OPTIMIZERS } from './optimizers';
import { getObjective, isObjectiveId, OBJECTIVES } from './objectives';
import { compileCached } from './objectives/compileCache';
import { MAX_FORMULA_LENGTH } from './expr/parser';
import { defaultSchedule } from './schedule';
import { buildRunPalette } from './runPalette';
import {
  checkNames,
  checkNumber,
  ExperimentError,
  experimentInputSchema,
  issueError,
  show,
  type BatchInput,
  type ExperimentInput,
  type ScheduleInput,
} from './experiment/input';

export { ExperimentError, experimentInputSchema, type ExperimentInput } from './experiment/input';

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
  /**
   * Dataset objectives: the samples each step's gradient averages over. size 0 = the full
   * batch, B = a mini-batch of B (1: stochastic gradient descent), drawn with replacement or
   * from shuffled epochs. Ignored on surfaces (a sum of one term).
   */
  readonly batch: BatchConfig;
}

/** A run's batch regime (src/core/finiteSum/sampler.ts). */
export interface BatchConfig {
  readonly size: number;
  readonly sampling: 'replacement' | 'shuffle';
  /**
   * Ensemble size: the run repeated with this many sampling seeds (1 = just the run), shown as
   * the mean loss with a 10–90 % band and a cloud of iterates (src/core/finiteSum/ensemble.ts).
   * Only stochastic regimes (size > 0) have members; the full batch has nothing to vary.
   */
  readonly seeds: number;
}

/** The full batch, the default regime. */
export const DEFAULT_BATCH: BatchConfig = { size: 0, sampling: 'shuffle', seeds: 1 };
/** Most seeds of one run's ensemble. */
export const MAX_SEEDS = 1024;
/** Largest mini-batch (the largest dataset). */
export const MAX_BATCH = 1_000_000;

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
  /**
   * A run has diverged when |x| or |y| exceeds this (or a value is NaN/Inf, or the loss fell
   * below LOSS_FLOOR: src/core/simulate/status.ts).
   */
  readonly bound: number;
  readonly runs: readonly ResolvedRun[];
}

/**
 * Engines report 'converged' when ‖∇f‖ ≤ gradTol; the app calls a vanished gradient away from
 * every known global minimum 'stalled' (src/core/simulate/stationary.ts). Diverged reasons:
 * 'nan' and 'inf' (a non-finite θ, loss or gradient), 'bound' (|x| or |y| beyond the bound),
 * 'loss' (the loss fell below LOSS_FLOOR: a surface unbounded below).
 */
export type RunStatus =
  | { readonly kind: 'running' }
  | { readonly kind: 'converged'; readonly step: number }
  | { readonly kind: 'stalled'; readonly step: number }
  | { readonly kind: 'diverged'; readonly step: number; readonly reason: DivergedReason };

/** Why a run diverged (see RunStatus). */
export type DivergedReason = 'nan' | 'inf' | 'bound' | 'loss';

// ---------------------------------------------------------------------------------------------
// Implementation: input schema, defaults, validation, canonical JSON.

/** Limits every config must respect (they bound memory and time in the engines). */
export const MAX_RUNS = 64;
export const MAX_STEPS = 100_000;
/** The parser's own limit (src/core/expr/parser.ts), checked here too for share links. */
export { MAX_FORMULA_LENGTH };
export const MAX_LABEL_LENGTH = 64;

/** Defaults filled in by resolveExperiment. */
export const EXPERIMENT_DEFAULTS = { steps: 500, seed: 1, gradTol: 1e-6, bound: 1e6 } as const;

/**
 * Run colours by run index: MAX_RUNS distinct colours (src/core/runPalette.ts), so no two runs
 * of a race share a colour; hand-picked categorical hues first, since most races have few runs.
 */
export const RUN_PALETTE: readonly string[] = buildRunPalette(MAX_RUNS);

/**
 * Defaults come from schedule.ts's defaultSchedule, except gamma for 'exponential' (0.99): its
 * 0.5 suits halving every step_size steps, not decaying every single step.
 */
function resolveSchedule(path: string, s: ScheduleInput, steps: number): ScheduleConfig {
  const d = defaultSchedule(steps);
  const kind = s.kind ?? d.kind;
  const int = (name: 'step_size' | 't_max' | 'warmup', min: number) =>
    checkNumber(`${path}.${name}`, s[name] ?? d[name], { min, max: MAX_STEPS, kind: 'int' });
  return {
    kind,
    step_size: int('step_size', 1),
    gamma: checkNumber(`${path}.gamma`, s.gamma ?? (kind === 'exponential' ? 0.99 : d.gamma), { min: 0, max: 1 }),
    t_max: int('t_max', 1),
    min_factor: checkNumber(`${path}.min_factor`, s.min_factor ?? d.min_factor, { min: 0, max: 1 }),
    warmup: int('warmup', 0),
  };
}

function resolveObjective(o: ExperimentInput['objective']): ResolvedExperiment['objective'] {
  if (!isObjectiveId(o.id)) {
    throw new ExperimentError('objective.id', `objective.id = ${show(o.id)} is not a known objective (known: ${OBJECTIVES.map((d) => d.id).join(', ')})`);
  }
  const def = getObjective(o.id);
  const given = o.params ?? {};
  checkNames('objective.params', given, def.params.map((p) => p.name), `parameter of ${o.id}`);
  const params: Record<string, number> = {};
  for (const spec of def.params) params[spec.name] = checkNumber(`objective.params.${spec.name}`, given[spec.name] ?? spec.default, spec);
  if (o.id !== 'custom') {
    if (o.formula !== undefined) throw new ExperimentError('objective.formula', `objective.formula is only allowed when objective.id is 'custom'`);
    return { id: o.id, params };
  }
  const formula = o.formula ?? def.formula;
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw new ExperimentError('objective.formula', `objective.formula is ${formula.length} characters long; at most ${MAX_FORMULA_LENGTH} are allowed`);
  }
  try {
    compileCached(formula, []);
  } catch (e) {
    const position = typeof (e as { position?: unknown }).position === 'number' ? (e as { position: number }).position : undefined;
    throw new ExperimentError('objective.formula', `objective.formula = ${show(formula)}: ${(e as Error).message}`, position);
  }
  return { id: o.id, params, formula };
}

function resolveRun(i: number, run: ExperimentInput['runs'][number], steps: number): ResolvedRun {
  const path = `runs[${i}]`;
  if (!isOptimizerId(run.optimizer)) {
    throw new ExperimentError(`${path}.optimizer`, `${path}.optimizer = ${show(run.optimizer)} is not a known optimizer (known: ${OPTIMIZERS.map((d) => d.id).join(', ')})`);
  }
  const def = getOptimizer(run.optimizer);
  const given = run.hyper ?? {};
  checkNames(`${path}.hyper`, given, def.hyper.map((s) => s.name), `hyperparameter of ${def.id}`);
  const hyper: Record<string, number> = {};
  for (const spec of def.hyper) hyper[spec.name] = checkNumber(`${path}.hyper.${spec.name}`, given[spec.name] ?? spec.default, spec);
  const label = run.label ?? def.name;
  if (label.length > MAX_LABEL_LENGTH) throw new ExperimentError(`${path}.label`, `${path}.label is longer than ${MAX_LABEL_LENGTH} characters`);
  const color = (run.color ?? RUN_PALETTE[i % RUN_PALETTE.length]).toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(color)) throw new ExperimentError(`${path}.color`, `${path}.color = ${show(run.color)} should look like '#rrggbb'`);
  return {
    optimizer: def.id,
    hyper,
    label,
    color,
    hidden: run.hidden ?? false,
    schedule: resolveSchedule(`${path}.schedule`, run.schedule ?? {}, steps),
    max_grad_norm: checkNumber(`${path}.max_grad_norm`, run.max_grad_norm ?? 0, { min: 0, max: 1e6 }),
    batch: resolveBatch(`${path}.batch`, run.batch ?? {}),
  };
}

function resolveBatch(path: string, b: BatchInput): BatchConfig {
  return {
    size: checkNumber(`${path}.size`, b.size ?? DEFAULT_BATCH.size, { min: 0, max: MAX_BATCH, kind: 'int' }),
    sampling: b.sampling ?? DEFAULT_BATCH.sampling,
    seeds: checkNumber(`${path}.seeds`, b.seeds ?? DEFAULT_BATCH.seeds, { min: 1, max: MAX_SEEDS, kind: 'int' }),
  };
}

/**
 * Validates a config (parsed JSON, a share-link payload, a store value) and fills every default:
 * objective params from the registry, hyperparameters from the optimizer's schema, label = the
 * optimizer's name, colour = RUN_PALETTE[run index], steps 500, seed 1, gradTol 1e-6, bound 1e6,
 * start = the objective's start. Throws ExperimentError naming the first bad field.
 */
export function resolveExperiment(input: unknown): ResolvedExperiment {
  const parsed = experimentInputSchema.safeParse(input);
  if (!parsed.success) throw issueError(input, parsed.error.issues[0]);
  const c = parsed.data;
  const objective = resolveObjective(c.objective);
  const steps = checkNumber('steps', c.steps ?? EXPERIMENT_DEFAULTS.steps, { min: 1, max: MAX_STEPS, kind: 'int' });
  const seed = checkNumber('seed', c.seed ?? EXPERIMENT_DEFAULTS.seed, { min: 0, max: 0xffffffff, kind: 'int' });
  const gradTol = checkNumber('gradTol', c.gradTol ?? EXPERIMENT_DEFAULTS.gradTol, { min: 0, max: 1e6 });
  const bound = checkNumber('bound', c.bound ?? EXPERIMENT_DEFAULTS.bound, { min: 1e-6, max: 1e300 });
  const s = c.start ?? getObjective(objective.id).start;
  const start = [0, 1].map((j) => checkNumber(`start[${j}]`, s[j], { min: -bound, max: bound })) as [number, number];
  if (c.runs.length === 0) throw new ExperimentError('runs', 'runs is empty; at least one run is needed');
  if (c.runs.length > MAX_RUNS) throw new ExperimentError('runs', `runs has ${c.runs.length} entries; at most ${MAX_RUNS} are allowed`);
  const runs = c.runs.map((run, i) => resolveRun(i, run, steps));
  return { version: 1, objective, start, steps, seed, gradTol, bound, runs };
}

/**
 * The full config as a plain JSON value with a stable key order (every value written, defaults
 * included, so a link keeps meaning the same thing when defaults change).
 * resolveExperiment(experimentToJSON(e)) deep-equals e.
 */
export function experimentToJSON(exp: ResolvedExperiment): ExperimentInput {
  const o = exp.objective;
  const od = getObjective(o.id);
  return {
    version: 1,
    objective: {
      id: o.id,
      params: Object.fromEntries(od.params.map((p) => [p.name, o.params[p.name]])),
      ...(o.formula !== undefined ? { formula: o.formula } : {}),
    },
    start: [exp.start[0], exp.start[1]],
    steps: exp.steps,
    seed: exp.seed,
    gradTol: exp.gradTol,
    bound: exp.bound,
    runs: exp.runs.map((r) => {
      const s = r.schedule;
      return {
        optimizer: r.optimizer,
        hyper: Object.fromEntries(getOptimizer(r.optimizer).hyper.map((h) => [h.name, r.hyper[h.name]])),
        label: r.label,
        color: r.color,
        hidden: r.hidden,
        schedule: { kind: s.kind, step_size: s.step_size, gamma: s.gamma, t_max: s.t_max, min_factor: s.min_factor, warmup: s.warmup },
        max_grad_norm: r.max_grad_norm,
        batch: { size: r.batch.size, sampling: r.batch.sampling, seeds: r.batch.seeds },
      };
    }),
  };
}
