/**
 * Timings of the dataset paths at the largest size (a benchmark, not a test: nothing here is
 * asserted). Run: npx vitest bench --run src/core/data/data.bench.ts
 */
import { bench, describe } from 'vitest';
import { parseDatasetCsv } from './csv';
import { formatDatasetCsv } from './csvFormat';
import { generateClassification, generateRegression } from './generate';
import { linearFit } from './stats';
import { MAX_SAMPLES } from './types';

const n = MAX_SAMPLES;
const reg = generateRegression({ n, noise: 1, outliers: 0.1, standardize: false, seed: 1 });
const cls = generateClassification({ n, overlap: 0.3, standardize: false, seed: 1 });
// 9 digits: float32-exact, and a million rows stay under the default 32 MiB limit
const regText = formatDatasetCsv(reg, { digits: 9 });
const clsText = formatDatasetCsv(cls, { digits: 9 });

describe(`a million samples (regression CSV ${(regText.length / 2 ** 20).toFixed(1)} MiB, classification ${(clsText.length / 2 ** 20).toFixed(1)} MiB)`, () => {
  bench('generateRegression', () => void generateRegression({ n, noise: 1, outliers: 0.1, standardize: true, seed: 2 }), { iterations: 3 });
  bench('generateClassification', () => void generateClassification({ n, overlap: 0.3, standardize: true, seed: 2 }), { iterations: 3 });
  bench('parseDatasetCsv regression', () => void parseDatasetCsv(regText, 'regression'), { iterations: 3 });
  bench('parseDatasetCsv classification', () => void parseDatasetCsv(clsText, 'classification'), { iterations: 3 });
  bench('formatDatasetCsv regression', () => void formatDatasetCsv(reg, { digits: 9 }), { iterations: 3 });
  bench('linearFit', () => void linearFit(reg), { iterations: 3 });
});
