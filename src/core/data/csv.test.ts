import { describe, expect, it } from 'vitest';
import { MIN_CSV_ROWS, parseDatasetCsv } from './csv';
import type { CsvErrorCode } from './csvErrors';
import type { DatasetKind } from './types';

type Good = [name: string, text: string, kind: DatasetKind, columns: number[][], extra?: { delimiter?: string; header?: boolean }];

const GOOD: Good[] = [
  ['plain rows', '1,2\n3,4\n', 'regression', [[1, 3], [2, 4]], { delimiter: ',', header: false }],
  ['a header in any case', 'X,Y\n1,2\n3,4', 'regression', [[1, 3], [2, 4]], { header: true }],
  ['BOM and CRLF', '\uFEFFx,y\r\n1,2\r\n3,4\r\n', 'regression', [[1, 3], [2, 4]], { header: true }],
  ['CR-only line ends', '1,2\r3,4', 'regression', [[1, 3], [2, 4]]],
  ['semicolons', '1;2\n3;4', 'regression', [[1, 3], [2, 4]], { delimiter: ';' }],
  ['tabs', 'x\ty\n1\t2\n3\t4', 'regression', [[1, 3], [2, 4]], { delimiter: '\t', header: true }],
  ['blank lines and spaces', '\n  1 , 2 \n\n \t\n 3,4\n\n', 'regression', [[1, 3], [2, 4]]],
  ['a spreadsheet row of empty fields', '1,2\n,\n3,4', 'regression', [[1, 3], [2, 4]]],
  ['quoted numbers and header', '"x","y"\n"1.5", "2"\n"3",4', 'regression', [[1.5, 3], [2, 4]], { header: true }],
  ['scientific and signed forms', '1e3,-2.5E-2\n.5,+7.\n-0.0,1E+2', 'regression', [[1000, 0.5, -0], [-0.025, 7, 100]]],
  ['classification with header', 'x1,x2,label\n1,2,0\n3,4,1', 'classification', [[1, 3], [2, 4], [0, 1]], { header: true }],
  ['labels -1/1, -1 read as 0', '1,2,-1\n3,4,1\n5,6,-1', 'classification', [[1, 3, 5], [2, 4, 6], [0, 1, 0]]],
  ['labels written 1.0 and 0e0', '1;2;1.0\n3;4;0e0', 'classification', [[1, 3], [2, 4], [1, 0]], { delimiter: ';' }],
  ['a quoted field holding the delimiter is one field', '"1";"2";"1"\n3;4;0', 'classification', [[1, 3], [2, 4], [1, 0]]],
];

