/**
 * The editable experiment ("draft"): the store's single source of truth for the config.
 * It is a ResolvedExperiment plus a stable `uid` per run (React keys, selection, trajectory
 * lookup). Every function here is pure: it returns a new draft and never mutates its input,
 * so the store's reducers are unit-testable without a DOM or an engine.
 */
import type { BatchConfig, ExperimentInput, ResolvedExperiment, ResolvedRun, ScheduleConfig } from '../core/experiment';
import type { ObjectiveId } from '../core/objectives/types';
import type { OptimizerId } from '../core/optimizers/types';
import { getOptimizer } from '../core/optimizers';
import { getObjective } from '../core/objectives';
import { MAX_RUNS, RUN_PALETTE as palette } from '../core/experiment';

/** One run as the UI edits it. `label` '' means "use the translated optimizer name". */
export interface RunDraft extends Omit<ResolvedRun, 'hyper' | 'schedule' | 'batch'> {
  readonly uid: string;
  readonly hyper: Readonly<Record<string, number>>;
  /** Absent: a constant learning rate (resolveExperiment fills the defaults). */
  readonly schedule?: ScheduleConfig;
  /** Absent: the full batch (dataset objectives only; surfaces ignore it). */
  readonly batch?: BatchConfig;
  /**
   * The run's number among the runs of its optimizer, fixed when it is added: the second Adam
   * run is "Adam 2" (src/ui/text/names.ts). UI-only, like uid. Absent reads as 1.
   */
  readonly ordinal?: number;
}

export interface ExperimentDraft extends Omit<ResolvedExperiment, 'runs'> {
  readonly runs: readonly RunDraft[];
  /** Next uid number; kept in the draft so reducers stay pure. */
  readonly nextUid: number;
}

/** Default hyperparameters of an optimizer, from its schema. */
export function defaultHyper(id: OptimizerId): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of getOptimizer(id).hyper) out[spec.name] = spec.default;
  return out;
}

/** Default user parameters of a surface, from its schema. */
export function defaultParams(id: ObjectiveId): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of getObjective(id).params) out[spec.name] = spec.default;
  return out;
}

/** The first palette colour no run uses yet (cycles when all are taken). */
export function nextColor(runs: readonly RunDraft[]): string {
  const used = new Set(runs.map((r) => r.color.toLowerCase()));
  const free = palette.find((c) => !used.has(c.toLowerCase()));
  return free ?? palette[runs.length % palette.length];
}

/**
 * The number a new run of optimizer `id` gets: one more than the highest number among the
 * race's runs of that optimizer (1 when there are none), so it never repeats a name in the
 * race, also after a run was removed ("Adam", "Adam 2", remove "Adam", add: "Adam 3").
 */
export function nextOrdinal(runs: readonly RunDraft[], id: OptimizerId): number {
  let max = 0;
  for (const r of runs) if (r.optimizer === id) max = Math.max(max, r.ordinal ?? 1);
  return max + 1;
}

/**
 * Optimizers whose step is proportional to the gradient: their learning rate carries the
 * surface's gradient scale (ObjectiveDef.lrScale). The adaptive ones divide it out.
 */
const GRADIENT_SCALED: ReadonlySet<OptimizerId> = new Set<OptimizerId>(['gd', 'sgd', 'momentum_ema']);

/** lr moved from one surface's scale to another's, kept to 6 digits (1e-3 · 0.01 is not 1e-5 in binary). */
function rescaleLr(id: OptimizerId, lr: number, ratio: number): number {
  const spec = getOptimizer(id).hyper.find((h) => h.name === 'lr');
  const v = Number((lr * ratio).toPrecision(6));
  return spec ? Math.min(spec.max, Math.max(spec.min, v)) : v;
}

/** Whether the race is full (MAX_RUNS): adding or duplicating is refused, the UI says why. */
export function atRunCap(d: ExperimentDraft): boolean {
  return d.runs.length >= MAX_RUNS;
}

/**
 * Appends a run of optimizer `id` with its defaults (overridden by `hyper`); a
 * gradient-proportional optimizer's default lr is scaled to the surface (ObjectiveDef.lrScale).
 * At the cap it returns `d` unchanged (the Add button is disabled there and explains why).
 */
export function addRun(d: ExperimentDraft, id: OptimizerId, hyper: Record<string, number> = {}): ExperimentDraft {
  if (atRunCap(d)) return d;
  const defaults = defaultHyper(id);
  const scale = getObjective(d.objective.id).lrScale ?? 1;
  if (scale !== 1 && GRADIENT_SCALED.has(id) && defaults.lr !== undefined) defaults.lr = rescaleLr(id, defaults.lr, scale);
  const run: RunDraft = {
    uid: `r${d.nextUid}`,
    optimizer: id,
    hyper: { ...defaults, ...hyper },
    label: '',
    color: nextColor(d.runs),
    ordinal: nextOrdinal(d.runs, id),
    hidden: false,
    max_grad_norm: 0,
  };
  return { ...d, runs: [...d.runs, run], nextUid: d.nextUid + 1 };
}

