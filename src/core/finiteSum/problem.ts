/**
 * A finite-sum problem: one per-sample loss over one dataset at one precision, bundled so the
 * optimizers (SAG, SVRG, the race) pass a single value around.
 */
import type { Dataset } from '../data/types';
import type { SampleLoss } from './losses';
import { compileSampleLoss, roundingOf, sampleColumns, type CompiledSampleLoss, type FiniteSumPrecision } from './sampleLoss';

/** L(θ) = (1/n) Σ_i ℓ(θ; sample i), ready to evaluate. */
export interface FiniteSumProblem {
  readonly loss: CompiledSampleLoss;
  readonly dataset: Dataset;
  readonly n: number;
  readonly precision: FiniteSumPrecision;
  /** identity (f64) or roundF32Ftz (f32). */
  readonly r: (v: number) => number;
  /** The loss's parameter columns (rounded in f32 mode), in loss.params order. */
  readonly columns: readonly Float64Array[];
}

/** Compiles the loss (memoised) and prepares the dataset's columns for it. */
export function createProblem(loss: SampleLoss, dataset: Dataset, precision: FiniteSumPrecision): FiniteSumProblem {
  if (!Number.isInteger(dataset.n) || dataset.n < 1) throw new Error(`A finite sum needs at least one sample, got n = ${dataset.n}`);
  const c = compileSampleLoss(loss);
  return { loss: c, dataset, n: dataset.n, precision, r: roundingOf(precision), columns: sampleColumns(c, dataset, precision) };
}
