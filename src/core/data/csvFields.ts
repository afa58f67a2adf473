/**
 * One CSV line into fields, and one field into a number. Numbers never span lines, so quoted
 * fields are closed on their own line (RFC 4180's multi-line fields are not needed here).
 */

/** The delimiters accepted, in detection priority order. */
export const DELIMITERS = ['\t', ';', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** A line split into (trimmed, unquoted) fields, or the 0-based field whose quote is not closed. */
export type SplitResult = { readonly fields: string[] } | { readonly unterminated: number };

/**
 * Splits a line at `delim`, honouring double quotes ("1.5", and "" as an escaped quote inside
 * them), and trims surrounding spaces. Text after a closing quote stays in the field (`"1"x`
 * becomes `1x`), so the number check reports it instead of it vanishing silently.
 */
export function splitFields(line: string, delim: Delimiter): SplitResult {
  if (!line.includes('"')) return { fields: line.split(delim).map((f) => f.trim()) };
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || (line[i] === '\t' && delim !== '\t'))) i++;
    let field = '';
    if (line[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return { unterminated: fields.length };
        field += line.slice(j, q);
        if (line[q + 1] === '"') {
          field += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      const end = line.indexOf(delim, j);
      field += line.slice(j, end < 0 ? line.length : end);
      i = end;
    } else {
      const end = line.indexOf(delim, i);
      field = line.slice(i, end < 0 ? line.length : end);
      i = end;
    }
    fields.push(field.trim());
    if (i < 0) return { fields };
    i += 1;
  }
}

/**
 * The delimiter of a file, from its first non-blank line: the first of tab, ';', ',' that
 * splits it into `expected` fields (so "1,5;2,5" is semicolon-separated, with decimal commas);
 * failing that, the first one present, so the line's field count is reported; else ','.
 */
export function detectDelimiter(line: string, expected: number): Delimiter {
  for (const d of DELIMITERS) {
    const split = splitFields(line, d);
    if ('fields' in split && split.fields.length === expected) return d;
  }
  return DELIMITERS.find((d) => line.includes(d)) ?? ',';
}

/** Why a field is not a number (the codes of CsvErrorCode that concern one field). */
export type FieldProblem = 'emptyField' | 'notANumber' | 'decimalComma' | 'notFinite';

// Decimal notation only: Number() alone would also take '', '0x1f', '0b1' and 'Infinity'.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_WORD = /^[+-]?(?:nan|inf|infinity)$/i;
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;

/** A trimmed field as a finite float64, or why it is not one. */
export function parseNumberField(text: string): number | FieldProblem {
  if (text === '') return 'emptyField';
  if (NUMBER.test(text)) {
    const v = Number(text);
    return Number.isFinite(v) ? v : 'notFinite';
  }
  if (NON_FINITE_WORD.test(text)) return 'notFinite';
  if (DECIMAL_COMMA.test(text)) return 'decimalComma';
  return 'notANumber';
}
