/**
 * The imported-data registry: the content id is stable (a golden value, the same for a copy),
 * sensitive to every value, row and the kind, never 0; lookups find what was registered, and
 * the registry keeps only the most recent MAX_IMPORTED datasets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseDatasetCsv } from './csv';
import { MAX_IMPORTED, clearImported, datasetHash, importProblem, importedDataset, registerImported } from './imported';
import type { Dataset } from './types';

function csv(text: string, kind: Dataset['kind'] = 'regression'): Dataset {
  const r = parseDatasetCsv(text, kind, { name: 'points.csv' });
  if (!r.ok) throw new Error(r.error.message);
  return r.dataset;
}

afterEach(() => clearImported());

describe('datasetHash', () => {
  const d = csv('x,y\n1,2\n3,4\n5,7\n');

  it('is stable: a golden value, and equal for a copy of the same samples under another name', () => {
    expect(datasetHash(d)).toBe(datasetHash(d));
    const copy: Dataset = { ...d, columns: d.columns.map((c) => c.slice()), source: { kind: 'csv', name: 'other.csv' } };
    expect(datasetHash(copy)).toBe(datasetHash(d));
    // Computed independently (Python: FNV-1a over b'regression', n as 4 LE bytes, then
    // struct.pack('<d', v) of 1, 3, 5, 2, 4, 7): the id must not drift between releases,
    // or links made before would stop matching the file they were made with.
    expect(datasetHash(d)).toBe(2418361930);
  });

  it('changes with any value, the row count, the order of rows and the kind', () => {
    const h = datasetHash(d);
    const ids = [
      csv('1,2\n3,4\n5,7.000000000000001'),
      csv('1,2\n3,4\n5,-7'),
      csv('1,2\n3,4'),
      csv('3,4\n1,2\n5,7'),
      csv('0,2\n3,4\n5,7'),
      { ...d, kind: 'classification' as const },
    ].map(datasetHash);
    for (const other of ids) expect(other).not.toBe(h);
    expect(new Set(ids).size).toBe(ids.length);
    // −0 and 0 are different bytes, so different data to the hash (the parser keeps −0).
    expect(datasetHash(csv('-0,1\n1,2'))).not.toBe(datasetHash(csv('0,1\n1,2')));
  });

  it('is a u32 other than 0 (0 means generated data)', () => {
    for (const t of ['1,1\n2,2', '0,0\n0,1', '5,5\n6,6\n7,7']) {
      const id = datasetHash(csv(t));
      expect(Number.isInteger(id) && id >= 1 && id <= 0xffffffff).toBe(true);
    }
  });
});

describe('the registry', () => {
  it('finds a registered dataset by its id, and nothing for 0 or an unknown id', () => {
    const d = csv('1,2\n3,4');
    const id = registerImported(d);
    expect(id).toBe(datasetHash(d));
    expect(importedDataset(id)).toBe(d);
    expect(importedDataset(0)).toBeUndefined();
    expect(importedDataset(id ^ 1)).toBeUndefined();
    expect(importedDataset(undefined)).toBeUndefined();
  });

  it('registers under a given id (a worker, from the page) and refuses an id outside u32', () => {
    const d = csv('1,2\n3,4');
    expect(registerImported(d, 77)).toBe(77);
    expect(importedDataset(77)).toBe(d);
    expect(() => registerImported(d, 0)).toThrow(/id must be an integer/);
    expect(() => registerImported(d, 2 ** 32)).toThrow(/id must be an integer/);
  });

  it(`keeps the ${MAX_IMPORTED} most recent datasets`, () => {
    const ids = Array.from({ length: MAX_IMPORTED + 1 }, (_, i) => registerImported(csv(`0,${i}\n1,${i + 1}`)));
    expect(importedDataset(ids[0])).toBeUndefined();
    for (const id of ids.slice(1)) expect(importedDataset(id)).toBeDefined();
  });
});

describe('importProblem', () => {
  it('refuses regression data without a least-squares line; classification is always usable', () => {
    expect(importProblem(csv('2,1\n2,5\n2,3'))).toBe('noLine');
    expect(importProblem(csv('1e200,1\n2e200,5'))).toBe('noLine');
    expect(importProblem(csv('1,1\n2,5'))).toBeNull();
    expect(importProblem(csv('1,1,0\n1,1,0', 'classification'))).toBeNull();
  });
});
