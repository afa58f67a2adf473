/**
 * GPU parity harness for the dataset batch gradients (src/engine/gpu/dataset): seeded datasets
 * are generated in the page (a million samples never cross the Playwright bridge), the GPU
 * means come from createSampleGradients, and the CPU reference is written from the contract,
 * not from the GPU code: per sample compiled.evaluate32 on the f32-rounded columns, treeSum per
 * component with roundF32Ftz, then mean = r(sum · r(1/count)). Exposed as window.datasetHarness
 * for e2e/gpu/dataset.spec.ts; every case runs inside a validation error scope and destroys
 * what it created.
 */
import { compileFormula, type CompiledFormula } from '../../src/core/expr';
import { roundF32Ftz } from '../../src/core/f32';
import { LINEAR_REGRESSION_LOSS, LOGISTIC_REGRESSION_LOSS, type SampleLoss } from '../../src/core/finiteSum/losses';
import { REDUCE_WORKGROUP, treeSum } from '../../src/core/finiteSum/treeSum';
import { createRng } from '../../src/core/rng';
import { acquireDevice } from '../../src/engine/gpu/device';
import { createSampleGradients, type SampleBatch } from '../../src/engine/gpu/dataset/sampleGradients';

const r = roundF32Ftz;

/** Which loss, on which generated data. */
export type LossName = 'linear' | 'logistic';

/** A batch as the spec describes it: full (count only), a given list, or seeded draws with repeats. */
export type BatchSpec = { readonly count: number } | { readonly indices: readonly number[] } | { readonly draws: number; readonly seed: number };

export interface DatasetCase {
  readonly loss: LossName;
  readonly n: number;
  readonly seed: number;
  /** (x, y) per run. */
  readonly thetas: readonly (readonly [number, number])[];
  /** One per run, or one for every run. */
  readonly batches: readonly BatchSpec[];
  /**
   * 'signedZeros' (linear only): xi = −0, yi = 0, so at θ = (0, 0) every sample's ∂ℓ/∂w is −0,
   * and a sum keeps −0 only where no padding zero is added (treeSum's exact sign rule).
   */
  readonly data?: 'generated' | 'signedZeros';
}

export interface DatasetResult {
  readonly validationError: string | null;
  /** [run][ℓ, gx, gy] from the GPU and from the CPU reference. */
  readonly gpu: number[][];
  readonly cpu: number[][];
  /** Components whose f32 values differ (Object.is, so −0 and +0 differ too). */
  readonly mismatches: number;
  /** Largest |gpu − cpu| / max(1, |cpu|). */
  readonly maxRelErr: number;
  /** Batches with at least one repeated sample index (to prove repeats were exercised). */
  readonly batchesWithRepeats: number;
  /** evaluate() after destroy() rejected. */
  readonly rejectsAfterDestroy: boolean;
  readonly gpuMs: number;
}

const LOSSES: Record<LossName, SampleLoss> = { linear: LINEAR_REGRESSION_LOSS, logistic: LOGISTIC_REGRESSION_LOSS };

/**
 * The loss's columns, in its params order, as f32: regression (xi, yi) around the line
 * y = 1.5x − 0.5; classification (x1i, x2i, si) with si = ±1, the signed label.
 */
export function generateColumns(loss: LossName, n: number, seed: number): Float32Array[] {
  const rng = createRng(seed);
  if (loss === 'linear') {
    const x = new Float32Array(n), y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = rng.range(-2, 2);
      y[i] = 1.5 * x[i] - 0.5 + 0.3 * rng.range(-1, 1);
    }
    return [x, y];
  }
  const x1 = new Float32Array(n), x2 = new Float32Array(n), s = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = rng.range(-3, 3);
    x2[i] = rng.range(-3, 3);
    s[i] = x1[i] + 0.5 * x2[i] + rng.range(-1, 1) > 0 ? 1 : -1;
  }
  return [x1, x2, s];
}

function toBatch(spec: BatchSpec, n: number): SampleBatch {
  if ('count' in spec) return { count: spec.count };
  if ('indices' in spec) return { indices: Uint32Array.from(spec.indices), count: spec.indices.length };
  const rng = createRng(spec.seed);
  const indices = Uint32Array.from({ length: spec.draws }, () => rng.nextU32() % n);
  return { indices, count: spec.draws };
}

/** The CPU reference: [mean ℓ, mean gx, mean gy] of one run, from the contract. */
export function cpuMeans(formula: CompiledFormula, columns: readonly Float32Array[], theta: readonly [number, number], batch: SampleBatch): number[] {
  const { count } = batch;
  const values = [new Float64Array(count), new Float64Array(count), new Float64Array(count)];
  const params = new Float64Array(columns.length);
  const out = new Float64Array(3);
  const [tx, ty] = [Math.fround(theta[0]), Math.fround(theta[1])];
  for (let j = 0; j < count; j++) {
    const i = batch.indices ? batch.indices[j] : j;
    for (let k = 0; k < columns.length; k++) params[k] = columns[k][i];
    formula.evaluate32(tx, ty, params, out);
    for (let c = 0; c < 3; c++) values[c][j] = out[c];
  }
  const inv = r(1 / count);
  const scratch = new Float64Array(REDUCE_WORKGROUP);
  return values.map((v) => r(treeSum(v, count, r, scratch) * inv));
}