describe('parseDatasetCsv: accepted inputs', () => {
  it.each(GOOD)('%s', (_, text, kind, columns, extra) => {
    const r = parseDatasetCsv(text, kind, { name: 'points.csv' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.dataset.kind).toBe(kind);
    expect(r.dataset.n).toBe(columns[0].length);
    expect(r.dataset.names).toEqual(kind === 'regression' ? ['x', 'y'] : ['x1', 'x2', 'label']);
    expect(r.dataset.columns.map((c) => Array.from(c))).toEqual(columns);
    expect(r.dataset.source).toEqual({ kind: 'csv', name: 'points.csv' });
    if (extra?.delimiter !== undefined) expect(r.delimiter).toBe(extra.delimiter);
    if (extra?.header !== undefined) expect(r.header).toBe(extra.header);
  });

  it(`accepts as few as MIN_CSV_ROWS = ${MIN_CSV_ROWS} rows`, () => {
    expect(parseDatasetCsv('0,0\n1,1', 'regression').ok).toBe(true);
  });

  it('names the source data.csv by default', () => {
    const r = parseDatasetCsv('0,0\n1,1', 'regression');
    expect(r.ok && r.dataset.source).toEqual({ kind: 'csv', name: 'data.csv' });
  });
});

type Bad = [name: string, text: string, kind: DatasetKind, code: CsvErrorCode, line: number, column?: number, args?: Record<string, string | number>, options?: { maxRows?: number; maxBytes?: number }];

const BAD: Bad[] = [
  ['empty text', '', 'regression', 'empty', 1],
  ['only blank lines', '\n \n\t\n', 'regression', 'empty', 1],
  ['a header and no rows', 'x,y\n', 'regression', 'tooFewRows', 2, undefined, { rows: 0, min: 2 }],
  ['one row', '\n1,2\n', 'regression', 'tooFewRows', 3, undefined, { rows: 1, min: 2 }],
  ['three fields for regression', '1,2,3\n4,5,6', 'regression', 'columnCount', 1, undefined, { expected: 2, found: 3 }],
  ['a short row', '1,2\n3\n', 'regression', 'columnCount', 2, undefined, { expected: 2, found: 1 }],
  ['a trailing delimiter', 'x1,x2,label\n1,2,0,\n', 'classification', 'columnCount', 2, undefined, { expected: 3, found: 4 }],
  ['a word', '1,2\n3,abc', 'regression', 'notANumber', 2, 2, { text: 'abc', name: 'y' }],
  ['NaN', '1,2\n3,NaN', 'regression', 'notFinite', 2, 2, { text: 'NaN', name: 'y' }],
  ['-Infinity', '1,2\n-Infinity,3', 'regression', 'notFinite', 2, 1, { text: '-Infinity', name: 'x' }],
  ['an overflowing number', '1,2\n1e999,3', 'regression', 'notFinite', 2, 1, { text: '1e999', name: 'x' }],
  ['hexadecimal', '1,2\n0x10,3', 'regression', 'notANumber', 2, 1, { text: '0x10', name: 'x' }],
  ['an empty field', '1,2\n ,3', 'regression', 'emptyField', 2, 1, { text: '', name: 'x' }],
  ['a decimal comma', '1;2\n3,5;4', 'regression', 'decimalComma', 2, 1, { text: '3,5', name: 'x' }],
  ['a quoted decimal comma', '"1,5",2\n3,4', 'regression', 'decimalComma', 1, 1, { text: '1,5', name: 'x' }],
  ['an unclosed quote', '1,2\n3,"4', 'regression', 'unterminatedQuote', 2, 2, { name: 'y' }],
  ['text after a closing quote', '"1"x,2\n3,4', 'regression', 'notANumber', 1, 1, { text: '1x', name: 'x' }],
  ['an escaped quote inside a number', '1,"2"""\n3,4', 'regression', 'notANumber', 1, 2, { text: '2"', name: 'y' }],
  ['wrong header names', 'a,b\n1,2\n3,4', 'regression', 'badHeader', 1, undefined, { expected: 'x,y', found: 'a,b' }],
  ['a header of the other kind', 'x,y\n1,2,0\n3,4,1', 'classification', 'badHeader', 1, undefined, { expected: 'x1,x2,label', found: 'x,y' }],
  ['a header repeated mid-file', 'x,y\n1,2\nx,y\n3,4', 'regression', 'notANumber', 3, 1, { text: 'x', name: 'x' }],
  ['label 2', '1,2,2\n3,4,1', 'classification', 'badLabel', 1, 3, { text: '2' }],
  ['label 0.5', 'x1,x2,label\n1,2,1\n1,2,0.5', 'classification', 'badLabel', 3, 3, { text: '0.5' }],
  ['labels 0 and -1 mixed', '1,2,0\n3,4,1\n5,6,-1', 'classification', 'mixedLabels', 3, 3, { text: '-1', otherText: '0', otherLine: 1 }],
  ['more rows than maxRows', '1,2\n3,4\n5,6', 'regression', 'tooManyRows', 3, undefined, { max: 2 }, { maxRows: 2 }],
  ['over maxBytes', '1,2\n3,4', 'regression', 'tooLarge', 1, undefined, { bytes: 7, max: 5 }, { maxBytes: 5 }],
  ['over maxBytes only in UTF-8', '1,2\n3,4\n€', 'regression', 'tooLarge', 1, undefined, { bytes: 11, max: 10 }, { maxBytes: 10 }],
];

describe('parseDatasetCsv: refused inputs, with code, line and field', () => {
  it.each(BAD)('%s', (_, text, kind, code, line, column, args, options) => {
    const r = parseDatasetCsv(text, kind, options);
    if (r.ok) throw new Error(`parsed ${JSON.stringify(text)} although it should be refused`);
    expect(r.error.code).toBe(code);
    expect(r.error.line).toBe(line);
    expect(r.error.column).toBe(column);
    if (args) expect(r.error.args).toEqual(args);
    expect(r.error.message.startsWith(column === undefined ? `Line ${line}: ` : `Line ${line}, column ${column}: `)).toBe(true);
  });

  it('the message names the offending text and column', () => {
    const r = parseDatasetCsv('x,y\n1,2\n3,abc', 'regression');
    expect(!r.ok && r.error.message).toBe('Line 3, column 2: y "abc" is not a number.');
  });

  it('quotes at most 40 characters of a long field', () => {
    const r = parseDatasetCsv(`1,2\n3,${'z'.repeat(10_000)}`, 'regression');
    if (r.ok) throw new Error('should be refused');
    expect(String(r.error.args.text).length).toBe(40);
    expect(r.error.message.length).toBeLessThan(120);
  });

  it('a text within maxBytes in UTF-8 passes the size check', () => {
    expect(parseDatasetCsv('1,2\n3,4 ', 'regression', { maxBytes: 8 }).ok).toBe(true);
    const r = parseDatasetCsv('1,2\n3,4€', 'regression', { maxBytes: 10 }); // 7 + 3 bytes
    expect(!r.ok && r.error.code).toBe('notANumber'); // past the size check, refused for the €
  });
});

describe('parseDatasetCsv: programming errors throw', () => {
  it('a bad kind or option', () => {
    expect(() => parseDatasetCsv('1,2', 'ranking' as DatasetKind)).toThrow(/kind must be/);
    expect(() => parseDatasetCsv('1,2', 'regression', { maxRows: 1 })).toThrow(/maxRows must be an integer in \[2, 1000000\], got 1/);
    expect(() => parseDatasetCsv('1,2', 'regression', { maxBytes: 0 })).toThrow(/maxBytes/);
  });
});
