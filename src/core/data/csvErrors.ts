import type { Dataset } from './types';

/**
 * What a CSV of user data can get wrong. Like FormulaErrorInfo (src/core/expr/types.ts), each
 * error carries a machine code and the values its message names, so the UI can translate it;
 * the English `message` says the same and can be shown as is.
 */
export type CsvErrorCode =
  /** No data at all: the text is empty or only blank lines. */
  | 'empty'
  /** The text is over maxBytes (UTF-8). args: bytes, max. */
  | 'tooLarge'
  /** More data rows than maxRows; `line` is the first row past the limit. args: max. */
  | 'tooManyRows'
  /** Fewer data rows than MIN_CSV_ROWS; `line` is the last line. args: rows, min. */
  | 'tooFewRows'
  /** A first line of names that are not the expected ones. args: expected, found. */
  | 'badHeader'
  /** A row with the wrong number of fields. args: expected, found. */
  | 'columnCount'
  /** A field with nothing in it. args: text (''), name (the column's name). */
  | 'emptyField'
  /** A field that is not a number. args: text, name. */
  | 'notANumber'
  /** A number written with a decimal comma ("1,5"); the parser wants a dot. args: text, name. */
  | 'decimalComma'
  /** NaN, Infinity, or a number too large for float64 (1e999). args: text, name. */
  | 'notFinite'
  /** A quoted field whose closing quote is missing on its line. args: name. */
  | 'unterminatedQuote'
  /** A label other than 0, 1 (or −1). args: text. */
  | 'badLabel'
  /** Labels 0 and −1 in the same file: which one means class 0 is ambiguous. args: text, otherText, otherLine. */
  | 'mixedLabels';

/** A CSV that could not be read: where (1-based line, and field number where it applies) and why. */
export interface CsvErrorInfo {
  readonly code: CsvErrorCode;
  /** 1-based line number in the text (blank lines and the header count). */
  readonly line: number;
  /** 1-based field number in that line, where the error is in one field. */
  readonly column?: number;
  readonly message: string;
  readonly args: Readonly<Record<string, string | number>>;
}

/** The outcome of parsing: the dataset (and how the text was read), or the first error. */
export type CsvParseResult =
  | { readonly ok: true; readonly dataset: Dataset; readonly delimiter: ',' | ';' | '\t'; readonly header: boolean }
  | { readonly ok: false; readonly error: CsvErrorInfo };

/** Longest field text quoted in a message: one absurd line must not become an absurd message. */
const MAX_QUOTED = 40;

/** `text` cut to MAX_QUOTED characters (with an ellipsis), for args and messages. */
export function excerpt(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

function describe(code: CsvErrorCode, a: Readonly<Record<string, string | number>>): string {
  switch (code) {
    case 'empty':
      return 'the file is empty: no rows of data';
    case 'tooLarge':
      return `the file is ${a.bytes} bytes, more than the limit of ${a.max}`;
    case 'tooManyRows':
      return `more than ${a.max} rows of data`;
    case 'tooFewRows':
      return `${a.rows} row${a.rows === 1 ? '' : 's'} of data, at least ${a.min} needed`;
    case 'badHeader':
      return `the header should be "${a.expected}", found "${a.found}"`;
    case 'columnCount':
      return `expected ${a.expected} fields, found ${a.found}`;
    case 'emptyField':
      return `${a.name} is empty`;
    case 'notANumber':
      return `${a.name} "${a.text}" is not a number`;
    case 'decimalComma':
      return `${a.name} "${a.text}" uses a decimal comma; write it with a dot`;
    case 'notFinite':
      return `${a.name} "${a.text}" is not a finite number`;
    case 'unterminatedQuote':
      return `${a.name} opens a quote that is not closed on this line`;
    case 'badLabel':
      return `label "${a.text}" must be 0 or 1 (or -1 for class 0)`;
    case 'mixedLabels':
      return `label "${a.text}" mixes the 0/1 and -1/1 conventions ("${a.otherText}" on line ${a.otherLine})`;
  }
}

/** Builds the error result, with its English message ("Line 3, column 2: …"). */
export function csvError(code: CsvErrorCode, line: number, column: number | undefined, args: Record<string, string | number> = {}): { ok: false; error: CsvErrorInfo } {
  const where = column === undefined ? `Line ${line}` : `Line ${line}, column ${column}`;
  const error: CsvErrorInfo = { code, line, message: `${where}: ${describe(code, args)}.`, args };
  return { ok: false, error: column === undefined ? error : { ...error, column } };
}
