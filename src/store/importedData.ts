/**
 * Switching a dataset objective between generated and imported samples. The experiment names
 * imported samples by their content id (the objective's hidden `data` param), so the switch is
 * an ordinary validated edit: the race restarts on the new data, links carry the id. Imported
 * data put the optimum anywhere, so the start and the zoom follow the data-derived window
 * (bindObjective), and the divergence bound grows where the window needs it.
 */
import type { Dataset } from '../core/data';
import { registerImported } from '../core/data/imported';
import { bindObjective, getObjective } from '../core/objectives';
import { importedSamples } from '../core/objectives/datasetCache';
import type { ExperimentDraft } from './draft';
import type { AppStore } from './store';

/** The draft's objective with these params, its start (and bound) following the bound window. */
function withData(d: ExperimentDraft, params: Readonly<Record<string, number>>): ExperimentDraft {
  const objective = { ...d.objective, params: { ...params } };
  const bound = bindObjective(objective.id, objective.params, objective.formula, d.seed);
  const { view, start } = bound.def;
  // The bound flags a run as diverged; the window must sit well inside it.
  const extent = Math.max(...view.x.map(Math.abs), ...view.y.map(Math.abs));
  const divergence = extent * 10 > d.bound ? Math.min(1e300, 10 ** Math.ceil(Math.log10(extent * 10))) : d.bound;
  return { ...d, objective, start: [start[0], start[1]], bound: divergence };
}

/**
 * Registers `dataset` and races the current dataset objective on it. False (nothing changed but
 * the registry) when the objective reads the other kind of data or the edit is refused.
 */
export function applyImportedData(store: AppStore, dataset: Dataset): boolean {
  const s = store.getState();
  const def = getObjective(s.draft.objective.id);
  if (def.dataset?.kind !== dataset.kind) return false;
  const id = registerImported(dataset);
  let next: ExperimentDraft;
  try {
    next = withData(s.draft, { ...s.draft.objective.params, data: id });
  } catch {
    return false;
  }
  if (!s.applyDraft(next, 'structure')) return false;
  store.getState().setView(null);
  return true;
}

/** Back to the samples drawn from the seed and the generator's params, at the surface's start. */
export function applyGeneratedData(store: AppStore): boolean {
  const s = store.getState();
  const o = s.draft.objective;
  const start = getObjective(o.id).start;
  const ok = s.applyDraft({ ...s.draft, objective: { ...o, params: { ...o.params, data: 0 } }, start: [start[0], start[1]] }, 'structure');
  if (ok) store.getState().setView(null);
  return ok;
}

/** The imported samples the draft races on (raw, as imported), if any. */
export function currentImported(d: ExperimentDraft): Dataset | undefined {
  return importedSamples(d.objective.id, d.objective.params);
}

/**
 * Sets a dataset objective's param. On imported data (where only `standardize` applies) the
 * window moves with it, so the start follows; otherwise an ordinary param edit.
 */
export function setDatasetParam(store: AppStore, name: string, value: number): boolean {
  const s = store.getState();
  if (!currentImported(s.draft)) return s.setObjectiveParam(name, value);
  let next: ExperimentDraft;
  try {
    next = withData(s.draft, { ...s.draft.objective.params, [name]: value });
  } catch {
    return false;
  }
  const ok = s.applyDraft(next, 'structure');
  if (ok) store.getState().setView(null);
  return ok;
}
