/**
 * Per-sample losses evaluated over a dataset, and their batch means: the value and gradient a
 * finite-sum optimizer steps with.
 *
 * Order of operations (a GPU kernel repeats it bit for bit; r = identity in 'f64', roundF32Ftz
 * in 'f32'):
 * 1. Data: every column value is rounded by r once (the GPU stores the columns as f32), in
 *    {@link sampleColumns}. θ is expected already rounded (the simulators keep it so).
 * 2. For j = 0..count−1 in batch order, sample i = indices[j] (or j for 'full'):
 *    [ℓ_j, gx_j, gy_j] = formula.evaluate (f64) or formula.evaluate32 (f32) at θ with the
 *    sample's column values as the formula parameters.
 * 3. S_ℓ, S_gx, S_gy = treeSum of each component over j = 0..count−1 with r (treeSum.ts: blocks
 *    of 256, in-block tree, then the partials the same way).
 * 4. invCount = r(1 / count), the division done in float64 on the host and then rounded:
 *    WGSL's f32 division is not correctly rounded, so the kernel receives invCount (or computes
 *    it exactly the same way) and multiplies.
 * 5. mean = [r(S_ℓ·invCount), r(S_gx·invCount), r(S_gy·invCount)].
 *
 * No allocation per call in the steady state: scratch lanes live on the compiled loss and grow
 * to the largest batch seen (so, like the formula's registers, it is not re-entrant).
 * treeSum itself still allocates its small partials array for every call.
 */
import type { Dataset } from '../data/types';
import { compileFormula } from '../expr';
import type { CompiledFormula } from '../expr/types';
import { roundF32Ftz } from '../f32';
import type { SampleLoss } from './losses';
import { REDUCE_WORKGROUP, treeSum } from './treeSum';

/** Numeric machine: float64, or float32-exact with subnormals flushed (the GPU's arithmetic). */
export type FiniteSumPrecision = 'f64' | 'f32';

/** A SampleLoss compiled once, with the scratch lanes its batch evaluation reuses. */
export interface CompiledSampleLoss {
  readonly loss: SampleLoss;
  readonly formula: CompiledFormula;
  /** Per-sample values of the last batch (capacity grows on demand). */
  lanes: { f: Float64Array; gx: Float64Array; gy: Float64Array };
  /** One sample's parameter values (the data columns), reused per sample. */
  readonly p: Float64Array;
  readonly e: Float64Array;
  readonly scratch: Float64Array;
  /** The columns of the last (dataset, precision) seen: a step skips the cache's key building. */
  last: { dataset: Dataset; precision: FiniteSumPrecision; cols: readonly Float64Array[] } | null;
}

const identity = (v: number): number => v;

/** The rounding function of a precision. */
export function roundingOf(precision: FiniteSumPrecision): (v: number) => number {
  return precision === 'f32' ? roundF32Ftz : identity;
}

const compiled = new Map<string, CompiledSampleLoss>();

/** Compiles a per-sample loss (memoised by formula text and parameter names). Throws FormulaError. */
export function compileSampleLoss(loss: SampleLoss): CompiledSampleLoss {
  const key = `${loss.params.join(',')}\u0000${loss.formula}`;
  let c = compiled.get(key);
  if (c === undefined) {
    c = {
      loss,
      formula: compileFormula(loss.formula, { params: loss.params }),
      lanes: { f: new Float64Array(0), gx: new Float64Array(0), gy: new Float64Array(0) },
      p: new Float64Array(loss.params.length),
      e: new Float64Array(3),
      scratch: new Float64Array(REDUCE_WORKGROUP),
      last: null,
    };
    compiled.set(key, c);
  }
  return c;
}

/**
 * The dataset column a loss parameter reads. Convention of losses.ts: parameter `<name>i` is
 * column `<name>` at sample i (xi → x, x1i → x1); `si` is the signed label 2·label − 1 (exact).
 */
function columnFor(dataset: Dataset, param: string): Float64Array {
  const direct = param.endsWith('i') ? dataset.names.indexOf(param.slice(0, -1)) : -1;
  if (direct >= 0) return dataset.columns[direct];
  const label = dataset.names.indexOf('label');
  if (param === 'si' && label >= 0) return dataset.columns[label].map((l) => 2 * l - 1);
  throw new Error(`Loss parameter '${param}' matches no column of the dataset (columns: ${dataset.names.join(', ')})`);
}

const columnCache = new WeakMap<Dataset, Map<string, readonly Float64Array[]>>();

