/**
 * Dataset objectives on imported samples: bindObjective with a registered `data` id races on
 * exactly those samples (standardize z-scores the features), derives a window that holds the
 * optimum and the start however large the values are, and falls back to the generated data
 * (with a notice at load time: src/core/shareLink/importedData.ts) when the id is unknown here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { linearFit, mean, parseDatasetCsv, std, type Dataset } from '../data';
import { clearImported, registerImported } from '../data/imported';
import { resolveExperiment } from '../experiment';
import { dataRaceConfig } from '../finiteSum';
import { withAvailableData } from '../shareLink/importedData';
import { bindObjective, getObjective } from './index';
import type { Box } from './types';

function csv(text: string, kind: Dataset['kind'] = 'regression'): Dataset {
  const r = parseDatasetCsv(text, kind, { name: 'mine.csv' });
  if (!r.ok) throw new Error(r.error.message);
  return r.dataset;
}

const inside = (b: Box, x: number, y: number) => x > b.x[0] && x < b.x[1] && y > b.y[0] && y < b.y[1];

/** House prices: x = floor area in m², y = price in thousands; w ≈ 3.1, b ≈ 40, far from the generated window. */
const HOUSES = 'x,y\n52,205\n75,270\n88,318\n110,380\n134,455\n160,540\n185,610\n230,760\n';
/** Years against a count: x in thousands, so w is small and b is huge. */
const YEARS = Array.from({ length: 30 }, (_, i) => `${1990 + i},${(12.5 * (1990 + i) - 24000 + ((i * 7919) % 13) - 6).toFixed(1)}`).join('\n');

afterEach(() => clearImported());

describe('bindObjective on imported data', () => {
  it('races on exactly the imported samples (unscaled), whatever n, noise and seed say', () => {
    const d = csv(HOUSES);
    const id = registerImported(d);
    const b = bindObjective('linear_regression', { data: id, standardize: 0, n: 5000, noise: 7 }, undefined, 99);
    expect(b.dataset!.n).toBe(8);
    expect(Array.from(b.dataset!.columns[0])).toEqual([52, 75, 88, 110, 134, 160, 185, 230]);
    expect(Array.from(b.dataset!.columns[1])).toEqual([205, 270, 318, 380, 455, 540, 610, 760]);
    expect(b.dataset!.source).toEqual({ kind: 'csv', name: 'mine.csv' });
    const fit = linearFit(d);
    expect(b.minima[0].x).toBeCloseTo(fit.w, 12);
    expect(b.minima[0].y).toBeCloseTo(fit.b, 10);
    // The engines' race reads the same samples.
    const e = resolveExperiment({ objective: { id: 'linear_regression', params: { data: id, standardize: 0 } }, runs: [{ optimizer: 'gd' }] });
    expect(dataRaceConfig(e)!.dataset.columns[1]).toBe(b.dataset!.columns[1]);
  });

  it('standardize z-scores the feature column(s) and keeps the target and labels', () => {
    const id = registerImported(csv(HOUSES));
    const b = bindObjective('linear_regression', { data: id, standardize: 1 });
    const [x, y] = b.dataset!.columns;
    expect(Math.abs(mean(x))).toBeLessThan(1e-12);
    expect(std(x)).toBeCloseTo(1, 12);
    expect(y[0]).toBe(205);
    const c = csv('x1,x2,label\n1,100,0\n2,300,1\n3,200,0\n4,500,1', 'classification');
    const lb = bindObjective('logistic_regression', { data: registerImported(c), standardize: 1 });
    const [x1, x2, label] = lb.dataset!.columns;
    expect(std(x1)).toBeCloseTo(1, 12);
    expect(std(x2)).toBeCloseTo(1, 12);
    expect(Array.from(label)).toEqual([0, 1, 0, 1]);
  });

  it('an unknown id, or samples of the other kind, fall back to the generated data', () => {
    const generated = bindObjective('linear_regression', { n: 300, standardize: 0 }, undefined, 4);
    const missing = bindObjective('linear_regression', { n: 300, standardize: 0, data: 123456 }, undefined, 4);
    expect(missing.dataset!.source).toEqual({ kind: 'generated', seed: 4 });
    expect(Array.from(missing.dataset!.columns[1])).toEqual(Array.from(generated.dataset!.columns[1]));
    expect(missing.def.view).toEqual(getObjective('linear_regression').view);
    const regressionId = registerImported(csv(HOUSES));
    const wrongKind = bindObjective('logistic_regression', { n: 50, data: regressionId });
    expect(wrongKind.dataset!.kind).toBe('classification');
    expect(wrongKind.dataset!.source.kind).toBe('generated');
  });
});

