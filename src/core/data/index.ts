/**
 * Datasets for the dataset objectives: seeded generators, CSV import/export, and the statistics
 * the UI shows beside them. Everything else imports from here.
 */
export { MAX_SAMPLES, MIN_SAMPLES, type Dataset, type DatasetKind } from './types';
export {
  CLASS_ANGLE,
  CLASS_SEPARATION,
  DATA_STREAMS,
  MAX_NOISE,
  MAX_OUTLIER_FRACTION,
  OUTLIER_OFFSET_MIN,
  OUTLIER_OFFSET_SPAN,
  REGRESSION_X_MEAN,
  REGRESSION_X_STD,
  TRUE_B,
  TRUE_W,
  X2_SCALE,
  classLabelAt,
  generateClassification,
  generateRegression,
  isOutlier,
  type ClassificationOptions,
  type GeneratedClassification,
  type GeneratedRegression,
  type RegressionOptions,
} from './generate';
export { CSV_COLUMNS, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, MIN_CSV_ROWS, parseDatasetCsv, type CsvParseOptions } from './csv';
export type { CsvErrorCode, CsvErrorInfo, CsvParseResult } from './csvErrors';
export { formatDatasetCsv, type CsvFormatOptions } from './csvFormat';
export { columnStats, linearFit, mean, std, zScore, type ColumnStats, type Line } from './stats';
