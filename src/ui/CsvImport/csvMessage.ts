/**
 * A CSV problem in the reader's language, from the parser's code, line, column and values
 * (src/core/data/csvErrors.ts): "Line 3, column 2: y “abc” is not a number." Problems of the
 * whole file (empty, too large, too few rows, no line through the data) name no line.
 */
import type { TFunction } from 'i18next';
import type { CsvErrorInfo } from '../../core/data';
import type { ImportProblem } from '../../core/data/imported';

/** What the panel shows: the sentence, and the line it is about (for tests and styling). */
export interface CsvMessage {
  readonly text: string;
  readonly line?: number;
}

const WHOLE_FILE = new Set(['empty', 'tooLarge', 'tooFewRows']);

/** `bytes` as MiB with one decimal, in the reader's number format ("32 MiB", "40.5 MiB"). */
export function mib(bytes: number, language: string): string {
  const nf = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return `${nf.format(bytes / 2 ** 20)} MiB`;
}

/** The parser's error as a translated sentence. */
export function csvErrorMessage(t: TFunction, e: CsvErrorInfo, language: string): CsvMessage {
  const nf = new Intl.NumberFormat(language);
  const a = e.args;
  const args: Record<string, string | number> = { ...a };
  if (e.code === 'tooLarge') Object.assign(args, { size: mib(Number(a.bytes), language), max: mib(Number(a.max), language) });
  if (e.code === 'tooManyRows') args.max = nf.format(Number(a.max));
  const problem = t(`data.csv.errors.${e.code}`, args);
  if (WHOLE_FILE.has(e.code)) return { text: t('data.csv.whole', { problem }) };
  const where = e.column === undefined ? t('data.csv.at', { line: e.line }) : t('data.csv.atColumn', { line: e.line, column: e.column });
  return { text: t('data.csv.message', { where, problem }), line: e.line };
}

/** A problem of well-formed data (src/core/data/imported.ts), or of applying them. */
export function dataProblemMessage(t: TFunction, problem: ImportProblem | 'refused' | 'unreadable', name = ''): CsvMessage {
  return { text: t('data.csv.whole', { problem: t(`data.csv.errors.${problem}`, { name }) }) };
}