export function removeRun(d: ExperimentDraft, uid: string): ExperimentDraft {
  return { ...d, runs: d.runs.filter((r) => r.uid !== uid) };
}

/** Inserts a copy right after the original, with a new colour and the given label (none at the cap). */
export function duplicateRun(d: ExperimentDraft, uid: string, label: string): ExperimentDraft {
  const i = d.runs.findIndex((r) => r.uid === uid);
  if (i < 0 || atRunCap(d)) return d;
  const original = d.runs[i];
  const copy: RunDraft = { ...original, uid: `r${d.nextUid}`, label, color: nextColor(d.runs), ordinal: nextOrdinal(d.runs, original.optimizer) };
  const runs = [...d.runs.slice(0, i + 1), copy, ...d.runs.slice(i + 1)];
  return { ...d, runs, nextUid: d.nextUid + 1 };
}

/** Shallow-patches one run (label, colour, hidden, hyper...). */
export function patchRun(d: ExperimentDraft, uid: string, patch: Partial<Omit<RunDraft, 'uid'>>): ExperimentDraft {
  return { ...d, runs: d.runs.map((r) => (r.uid === uid ? { ...r, ...patch } : r)) };
}

export function setHyper(d: ExperimentDraft, uid: string, name: string, value: number): ExperimentDraft {
  const run = d.runs.find((r) => r.uid === uid);
  if (!run) return d;
  return patchRun(d, uid, { hyper: { ...run.hyper, [name]: value } });
}

/**
 * Switches the surface: its default params and start; the formula only for 'custom'. The
 * gradient-proportional runs' learning rates follow the surfaces' lrScale ratio, so the
 * default race stays sensible on Goldstein–Price and returns to its values on the way back.
 */
export function setObjective(d: ExperimentDraft, id: ObjectiveId, formula?: string): ExperimentDraft {
  const def = getObjective(id);
  const objective = id === 'custom' ? { id, params: {}, formula: formula ?? '' } : { id, params: defaultParams(id) };
  const ratio = (def.lrScale ?? 1) / (getObjective(d.objective.id).lrScale ?? 1);
  const runs = ratio === 1 ? d.runs : d.runs.map((r) =>
    GRADIENT_SCALED.has(r.optimizer) && r.hyper.lr !== undefined ? { ...r, hyper: { ...r.hyper, lr: rescaleLr(r.optimizer, r.hyper.lr, ratio) } } : r);
  return { ...d, objective, start: [def.start[0], def.start[1]], runs };
}

export function setObjectiveParam(d: ExperimentDraft, name: string, value: number): ExperimentDraft {
  return { ...d, objective: { ...d.objective, params: { ...d.objective.params, [name]: value } } };
}

/** The value resolveExperiment validates: the draft without UI-only fields. */
export function toExperimentInput(d: ExperimentDraft): ExperimentInput {
  const { nextUid: _n, runs, ...rest } = d;
  return {
    ...rest,
    start: [rest.start[0], rest.start[1]],
    objective: { ...rest.objective },
    runs: runs.map(({ uid: _u, ordinal: _o, schedule, ...run }) => (schedule ? { ...run, schedule } : run)),
  };
}

/**
 * The draft of a resolved experiment (a share link, an imported file, a lesson): fresh uids
 * r1…rn and, per optimizer, ordinals 1, 2, … in run order, so the second Adam reads "Adam 2".
 * toExperimentInput(fromResolved(e)) resolves to e again.
 */
export function fromResolved(e: ResolvedExperiment): ExperimentDraft {
  const counts = new Map<OptimizerId, number>();
  const runs: RunDraft[] = e.runs.map((r, i) => {
    const ordinal = (counts.get(r.optimizer) ?? 0) + 1;
    counts.set(r.optimizer, ordinal);
    return { ...r, hyper: { ...r.hyper }, schedule: { ...r.schedule }, uid: `r${i + 1}`, ordinal };
  });
  return { ...e, objective: { ...e.objective, params: { ...e.objective.params } }, start: [e.start[0], e.start[1]], runs, nextUid: runs.length + 1 };
}

/**
 * The fields that change what the engine computes. Label, colour and visibility are
 * presentation: changing them must not restart a race.
 */
export function physicsKey(e: ResolvedExperiment): string {
  const runs = e.runs.map((r) => ({ o: r.optimizer, h: r.hyper, s: r.schedule, c: r.max_grad_norm, b: r.batch }));
  return JSON.stringify({ o: e.objective, st: e.start, n: e.steps, seed: e.seed, g: e.gradTol, b: e.bound, runs });
}
