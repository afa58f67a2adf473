/**
 * Benchmark page: every row of the table in one run, driven by scripts/bench.mjs through
 * window.bench.run(). Work per row is sized so each measurement takes about a second on the
 * adapter at hand (a software adapter gets ~100× less work than a real GPU); the engine rows
 * take at least three of the UI's calls (./workloads), which at a million runs on a software
 * adapter is longer.
 */
import { createGpuEngine } from '../../src/engine/factory';
import { bareKernel } from './bare';
import { datasetRows } from './datasetGradients';
import { mapRows } from './mapRows';
import { tfjsAdamOptimizer, tfjsWebgpu } from './tfjs';
import { cpuEngine, gpuEngine, plainLoop, referenceLoop, type Driving, type Measure } from './workloads';

export interface Row {
  readonly impl: string;
  readonly runs: number;
  readonly steps: number;
  readonly seconds: number;
  /** Optimizer-steps per second: runs × steps / seconds. */
  readonly stepsPerSecond: number;
  readonly note?: string;
  readonly error?: string;
  /** Engine rows and the bare kernel in the UI's calls: the steps of each timed call. */
  readonly calls?: readonly number[];
}

/** "3 calls of 400", "5 calls of 100–400": the call sizes of a measurement, for its note. */
function describeCalls(calls: readonly number[] | undefined): string | undefined {
  if (!calls || calls.length === 0) return undefined;
  const lo = Math.min(...calls), hi = Math.max(...calls);
  return `${calls.length} call${calls.length === 1 ? '' : 's'} of ${lo === hi ? lo : `${lo}–${hi}`}`;
}

export interface BenchOptions {
  readonly runs: number[];
  /** Regular expression: only rows whose name matches run (empty: all rows). */
  readonly only?: string;
  /** Run-steps per measurement for GPU rows, CPU rows and TF.js; 0 = choose from the adapter. */
  readonly gpuWork?: number;
  readonly cpuWork?: number;
  readonly tfWork?: number;
  /**
   * Measurements per row, in rounds over all rows of one R; the row reports the fastest (a
   * shared machine only ever slows a run down).
   */
  readonly repeat?: number;
  /** Steps per step(n) call of the engine rows; 0 = as the app's runner sizes them ('ui'). */
  readonly callSteps?: number;
  /** The map rows (./mapRows): grid side (default 256) and steps per cell (default 500). */
  readonly mapSide?: number;
  readonly mapSteps?: number;
  /** The dataset rows (./datasetGradients): samples (default 1,000,000) and GPU runs per call (default [1]). */
  readonly datasetSamples?: number;
  readonly datasetRuns?: number[];
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
  const driving: Driving = opts.callSteps ? { perCall: opts.callSteps } : 'ui';
  const rows: Row[] = [];
  const only = opts.only ? new RegExp(opts.only) : null;
  type Measured = Measure & { workers?: string };
  type Job = { impl: string; f: () => Promise<Measured> | Measured };
  // One R's rows measured in rounds (every row once per round, `repeat` rounds), each row
  // keeping its fastest: rows compared in a ratio are measured close together in time, so a
  // change in the shared machine's load skews both rather than one.
  const measureAll = async (runs: number, jobs: Job[]) => {
    const chosen = jobs.filter((j) => !only || only.test(j.impl));
    const best = new Map<string, Measured>();
    const failed = new Map<string, string>();
    for (let round = 0; round < repeat; round++) {
      for (const { impl, f } of chosen) {
        if (failed.has(impl)) continue;
        try {
          const m = await f();
          const prev = best.get(impl);
          if (!prev || m.seconds / m.steps < prev.seconds / prev.steps) best.set(impl, m);
        } catch (e) {
          failed.set(impl, e instanceof Error ? e.message : String(e));
        }
      }
    }
    for (const { impl } of chosen) {
      const m = best.get(impl);
      const error = failed.get(impl);
      rows.push(error !== undefined || !m
        ? { impl, runs, steps: 0, seconds: 0, stepsPerSecond: 0, error: error ?? 'not measured' }
        : {
          impl, runs, steps: m.steps, seconds: m.seconds, stepsPerSecond: (runs * m.steps) / m.seconds, calls: m.calls,
          note: [m.workers ?? m.note, describeCalls(m.calls)].filter(Boolean).join('; ') || undefined,
        });
      console.log(`[bench] ${impl} R=${runs}: ${JSON.stringify(rows[rows.length - 1])}`);
    }
  };
  for (const R of opts.runs) {
    const gs = clampSteps(gpuWork, R, 8, 50_000);
    const cs = clampSteps(cpuWork, R, 2, 50_000);
    const ts = clampSteps(tfWork, R, 4, 2_000);
    // The engine rows drive step(n) as the app's runner does at its top speed (./workloads,
    // 'ui'; BENCH_CALL_STEPS fixes a call size instead); the ceiling takes as many steps in one
    // call as the GPU engine's last measurement.
    let engineSteps = gs;
    await measureAll(R, [
      { impl: 'GPU engine (as the UI drives it)', f: async () => { const m = await gpuEngine(R, gs, driving); engineSteps = m.steps; return m; } },
      { impl: 'Bare WGSL kernel (ceiling)', f: () => bareKernel(R, engineSteps) },
      { impl: 'Bare WGSL kernel, in the engine row\'s calls', f: () => bareKernel(R, gs, driving) },
      { impl: 'CPU engine (all workers)', f: () => cpuEngine(R, cs, driving) },
      { impl: 'JS single thread, plain loop (baseline)', f: () => plainLoop(R, cs) },
      { impl: 'JS single thread, engine step code', f: () => referenceLoop(R, cs) },
      { impl: 'TensorFlow.js webgpu, tf.train.adam (what a user writes)', f: () => tfjsAdamOptimizer(R, ts) },
      { impl: 'TensorFlow.js webgpu, hand-written update ops', f: () => tfjsWebgpu(R, ts) },
    ]);
  }
  // Full-batch gradients on a dataset: their own table (other units than optimizer-steps).
  const dataset = await datasetRows(opts.datasetSamples || 1_000_000, opts.datasetRuns?.length ? opts.datasetRuns : [1], only);
  // The 256 × 256 map of issue 13 (its own table: seconds per map).
  const maps = await mapRows(opts.mapSide || 256, opts.mapSteps || 500, opts.only ?? '');
  return { adapter, cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent, rows, datasetRows: dataset, mapRows: maps };
}

declare global {
  interface Window { bench: { run: typeof run } }
}
window.bench = { run };
