/**
 * Switching between generated and imported data in the store: importing starts a new race on
 * the samples with a data-derived start and window, standardize moves the start along, the
 * kind must match, and "Use generated data" restores the generator's race.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseDatasetCsv, type Dataset } from '../core/data';
import { clearImported, datasetHash } from '../core/data/imported';
import { bindObjective, getObjective } from '../core/objectives';
import { applyGeneratedData, applyImportedData, currentImported, setDatasetParam } from './importedData';
import { createAppStore } from './store';

function csv(text: string, kind: Dataset['kind'] = 'regression'): Dataset {
  const r = parseDatasetCsv(text, kind, { name: 'sales.csv' });
  if (!r.ok) throw new Error(r.error.message);
  return r.dataset;
}

/** Sales against advertising spend in dollars: w ≈ 0.05, b ≈ 120,000 with standardize off. */
const SALES = 'x,y\n1000,120050\n2000,120101\n4000,120199\n8000,120402\n16000,120800\n';

afterEach(() => clearImported());

describe('imported data in the store', () => {
  it('importing races on the samples, with a start and bound that fit them', () => {
    const store = createAppStore();
    store.getState().setObjective('linear_regression');
    store.getState().setObjectiveParam('standardize', 0);
    const version = store.getState().configVersion;
    const d = csv(SALES);
    expect(applyImportedData(store, d)).toBe(true);
    const s = store.getState();
    expect(s.configVersion).toBe(version + 1);
    expect(s.lastChange).toBe('structure');
    expect(s.resolved.objective.params.data).toBe(datasetHash(d));
    expect(currentImported(s.draft)).toBe(d);
    const bound = bindObjective('linear_regression', s.resolved.objective.params, undefined, s.resolved.seed);
    expect(s.resolved.start).toEqual(bound.def.start);
    expect(s.resolved.bound).toBeGreaterThanOrEqual(10 * 120_000);
    expect(s.view).toBeNull();

    // standardize moves the optimum (w scales by σx): the start follows the new window.
    expect(setDatasetParam(store, 'standardize', 1)).toBe(true);
    const after = store.getState();
    expect(after.resolved.objective.params.standardize).toBe(1);
    expect(after.resolved.start).toEqual(bindObjective('linear_regression', after.resolved.objective.params, undefined, after.resolved.seed).def.start);
    expect(after.resolved.start).not.toEqual(s.resolved.start);

    expect(applyGeneratedData(store)).toBe(true);
    expect(store.getState().resolved.objective.params.data).toBe(0);
    expect(store.getState().resolved.start).toEqual(getObjective('linear_regression').start);
    expect(currentImported(store.getState().draft)).toBeUndefined();
  });

  it('refuses data of the other kind and leaves the experiment alone', () => {
    const store = createAppStore();
    store.getState().setObjective('logistic_regression');
    const before = store.getState().resolved;
    expect(applyImportedData(store, csv(SALES))).toBe(false);
    expect(store.getState().resolved).toBe(before);
  });
});