let devicePromise: Promise<GPUDevice | null> | undefined;
function getDevice(): Promise<GPUDevice | null> {
  devicePromise ??= acquireDevice().then((d) => d?.device ?? null);
  return devicePromise;
}

/** GPU means of the batches over `columns`, inside a validation scope, everything destroyed. */
async function gpuMeans(formula: CompiledFormula, columns: Float32Array[], thetas: Float32Array, batches: SampleBatch[]) {
  const device = await getDevice();
  if (!device) throw new Error('no WebGPU device');
  device.pushErrorScope('validation');
  let result: Float32Array = new Float32Array(0);
  let rejectsAfterDestroy = false;
  let gpuMs = 0;
  let failure: unknown = null;
  try {
    const grads = await createSampleGradients(device, formula, { n: columns[0].length, columns });
    try {
      const t0 = performance.now();
      result = await grads.evaluate(thetas, batches);
      gpuMs = performance.now() - t0;
    } finally {
      grads.destroy();
    }
    rejectsAfterDestroy = await grads.evaluate(thetas, batches).then(() => false, () => true);
  } catch (e) {
    failure = e;
  }
  // The scope is popped on every path, so a failed case leaves none behind for the next.
  const err = await device.popErrorScope();
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return { result, validationError: err ? err.message : null, rejectsAfterDestroy, gpuMs };
}

function compareRuns(gpuFlat: Float32Array, cpu: number[][]) {
  const gpu = cpu.map((_, i) => Array.from(gpuFlat.subarray(3 * i, 3 * i + 3)));
  let mismatches = 0;
  let maxRelErr = 0;
  cpu.forEach((row, i) => row.forEach((c, k) => {
    const g = gpu[i]?.[k];
    if (g === undefined || !Object.is(g, c)) mismatches++;
    maxRelErr = Math.max(maxRelErr, g === undefined ? Infinity : Math.abs(g - c) / Math.max(1, Math.abs(c)) || (Object.is(g, c) ? 0 : Infinity));
  }));
  return { gpu, mismatches, maxRelErr };
}

async function runCase(c: DatasetCase): Promise<DatasetResult> {
  const src = LOSSES[c.loss];
  const formula = compileFormula(src.formula, { params: [...src.params] });
  const columns = c.data === 'signedZeros' ? [new Float32Array(c.n).fill(-0), new Float32Array(c.n)] : generateColumns(c.loss, c.n, c.seed);
  const batches = c.batches.map((b) => toBatch(b, c.n));
  const thetas = Float32Array.from(c.thetas.flat());
  const { result, validationError, rejectsAfterDestroy, gpuMs } = await gpuMeans(formula, columns, thetas, batches);
  const cpu = c.thetas.map((t, i) => cpuMeans(formula, columns, t, batches[batches.length === 1 ? 0 : i]));
  const batchesWithRepeats = batches.filter((b) => b.indices && new Set(b.indices.subarray(0, b.count)).size < b.count).length;
  return { validationError, cpu, ...compareRuns(result, cpu), batchesWithRepeats, rejectsAfterDestroy, gpuMs };
}

/** The order check's sums: sequential f32 sum vs tree sum of each component, and the GPU. */
export interface OrderResult {
  readonly validationError: string | null;
  readonly n: number;
  readonly sequential: number[];
  readonly tree: number[];
  readonly gpu: number[];
}

/**
 * Linear regression at θ = (0, 0) on targets of widely spread magnitude (±2^k, k in −10..12):
 * ℓ = y², gy = −2y, gx = −2xy, where a sum in the wrong order rounds differently. Returns the
 * means of the sequential f32 sum and of the tree sum (CPU), and the GPU's.
 */
async function orderCase(n: number, seed: number): Promise<OrderResult> {
  const src = LINEAR_REGRESSION_LOSS;
  const formula = compileFormula(src.formula, { params: [...src.params] });
  const rng = createRng(seed);
  const x = new Float32Array(n), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.range(-2, 2);
    y[i] = (rng.uniform() < 0.5 ? -1 : 1) * 2 ** Math.floor(rng.range(-10, 13)) * (1 + rng.uniform());
  }
  const batch = { count: n };
  const { result, validationError } = await gpuMeans(formula, [x, y], new Float32Array(2), [batch]);
  const values = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const out = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    formula.evaluate32(0, 0, [x[i], y[i]], out);
    for (let c = 0; c < 3; c++) values[c][i] = out[c];
  }
  const inv = r(1 / n);
  const sequential = values.map((v) => r(v.reduce((s, e) => r(s + e), 0) * inv));
  const tree = values.map((v) => r(treeSum(v, n, r) * inv));
  return { validationError, n, sequential, tree, gpu: Array.from(result) };
}

const datasetHarness = {
  hasAdapter: async (): Promise<boolean> => (await getDevice()) !== null,
  maxStorageBufferBindingSize: async (): Promise<number> => (await getDevice())?.limits.maxStorageBufferBindingSize ?? 0,
  runCase,
  orderCase,
};

declare global {
  interface Window {
    datasetHarness: typeof datasetHarness;
  }
}

window.datasetHarness = datasetHarness;
