import { describe, expect, it } from 'vitest';
import { parseDatasetCsv } from './csv';
import { formatDatasetCsv } from './csvFormat';
import { generateClassification, generateRegression } from './generate';
import type { Dataset } from './types';

const REG = generateRegression({ n: 2000, noise: 0.5, outliers: 0.05, standardize: false, seed: 5 });
const CLS = generateClassification({ n: 2000, overlap: 0.3, standardize: true, seed: 5 });

function reparse(d: Dataset, text: string): Dataset {
  const r = parseDatasetCsv(text, d.kind);
  if (!r.ok) throw new Error(r.error.message);
  return r.dataset;
}

describe('formatDatasetCsv → parseDatasetCsv round trip', () => {
  it.each([
    ['regression', REG],
    ['classification', CLS],
  ] as const)('%s: full precision reads back bit for bit', (_, d) => {
    const text = formatDatasetCsv(d);
    expect(text.split('\n')[0]).toBe(d.names.join(','));
    const back = reparse(d, text);
    expect(back.n).toBe(d.n);
    expect(back.kind).toBe(d.kind);
    expect(back.columns).toEqual(d.columns);
  });

  it('6 significant digits read back to within half a unit of the 6th digit', () => {
    const back = reparse(REG, formatDatasetCsv(REG, { digits: 6 }));
    for (let c = 0; c < 2; c++) {
      let worst = 0;
      REG.columns[c].forEach((v, i) => (worst = Math.max(worst, Math.abs(back.columns[c][i] - v) / Math.abs(v))));
      expect(worst).toBeLessThanOrEqual(5e-6);
      expect(worst).toBeGreaterThan(0); // the rounding really happened
    }
  });

  it('CRLF line ends and −0 survive', () => {
    const d: Dataset = { kind: 'regression', n: 2, names: ['x', 'y'], columns: [Float64Array.of(-0, 1e-300), Float64Array.of(2.5, -7)], source: { kind: 'generated', seed: 1 } };
    const text = formatDatasetCsv(d, { newline: '\r\n' });
    expect(text).toBe('x,y\r\n-0,2.5\r\n1e-300,-7\r\n');
    expect(reparse(d, text).columns).toEqual(d.columns);
  });

  it('refuses a bad digits option', () => {
    expect(() => formatDatasetCsv(REG, { digits: 0 })).toThrow(/digits must be an integer in \[1, 17\], got 0/);
  });
});
