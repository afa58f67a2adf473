/**
 * Experiment slice: the draft config (single source of truth), the last valid resolved
 * experiment, and the validation error of the last refused edit. Every edit goes through
 * resolveExperiment; a refused edit leaves both the draft and the race untouched.
 */
import type { StateCreator } from 'zustand';
import type { BatchConfig, ResolvedExperiment, ScheduleConfig } from '../core/experiment';
import { resolveExperiment } from '../core/experiment';
import type { ObjectiveId } from '../core/objectives/types';
import type { OptimizerId } from '../core/optimizers/types';
import type { FormulaErrorInfo } from '../core/expr/types';
import { compileFormula } from '../core/expr';
import * as D from './draft';
import { defaultExperiment } from './defaults';
import { withMaxGradNorm, withSchedule } from './tuning';
import type { AppState } from './state';
import type { Box } from '../core/objectives/types';

/** Why the config changed; the runner decides from it whether a race restarts. */
export type ChangeKind = 'hyper' | 'structure' | 'cosmetic';

export interface ConfigError {
  readonly message: string;
  readonly path: string;
}

export interface ExperimentSlice {
  draft: D.ExperimentDraft;
  resolved: ResolvedExperiment;
  /** Bumped on every accepted edit; the runner compares physics keys to skip cosmetic ones. */
  configVersion: number;
  lastChange: ChangeKind;
  configError: ConfigError | null;
  /** Custom formula text as typed (may not compile). */
  formulaText: string;
  formulaError: FormulaErrorInfo | null;
  /** Validates and applies a new draft. Returns false (and sets configError) when refused. */
  applyDraft(next: D.ExperimentDraft, kind: ChangeKind): boolean;
  addRun(id: OptimizerId): void;
  removeRun(uid: string): void;
  duplicateRun(uid: string, label: string): void;
  /**
   * A copy of run `uid` with some hyperparameters changed (a cell of the hyperparameter map),
   * added after it; returns the new run's uid, or null at the run cap.
   */
  addRunVariant(uid: string, hyper: Readonly<Record<string, number>>, label: string): string | null;
  renameRun(uid: string, label: string): void;
  recolorRun(uid: string, color: string): void;
  toggleHidden(uid: string): void;
  setHyper(uid: string, name: string, value: number): boolean;
  /** Patches a run's learning-rate schedule (src/store/tuning.ts); a hyperparameter change. */
  setSchedule(uid: string, patch: Partial<ScheduleConfig>): boolean;
  /** Sets a run's gradient clipping norm (0 = off); a hyperparameter change. */
  setMaxGradNorm(uid: string, value: number): boolean;
  /** Sets a run's batch regime (dataset objectives): the race starts again. */
  setBatch(uid: string, batch: BatchConfig): boolean;
  setObjective(id: ObjectiveId): void;
  setObjectiveParam(name: string, value: number): boolean;
  /** Compiles the formula; on error keeps the previous surface and reports the position. */
  setCustomFormula(text: string): boolean;
  setStart(x: number, y: number): void;
  setSteps(steps: number): boolean;
  dismissConfigError(): void;
  /**
   * Replaces the whole experiment (a share link, an imported file, a lesson, the remembered
   * state): a new race from step 0, the given zoom window (null = the surface's own view),
   * the first run selected. `e` is already validated (resolveExperiment or the link decoder).
   */
  loadExperiment(e: ResolvedExperiment, view?: Box | null): void;
}

function errorOf(e: unknown): ConfigError {
  const message = e instanceof Error ? e.message : String(e);
  const path = typeof e === 'object' && e !== null && 'path' in e ? String((e as { path: unknown }).path) : '';
  return { message, path };
}

function formulaErrorOf(e: unknown): FormulaErrorInfo {
  if (typeof e === 'object' && e !== null && 'position' in e) {
    const f = e as FormulaErrorInfo;
    return { message: f.message, position: f.position, length: f.length ?? 1, code: f.code, args: f.args };
  }
  return { message: e instanceof Error ? e.message : String(e), position: 0, length: 1 };
}

const initialDraft = defaultExperiment();