describe('the window for imported data', () => {
  it.each([
    ['house prices, unscaled', HOUSES, 0],
    ['house prices, standardized', HOUSES, 1],
    ['years (x ≈ 2000, b ≈ −24,000), unscaled', YEARS, 0],
    ['years, standardized', YEARS, 1],
    ['tiny values', 'x,y\n0.001,0.00002\n0.002,0.00005\n0.003,0.00007', 0],
  ])('%s: contains the least-squares optimum and the start, and the start is not the optimum', (_, text, standardize) => {
    const id = registerImported(csv(text));
    const b = bindObjective('linear_regression', { data: id, standardize });
    const { x, y } = b.minima[0];
    expect(inside(b.def.view, x, y)).toBe(true);
    expect(inside(b.def.view, b.def.start[0], b.def.start[1])).toBe(true);
    expect(b.def.domain).toEqual(b.def.view);
    const width = b.def.view.x[1] - b.def.view.x[0];
    expect(Math.abs(b.def.start[0] - x)).toBeGreaterThan(width / 10);
    // The generated window would have missed this optimum.
    if (text === YEARS && standardize === 0) expect(inside(getObjective('linear_regression').view, x, y)).toBe(false);
  });

  it('logistic regression: the window holds the optimum of unscaled features', () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const label = i % 2;
      // Overlapping classes (a finite optimum): x1 spread over ±25, x2 a hundredth of that.
      const x1 = (label ? 8 : -8) + ((i * 37) % 50) - 25;
      const x2 = 0.01 * ((((i * 53) % 40) - 20) + (label ? 5 : -5));
      return `${x1},${x2},${label}`;
    });
    const id = registerImported(csv(rows.join('\n'), 'classification'));
    const b = bindObjective('logistic_regression', { data: id, standardize: 0 });
    expect(b.minima).toHaveLength(1);
    expect(inside(b.def.view, b.minima[0].x, b.minima[0].y)).toBe(true);
    expect(inside(b.def.view, b.def.start[0], b.def.start[1])).toBe(true);
  });
});

describe('withAvailableData: a config naming data this tab lacks', () => {
  const input = (data: number) => ({ objective: { id: 'linear_regression', params: { data, standardize: 0 } }, start: [0.5, 30] as [number, number], steps: 77, runs: [{ optimizer: 'adam' }] });

  it('keeps an experiment whose data are here', () => {
    const id = registerImported(csv(HOUSES));
    const e = resolveExperiment(input(id));
    expect(withAvailableData(e)).toEqual({ experiment: e, notices: [] });
  });

  it('switches a missing id to generated data with the surface start, keeps the rest, and says so', () => {
    const e = resolveExperiment(input(424242));
    const { experiment, notices } = withAvailableData(e);
    expect(experiment.objective.params.data).toBe(0);
    expect(experiment.start).toEqual(getObjective('linear_regression').start);
    expect(experiment.steps).toBe(77);
    expect(experiment.runs).toEqual(e.runs);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: 'missingData', field: 'objective.params.data' });
    expect(notices[0].detail).toContain('424242');
    expect(resolveExperiment(experiment)).toEqual(experiment);
  });

  it('leaves surfaces and generated data alone', () => {
    const e = resolveExperiment({ objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'gd' }] });
    expect(withAvailableData(e).notices).toEqual([]);
    expect(withAvailableData(resolveExperiment(input(0))).notices).toEqual([]);
  });
});
