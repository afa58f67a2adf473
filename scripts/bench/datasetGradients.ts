/**
 * The dataset row of the benchmark: full-batch gradient evaluations of linear regression
 * (LINEAR_REGRESSION_LOSS) on a million samples, the GPU kernel (src/engine/gpu/dataset:
 * per-sample pass + tree reduction, R runs per submit, 3 values per run read back) vs the CPU
 * path (per-sample evaluate32 + treeSum in f32, one thread: the reference order the GPU
 * matches). Reported as full-batch evaluations/s and per-sample gradient evaluations/s
 * (runs × samples × evaluations / s). Each measurement: one untimed call (pipeline first use,
 * JIT), then timed calls until at least MIN_CALLS calls and MIN_SECONDS have passed.
 */
import { compileFormula, type CompiledFormula } from '../../src/core/expr';
import { roundF32Ftz } from '../../src/core/f32';
import { LINEAR_REGRESSION_LOSS } from '../../src/core/finiteSum/losses';
import { REDUCE_WORKGROUP, treeSum } from '../../src/core/finiteSum/treeSum';
import { createRng } from '../../src/core/rng';
import { createSampleGradients } from '../../src/engine/gpu/dataset/sampleGradients';
import { acquireDevice } from '../../src/engine/gpu/device';

/** One row of the dataset table. */
export interface DatasetRow {
  readonly impl: string;
  readonly samples: number;
  /** Runs (θ each) per evaluation call. */
  readonly runs: number;
  /** Timed calls. */
  readonly calls: number;
  readonly seconds: number;
  /** Full-batch gradients per second: runs × calls / seconds. */
  readonly evaluationsPerSecond: number;
  /** Per-sample gradient evaluations per second: runs × samples × calls / seconds. */
  readonly sampleGradientsPerSecond: number;
  readonly note?: string;
  readonly error?: string;
}

const MIN_CALLS = 2;
const MIN_SECONDS = 1;

/** Regression data around y = 1.5x − 0.5 (seeded), as f32 columns xi, yi. */
function regressionColumns(n: number): Float32Array[] {
  const rng = createRng(2024);
  const x = new Float32Array(n), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.range(-2, 2);
    y[i] = 1.5 * x[i] - 0.5 + 0.3 * rng.range(-1, 1);
  }
  return [x, y];
}

/** θ per run on a small lattice around the fit, so runs differ. */
function thetas(runs: number): Float32Array {
  return Float32Array.from({ length: 2 * runs }, (_, k) => (k % 2 === 0 ? 1 + 0.01 * (k >> 1) : -0.5 - 0.02 * (k >> 1)));
}

async function timed(call: () => Promise<unknown> | unknown): Promise<{ calls: number; seconds: number }> {
  await call();
  const t0 = performance.now();
  let calls = 0;
  while (calls < MIN_CALLS || performance.now() - t0 < MIN_SECONDS * 1000) {
    await call();
    calls++;
  }
  return { calls, seconds: (performance.now() - t0) / 1000 };
}

/** The CPU path: one run's [mean ℓ, gx, gy] by evaluate32 per sample and treeSum per component. */
function cpuFullBatch(formula: CompiledFormula, columns: Float32Array[], tx: number, ty: number, scratch: { values: Float64Array[]; sum: Float64Array }): number[] {
  const n = columns[0].length;
  const [l, gx, gy] = scratch.values;
  const params = new Float64Array(columns.length);
  const out = new Float64Array(3);
  const [c0, c1] = columns;
  for (let i = 0; i < n; i++) {
    params[0] = c0[i];
    params[1] = c1[i];
    formula.evaluate32(tx, ty, params, out);
    l[i] = out[0];
    gx[i] = out[1];
    gy[i] = out[2];
  }
  const inv = roundF32Ftz(1 / n);
  return scratch.values.map((v) => roundF32Ftz(treeSum(v, n, roundF32Ftz, scratch.sum) * inv));
}

function row(impl: string, samples: number, runs: number, m: { calls: number; seconds: number }, note?: string): DatasetRow {
  const evaluationsPerSecond = (runs * m.calls) / m.seconds;
  return { impl, samples, runs, calls: m.calls, seconds: m.seconds, evaluationsPerSecond, sampleGradientsPerSecond: evaluationsPerSecond * samples, note };
}

/**
 * Measures the rows whose name `only` accepts: the GPU kernel at each of `gpuRuns` runs per
 * call, and the CPU path (one run per call; its cost is linear in runs). Rows that fail carry
 * their error instead of figures.
 */
export async function datasetRows(samples: number, gpuRuns: readonly number[], only: RegExp | null): Promise<DatasetRow[]> {
  const formula = compileFormula(LINEAR_REGRESSION_LOSS.formula, { params: [...LINEAR_REGRESSION_LOSS.params] });
  const columns = regressionColumns(samples);
  const rows: DatasetRow[] = [];
  const fail = (impl: string, runs: number, e: unknown): DatasetRow =>
    ({ impl, samples, runs, calls: 0, seconds: 0, evaluationsPerSecond: 0, sampleGradientsPerSecond: 0, error: e instanceof Error ? e.message : String(e) });
  let gpuCheck: number[] | undefined;
  for (const runs of gpuRuns) {
    const impl = `Dataset gradients, GPU kernel (${runs} run${runs === 1 ? '' : 's'} per submit)`;
    if (only && !only.test(impl)) continue;
    try {
      const acquired = await acquireDevice();
      if (!acquired) throw new Error('no WebGPU adapter');
      const { device, info } = acquired;
      const grads = await createSampleGradients(device, formula, { n: samples, columns });
      try {
        const t = thetas(runs);
        const batch = [{ count: samples }];
        device.pushErrorScope('validation');
        let last: Float32Array = new Float32Array(0);
        const m = await timed(async () => { last = await grads.evaluate(t, batch); });
        const err = await device.popErrorScope();
        if (err) throw new Error(err.message);
        gpuCheck = Array.from(last.subarray(0, 3));
        rows.push(row(impl, samples, runs, m, info.adapter));
      } finally {
        grads.destroy();
        device.destroy();
      }
    } catch (e) {
      rows.push(fail(impl, runs, e));
    }
    console.log(`[bench] ${JSON.stringify(rows[rows.length - 1])}`);
  }
  const cpuImpl = 'Dataset gradients, CPU (evaluate32 + treeSum, one thread)';
  if (!only || only.test(cpuImpl)) {
    const scratch = { values: [0, 1, 2].map(() => new Float64Array(samples)), sum: new Float64Array(REDUCE_WORKGROUP) };
    const t = thetas(1);
    let cpu: number[] = [];
    const m = await timed(() => { cpu = cpuFullBatch(formula, columns, t[0], t[1], scratch); });
    // Both paths sum in the same order: the first run's means must agree bit for bit.
    const agree = gpuCheck === undefined ? 'no GPU row to compare' : gpuCheck.every((v, k) => Object.is(v, cpu[k])) ? 'run 0 equals the GPU bit for bit' : `run 0 differs from the GPU: ${gpuCheck} vs ${cpu}`;
    rows.push(row(cpuImpl, samples, 1, m, agree));
    console.log(`[bench] ${JSON.stringify(rows[rows.length - 1])}`);
  }
  return rows;
}