/** Default custom formula: a tilted bowl with a ripple, a good first thing to edit. */
export const DEFAULT_FORMULA = 'x^2 + 3*y^2 + 0.5*sin(3*x)';

export const createExperimentSlice: StateCreator<AppState, [], [], ExperimentSlice> = (set, get) => ({
  draft: initialDraft,
  resolved: resolveExperiment(D.toExperimentInput(initialDraft)),
  configVersion: 0,
  lastChange: 'structure',
  configError: null,
  formulaText: DEFAULT_FORMULA,
  formulaError: null,

  applyDraft(next, kind) {
    try {
      const resolved = resolveExperiment(D.toExperimentInput(next));
      set((s) => ({ draft: next, resolved, configVersion: s.configVersion + 1, lastChange: kind, configError: null }));
      return true;
    } catch (e) {
      set({ configError: errorOf(e) });
      return false;
    }
  },
  addRun(id) {
    if (!D.atRunCap(get().draft)) get().applyDraft(D.addRun(get().draft, id), 'structure');
  },
  removeRun(uid) {
    get().applyDraft(D.removeRun(get().draft, uid), 'structure');
    if (get().selectedUid === uid) set({ selectedUid: get().draft.runs[0]?.uid ?? null });
  },
  duplicateRun(uid, label) {
    if (!D.atRunCap(get().draft)) get().applyDraft(D.duplicateRun(get().draft, uid, label), 'structure');
  },
  addRunVariant(uid, hyper, label) {
    const d = get().draft;
    if (D.atRunCap(d) || !d.runs.some((r) => r.uid === uid)) return null;
    const copied = D.duplicateRun(d, uid, label);
    const added = `r${d.nextUid}`;
    const run = copied.runs.find((r) => r.uid === added)!;
    return get().applyDraft(D.patchRun(copied, added, { hyper: { ...run.hyper, ...hyper } }), 'structure') ? added : null;
  },
  renameRun: (uid, label) => void get().applyDraft(D.patchRun(get().draft, uid, { label }), 'cosmetic'),
  recolorRun: (uid, color) => void get().applyDraft(D.patchRun(get().draft, uid, { color }), 'cosmetic'),
  toggleHidden(uid) {
    const run = get().draft.runs.find((r) => r.uid === uid);
    if (run) get().applyDraft(D.patchRun(get().draft, uid, { hidden: !run.hidden }), 'cosmetic');
  },
  setHyper: (uid, name, value) => get().applyDraft(D.setHyper(get().draft, uid, name, value), 'hyper'),
  setSchedule: (uid, patch) => get().applyDraft(withSchedule(get().draft, uid, patch), 'hyper'),
  setMaxGradNorm: (uid, value) => get().applyDraft(withMaxGradNorm(get().draft, uid, value), 'hyper'),
  setBatch: (uid, batch) => get().applyDraft(D.patchRun(get().draft, uid, { batch }), 'structure'),
  setObjective(id) {
    if (id === 'custom') {
      get().setCustomFormula(get().formulaText);
      return;
    }
    if (get().applyDraft(D.setObjective(get().draft, id), 'structure')) set({ view: null, formulaError: null });
  },
  setObjectiveParam: (name, value) => get().applyDraft(D.setObjectiveParam(get().draft, name, value), 'structure'),
  setCustomFormula(text) {
    set({ formulaText: text });
    try {
      compileFormula(text);
    } catch (e) {
      set({ formulaError: formulaErrorOf(e) });
      return false;
    }
    const ok = get().applyDraft(D.setObjective(get().draft, 'custom', text), 'structure');
    if (ok) set({ formulaError: null, view: null });
    return ok;
  },
  setStart: (x, y) => void get().applyDraft({ ...get().draft, start: [x, y] }, 'structure'),
  setSteps: (steps) => get().applyDraft({ ...get().draft, steps }, 'structure'),
  dismissConfigError: () => set({ configError: null }),
  loadExperiment(e, view = null) {
    const draft = D.fromResolved(e);
    if (!get().applyDraft(draft, 'structure')) return;
    set({
      view,
      selectedUid: draft.runs[0]?.uid ?? null,
      formulaError: null,
      ...(e.objective.formula !== undefined ? { formulaText: e.objective.formula } : {}),
    });
  },
});