/**
 * The loss's parameters as columns of `dataset` (in `loss.params` order), rounded to f32 in
 * 'f32' mode. Computed once per (dataset, loss, precision) and cached: O(n) once, not per step.
 */
export function sampleColumns(c: CompiledSampleLoss, dataset: Dataset, precision: FiniteSumPrecision): readonly Float64Array[] {
  const last = c.last;
  if (last !== null && last.dataset === dataset && last.precision === precision) return last.cols;
  let byKey = columnCache.get(dataset);
  if (byKey === undefined) columnCache.set(dataset, (byKey = new Map()));
  const key = `${precision}\u0000${c.loss.params.join(',')}`;
  let cols = byKey.get(key);
  if (cols === undefined) {
    const r = roundingOf(precision);
    cols = c.loss.params.map((name) => columnFor(dataset, name).map(r));
    byKey.set(key, cols);
  }
  c.last = { dataset, precision, cols };
  return cols;
}

/** Lanes of at least `count` values. */
function lanesFor(c: CompiledSampleLoss, count: number): CompiledSampleLoss['lanes'] {
  if (c.lanes.f.length < count) {
    const cap = Math.max(count, 2 * c.lanes.f.length);
    c.lanes = { f: new Float64Array(cap), gx: new Float64Array(cap), gy: new Float64Array(cap) };
  }
  return c.lanes;
}

/** [ℓ_i, ∂ℓ_i/∂θx, ∂ℓ_i/∂θy] of sample i at θ into out[0..2] (step 2 of the header). */
export function sampleValue(
  c: CompiledSampleLoss,
  cols: readonly Float64Array[],
  i: number,
  theta: ArrayLike<number>,
  precision: FiniteSumPrecision,
  out: Float64Array,
): void {
  const p = c.p;
  for (let k = 0; k < cols.length; k++) p[k] = cols[k][i];
  if (precision === 'f32') c.formula.evaluate32(theta[0], theta[1], p, out);
  else c.formula.evaluate(theta[0], theta[1], p, out);
}

/**
 * Writes the per-sample values of the batch (steps 1–2) into c.lanes (f, gx, gy at j < count)
 * and returns the lanes. `indices` 'full' means every sample in order (count = n).
 */
export function evaluateSamples(
  c: CompiledSampleLoss,
  dataset: Dataset,
  indices: ArrayLike<number> | 'full',
  count: number,
  theta: ArrayLike<number>,
  precision: FiniteSumPrecision,
): CompiledSampleLoss['lanes'] {
  const cols = sampleColumns(c, dataset, precision);
  const lanes = lanesFor(c, count);
  const e = c.e;
  for (let j = 0; j < count; j++) {
    sampleValue(c, cols, indices === 'full' ? j : indices[j], theta, precision, e);
    lanes.f[j] = e[0];
    lanes.gx[j] = e[1];
    lanes.gy[j] = e[2];
  }
  return lanes;
}

/** invCount = r(1 / count): float64 division, then rounded (step 4 of the header). */
export function inverseCount(count: number, r: (v: number) => number): number {
  return r(1 / count);
}

/** r(treeSum(values[0..count), r) · invCount): steps 3 and 5 for one component. */
export function batchMean(values: ArrayLike<number>, count: number, r: (v: number) => number, scratch?: Float64Array): number {
  return r(treeSum(values, count, r, scratch) * inverseCount(count, r));
}

/**
 * The batch mean of [ℓ, ∂ℓ/∂θx, ∂ℓ/∂θy] over the samples `indices[0..count)` (or every sample,
 * 'full') at θ, into out[0..2], in the order of the module header. `count` defaults to
 * indices.length (n for 'full'); it must be ≥ 1.
 */
export function batchValue(
  c: CompiledSampleLoss,
  dataset: Dataset,
  indices: ArrayLike<number> | 'full',
  theta: ArrayLike<number>,
  precision: FiniteSumPrecision,
  out: Float64Array,
  count: number = indices === 'full' ? dataset.n : indices.length,
): void {
  if (!(count >= 1)) throw new Error(`A batch needs at least one sample, got count ${count}`);
  const r = roundingOf(precision);
  const lanes = evaluateSamples(c, dataset, indices, count, theta, precision);
  out[0] = batchMean(lanes.f, count, r, c.scratch);
  out[1] = batchMean(lanes.gx, count, r, c.scratch);
  out[2] = batchMean(lanes.gy, count, r, c.scratch);
}
