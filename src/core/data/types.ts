/**
 * Public contract of the datasets (src/core/data): the samples a dataset objective sums over.
 * Columns are structure-of-arrays Float64Arrays (what the CPU reduces and the GPU uploads as
 * f32), so a million samples are a few flat arrays, not a million objects.
 */

/** What a dataset is for: fitting a line (x, y) or separating two classes (x1, x2, label). */
export type DatasetKind = 'regression' | 'classification';

/**
 * The samples. regression: columns ['x', 'y'] (feature, target). classification: columns
 * ['x1', 'x2', 'label'] with label 0 or 1. Every column has length `n`.
 */
export interface Dataset {
  readonly kind: DatasetKind;
  readonly n: number;
  /** Column names in the order of `columns`. */
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  /** Where the samples came from, for the UI and exports: generated (with its seed) or a CSV. */
  readonly source: { readonly kind: 'generated'; readonly seed: number } | { readonly kind: 'csv'; readonly name: string };
}

/** Smallest and largest sample count a generated dataset may have. */
export const MIN_SAMPLES = 10;
export const MAX_SAMPLES = 1_000_000;
