import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDatasetCsv } from './csv';
import type { CsvErrorCode } from './csvErrors';
import type { DatasetKind } from './types';

const CODES: readonly CsvErrorCode[] = [
  'empty', 'tooLarge', 'tooManyRows', 'tooFewRows', 'badHeader', 'columnCount', 'emptyField',
  'notANumber', 'decimalComma', 'notFinite', 'unterminatedQuote', 'badLabel', 'mixedLabels',
];

/** Lines as an editor numbers them: LF (else CR) separated, so "a\n" has 2. */
function lineCount(text: string): number {
  const sep = text.includes('\n') ? '\n' : '\r';
  return text.split(sep).length;
}

/** The invariant of every outcome: a well-formed dataset, or an error at a line that exists. */
function checkOutcome(text: string, kind: DatasetKind, maxRows?: number): boolean {
  const r = parseDatasetCsv(text, kind, { maxRows });
  if (r.ok) {
    const d = r.dataset;
    expect(d.n).toBeGreaterThanOrEqual(2);
    expect(d.columns.length).toBe(kind === 'regression' ? 2 : 3);
    for (const c of d.columns) {
      expect(c.length).toBe(d.n);
      expect(c.every(Number.isFinite)).toBe(true);
    }
    if (kind === 'classification') expect(d.columns[2].every((l) => l === 0 || l === 1)).toBe(true);
    if (maxRows !== undefined) expect(d.n).toBeLessThanOrEqual(maxRows);
  } else {
    const e = r.error;
    expect(CODES).toContain(e.code);
    expect(Number.isInteger(e.line)).toBe(true);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lineCount(text));
    if (e.column !== undefined) expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message.startsWith(`Line ${e.line}`)).toBe(true);
  }
  return r.ok;
}

const kind = fc.constantFrom<DatasetKind>('regression', 'classification');
/** Characters a CSV of numbers is made of, plus the troublemakers. */
const csvChar = fc.constantFrom(...'0123456789.,;\t\n\r "eE+-xyXY1_labelNaInf€\uFEFF'.split(''), '\u00e9', '\ud83d\ude00');

/** A valid CSV: optional header, a delimiter, rows of numbers written in various legal ways. */
const validCsv = fc
  .record({
    kind,
    header: fc.boolean(),
    delim: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1)), { minLength: 2, maxLength: 30 }),
    quote: fc.boolean(),
  })
  .map(({ kind, header, delim, newline, rows, quote }) => {
    // String(-0) is '0': write the sign so that reading back can be compared exactly
    const q = (v: number): string => (quote ? `"${Object.is(v, -0) ? '-0' : v}"` : Object.is(v, -0) ? '-0' : String(v));
    const lines = rows.map(([a, b, l]) => (kind === 'regression' ? [a, b] : [a, b, l]).map(q).join(delim));
    if (header) lines.unshift((kind === 'regression' ? ['x', 'y'] : ['x1', 'x2', 'label']).join(delim));
    return { kind, text: lines.join(newline) + newline, rows };
  });

/** One edit of a text: insert, delete or replace a character, or cut it short. */
const mutation = fc.tuple(fc.constantFrom('insert', 'delete', 'replace', 'truncate'), fc.nat(), csvChar);

function mutate(text: string, edits: [string, number, string][]): string {
  for (const [op, at, ch] of edits) {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    if (op === 'insert') text = text.slice(0, i) + ch + text.slice(i);
    else if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1);
    else if (op === 'replace') text = text.slice(0, i) + ch + text.slice(i + 1);
    else text = text.slice(0, i);
  }
  return text;
}

describe('parseDatasetCsv never throws and always reports a line that exists', () => {
  it('on random texts of CSV-ish characters (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: csvChar, maxLength: 80 }), kind, (text, k) => void checkOutcome(text, k)),
      { numRuns: 1000, seed: 20240612 },
    );
  });

  it('on arbitrary Unicode texts (500 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), kind, (text, k) => void checkOutcome(text, k)),
      { numRuns: 500, seed: 7 },
    );
  });

  it('on mutated valid CSVs, with and without a small maxRows (1,000 runs)', () => {
    const outcomes = { ok: 0, error: 0 };
    fc.assert(
      fc.property(validCsv, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }), (csv, edits, maxRows) => {
        outcomes[checkOutcome(mutate(csv.text, edits), csv.kind, maxRows) ? 'ok' : 'error']++;
      }),
      { numRuns: 1000, seed: 99 },
    );
    // both paths are exercised: some edits keep the file valid, most break it
    expect(outcomes.ok).toBeGreaterThan(50);
    expect(outcomes.error).toBeGreaterThan(300);
  });

  it('reads unmutated valid CSVs exactly (500 runs)', () => {
    fc.assert(
      fc.property(validCsv, ({ kind, text, rows }) => {
        const r = parseDatasetCsv(text, kind);
        if (!r.ok) throw new Error(`${r.error.message} in ${JSON.stringify(text)}`);
        const width = kind === 'regression' ? 2 : 3;
        expect(r.dataset.n).toBe(rows.length);
        for (let c = 0; c < width; c++) expect(Array.from(r.dataset.columns[c])).toEqual(rows.map((row) => row[c]));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
