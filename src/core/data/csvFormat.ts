import { CSV_COLUMNS } from './csv';
import type { Dataset } from './types';

/** Options of {@link formatDatasetCsv}. */
export interface CsvFormatOptions {
  /**
   * Significant digits per value (1–17). Default: the shortest text that reads back as the same
   * float64 (String(v), and '-0' for −0), so export → import is lossless.
   */
  readonly digits?: number;
  /** Line end. Default '\n'. */
  readonly newline?: '\n' | '\r\n';
}

/**
 * A dataset as CSV text that parseDatasetCsv reads back: a header line (x,y or x1,x2,label),
 * then one comma-separated row per sample, ending with a newline. For downloads and tests.
 */
export function formatDatasetCsv(dataset: Dataset, options: CsvFormatOptions = {}): string {
  const { digits, newline = '\n' } = options;
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 1 && digits <= 17)) {
    throw new Error(`formatDatasetCsv: digits must be an integer in [1, 17], got ${digits}`);
  }
  // String(-0) is '0'; writing '-0' keeps export → import bit-exact.
  const text = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
  const show = digits === undefined ? text : (v: number) => text(Number(v.toPrecision(digits)));
  const { columns, n } = dataset;
  const lines: string[] = [CSV_COLUMNS[dataset.kind].join(',')];
  for (let i = 0; i < n; i++) lines.push(columns.map((col) => show(col[i])).join(','));
  return lines.join(newline) + newline;
}
