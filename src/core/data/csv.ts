import { csvError, excerpt, type CsvParseResult } from './csvErrors';
import { detectDelimiter, parseNumberField, splitFields, type Delimiter } from './csvFields';
import { MAX_SAMPLES, type DatasetKind } from './types';
import { checkNumberOption } from './validate';

/**
 * User data from CSV text. What is accepted, so the UI can say it:
 *  - rows `x,y` (regression) or `x1,x2,label` (classification), one per line;
 *  - an optional header on the first non-blank line, with exactly those names in any case; a
 *    first line is a header when none of its fields is number-like;
 *  - comma, semicolon or tab between fields, detected from the first non-blank line;
 *  - LF, CRLF or CR line ends, a UTF-8 BOM, blank lines (also rows of empty fields, as
 *    spreadsheets export), spaces around fields, quoted fields ("1.5"), scientific notation;
 *  - labels 0/1, or −1/1 with −1 read as class 0 (both conventions are common; one file may
 *    not mix 0 and −1, since then "class 0" would mean two things);
 *  - as few as MIN_CSV_ROWS = 2 rows: a classroom line through three hand-typed points is a
 *    fair dataset, so the generators' MIN_SAMPLES = 10 does not apply to user data.
 * Anything else is a result with a code, the 1-based line and (for one field) the field number;
 * the text never makes it throw. Only a programming error (a bad `kind` or option) throws.
 */

/** Fewest data rows a CSV may have (a line through two points is already determined). */
export const MIN_CSV_ROWS = 2;
/** Default limit on the text's UTF-8 size: 32 MiB, ~30 bytes a row for a million rows. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** Default limit on data rows: the most samples any dataset may have. */
export const DEFAULT_MAX_ROWS = MAX_SAMPLES;

/** The column names each kind reads and writes, in order (also the accepted header). */
export const CSV_COLUMNS: Readonly<Record<DatasetKind, readonly string[]>> = {
  regression: ['x', 'y'],
  classification: ['x1', 'x2', 'label'],
};

/** Options of {@link parseDatasetCsv}. */
export interface CsvParseOptions {
  /** Largest text accepted, in UTF-8 bytes. Default DEFAULT_MAX_BYTES. */
  readonly maxBytes?: number;
  /** Most data rows accepted, in [MIN_CSV_ROWS, MAX_SAMPLES]. Default DEFAULT_MAX_ROWS. */
  readonly maxRows?: number;
  /** The file's name, kept in the dataset's source. Default 'data.csv'. */
  readonly name?: string;
}

/** UTF-8 size of `text`, counted only as far as needed to know it exceeds `limit`. */
function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// eslint-disable-next-line no-control-regex -- the ASCII range is the point
const NON_ASCII = /[^\x00-\x7f]/;

function countOf(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

/**
 * Parses CSV text into a dataset of `kind`, or returns the first error (see the module note for
 * what is accepted). A million rows take about 0.6–0.8 s in node (measured by data.bench.ts).
 */
export function parseDatasetCsv(text: string, kind: DatasetKind, options: CsvParseOptions = {}): CsvParseResult {
  const names = CSV_COLUMNS[kind];
  if (!names) throw new Error(`parseDatasetCsv: kind must be 'regression' or 'classification', got ${String(kind)}`);
  const maxBytes = checkNumberOption('parseDatasetCsv', 'maxBytes', options.maxBytes ?? DEFAULT_MAX_BYTES, { min: 1, max: 2 ** 32, integer: true });
  const maxRows = checkNumberOption('parseDatasetCsv', 'maxRows', options.maxRows ?? DEFAULT_MAX_ROWS, { min: MIN_CSV_ROWS, max: MAX_SAMPLES, integer: true });
  const name = options.name ?? 'data.csv';

  // A UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2), so only a text near the
  // limit with non-ASCII characters in it needs counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && NON_ASCII.test(text) && utf8Bytes(text, maxBytes) > maxBytes)) {
    return csvError('tooLarge', 1, undefined, { bytes: utf8Bytes(text, Infinity), max: maxBytes });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = text.includes('\n') ? '\n' : '\r';
  const width = names.length;
  const capacity = Math.min(countOf(text, sep) + 1, maxRows);
  const columns = names.map(() => new Float64Array(capacity));
  const isClassification = kind === 'classification';

  let delim: Delimiter | undefined;
  let header = false;
  let rows = 0;
  let lineNo = 0;
  // The first label of each convention seen, to report a file that mixes 0 and −1.
  let zero: { line: number; text: string } | undefined;
  let minusOne: { line: number; text: string } | undefined;

  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf(sep, pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;

    const firstLine = delim === undefined;
    if (delim === undefined) delim = detectDelimiter(line, width);
    const split = splitFields(line, delim);
    if ('unterminated' in split) return csvError('unterminatedQuote', lineNo, split.unterminated + 1, { name: names[split.unterminated] ?? `field ${split.unterminated + 1}` });
    const fields = split.fields;
    if (fields[0] === '' && fields.every((f) => f === '')) continue;

    if (firstLine && fields.every((f) => f === '' || parseNumberField(f) === 'notANumber')) {
      const found = fields.join(',');
      if (fields.length !== width || fields.some((f, c) => f.toLowerCase() !== names[c])) {
        return csvError('badHeader', lineNo, undefined, { expected: names.join(','), found: excerpt(found) });
      }
      header = true;
      continue;
    }
    if (fields.length !== width) return csvError('columnCount', lineNo, undefined, { expected: width, found: fields.length });
    if (rows === maxRows) return csvError('tooManyRows', lineNo, undefined, { max: maxRows });

    for (let c = 0; c < width; c++) {
      let v = parseNumberField(fields[c]);
      if (typeof v === 'string') return csvError(v, lineNo, c + 1, { text: excerpt(fields[c]), name: names[c] });
      if (isClassification && c === 2) {
        if (v !== 0 && v !== 1 && v !== -1) return csvError('badLabel', lineNo, c + 1, { text: excerpt(fields[c]) });
        if (v === 0) zero ??= { line: lineNo, text: fields[c] };
        if (v === -1) minusOne ??= { line: lineNo, text: fields[c] };
        if (zero && minusOne) {
          const other = v === 0 ? minusOne : zero;
          return csvError('mixedLabels', lineNo, c + 1, { text: excerpt(fields[c]), otherText: excerpt(other.text), otherLine: other.line });
        }
        v = v === 1 ? 1 : 0;
      }
      columns[c][rows] = v;
    }
    rows++;
  }

  if (rows === 0 && !header) return csvError('empty', 1, undefined);
  if (rows < MIN_CSV_ROWS) return csvError('tooFewRows', lineNo, undefined, { rows, min: MIN_CSV_ROWS });
  const exact = rows === capacity ? columns : columns.map((col) => col.slice(0, rows));
  return {
    ok: true,
    dataset: { kind, n: rows, names: [...names], columns: exact, source: { kind: 'csv', name } },
    delimiter: delim ?? ',',
    header,
  };
}
