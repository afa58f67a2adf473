/**
 * Benchmark page: every row of the table in one run, driven by scripts/bench.mjs through
 * window.bench.run(). Work per row is sized so each measurement takes about a second on the
 * adapter at hand (a software adapter gets ~100× less work than a real GPU).
 */
import { createGpuEngine } from '../../src/engine/factory';
import { bareKernel } from './bare';
import { tfjsAdamOptimizer, tfjsWebgpu } from './tfjs';
import { cpuEngine, gpuEngine, plainLoop, referenceLoop, type Measure } from './workloads';

export interface Row {
  readonly impl: string;
  readonly runs: number;
  readonly steps: number;
  readonly seconds: number;
  /** Optimizer-steps per second: runs × steps / seconds. */
  readonly stepsPerSecond: number;
  readonly note?: string;
  readonly error?: string;
}

export interface BenchOptions {
  readonly runs: number[];
  /** Regular expression: only rows whose name matches run (empty: all rows). */
  readonly only?: string;
  /** Run-steps per measurement for GPU rows, CPU rows and TF.js; 0 = choose from the adapter. */
  readonly gpuWork?: number;
  readonly cpuWork?: number;
  readonly tfWork?: number;
  /** Measurements per row; the row reports the fastest (a shared machine only ever slows a run down). */
  readonly repeat?: number;
}

const clampSteps = (work: number, runs: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(work / runs)));

async function run(opts: BenchOptions) {
  const probe = await createGpuEngine();
  const adapter = probe ? probe.info : null;
  probe?.dispose();
  const soft = adapter?.software ?? true;
  const gpuWork = opts.gpuWork || (soft ? 6e7 : 4e9);
  const cpuWork = opts.cpuWork || 6e7;
  const tfWork = opts.tfWork || (soft ? 4e6 : 4e8);
  const repeat = Math.max(1, opts.repeat ?? 1);
  const rows: Row[] = [];
  const only = opts.only ? new RegExp(opts.only) : null;
  const add = async (impl: string, runs: number, f: () => Promise<Measure & { workers?: string }> | Measure) => {
    if (only && !only.test(impl)) return;
    try {
      let m: Measure & { workers?: string } = await f();
      for (let i = 1; i < repeat; i++) {
        const again = await f();
        if (again.seconds / again.steps < m.seconds / m.steps) m = again;
      }
      rows.push({ impl, runs, steps: m.steps, seconds: m.seconds, stepsPerSecond: (runs * m.steps) / m.seconds, note: m.workers ?? m.note });
    } catch (e) {
      rows.push({ impl, runs, steps: 0, seconds: 0, stepsPerSecond: 0, error: e instanceof Error ? e.message : String(e) });
    }
    console.log(`[bench] ${impl} R=${runs}: ${JSON.stringify(rows[rows.length - 1])}`);
  };
  for (const R of opts.runs) {
    const gs = clampSteps(gpuWork, R, 8, 50_000);
    // The UI asks for a frame's worth of steps per call; 8 calls per measurement.
    await add('GPU engine (as the UI drives it)', R, () => gpuEngine(R, gs, Math.max(1, Math.ceil(gs / 8))));
    await add('Bare WGSL kernel (ceiling)', R, () => bareKernel(R, gs));
    await add('Bare WGSL kernel, in the engine row\'s 8 calls', R, () => bareKernel(R, gs, 8));
    const cs = clampSteps(cpuWork, R, 2, 50_000);
    await add('CPU engine (all workers)', R, () => cpuEngine(R, cs, Math.max(1, Math.ceil(cs / 8))));
    await add('JS single thread, plain loop (baseline)', R, () => plainLoop(R, clampSteps(cpuWork, R, 2, 50_000)));
    await add('JS single thread, engine step code', R, () => referenceLoop(R, cs));
    await add('TensorFlow.js webgpu, tf.train.adam (what a user writes)', R, () => tfjsAdamOptimizer(R, clampSteps(tfWork, R, 4, 2_000)));
    await add('TensorFlow.js webgpu, hand-written update ops', R, () => tfjsWebgpu(R, clampSteps(tfWork, R, 4, 2_000)));
  }
  return { adapter, cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent, rows };
}

declare global {
  interface Window { bench: { run: typeof run } }
}
window.bench = { run };
