/**
 * The map row of the benchmark (issue 13): time to compute a 256 × 256 hyperparameter map
 * (Adam, lr × β1 on Rosenbrock, 500 steps per cell: 65,536 runs) through the app's own map job
 * (src/engine/mapJob.ts: throughput mode, chunked calls, per-run summaries only), on the GPU
 * engine and on the CPU engine (Web Workers), in one run. One measurement each (a map is long);
 * engine creation and pipeline compilation are included, as a user waits for them too.
 */
import { resolveExperiment } from '../../src/core/experiment';
import { hyperMapExperiment } from '../../src/core/maps';
import { CpuEngine } from '../../src/engine/cpu/cpuEngine';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { runMapJob } from '../../src/engine/mapJob';
import type { Engine } from '../../src/engine/types';

export interface MapRow {
  readonly impl: string;
  readonly cells: number;
  readonly steps: number;
  readonly seconds: number;
  readonly chunks: number;
  /** Optimizer steps per second: cells × steps / seconds. */
  readonly stepsPerSecond: number;
  readonly error?: string;
}

function mapExperiment(side: number, steps: number) {
  const base = resolveExperiment({ objective: { id: 'rosenbrock' }, steps, gradTol: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });
  return hyperMapExperiment({
    experiment: base, run: 0, xName: 'lr', yName: 'beta1', steps,
    x: { min: 1e-4, max: 1, cells: side, scale: 'log' }, y: { min: 0, max: 0.99, cells: side, scale: 'linear' },
  });
}

async function measure(impl: string, make: () => Promise<Engine | null>, side: number, steps: number): Promise<MapRow> {
  const exp = mapExperiment(side, steps);
  const t0 = performance.now();
  let engine: Engine | null = null;
  try {
    engine = await make();
    if (!engine) return { impl, cells: side * side, steps, seconds: 0, chunks: 0, stepsPerSecond: 0, error: 'no WebGPU adapter' };
    let chunks = 0;
    const last = await runMapJob(engine, exp, { onProgress: () => chunks++ });
    const seconds = (performance.now() - t0) / 1000;
    if (!last || last.step !== steps) throw new Error(`the job ended at step ${last?.step}`);
    return { impl, cells: side * side, steps, seconds, chunks, stepsPerSecond: (side * side * steps) / seconds };
  } catch (e) {
    return { impl, cells: side * side, steps, seconds: (performance.now() - t0) / 1000, chunks: 0, stepsPerSecond: 0, error: e instanceof Error ? e.message : String(e) };
  } finally {
    engine?.dispose();
  }
}

/** The map rows whose name matches `only` (a regular expression; empty: both). */
export async function mapRows(side: number, steps: number, only: string): Promise<MapRow[]> {
  const want = (name: string) => !only || new RegExp(only).test(name);
  const rows: MapRow[] = [];
  const gpuName = `Map ${side}×${side}, GPU engine`;
  const cpuName = `Map ${side}×${side}, CPU engine`;
  if (want(gpuName)) rows.push(await measure(gpuName, () => GpuEngine.create(), side, steps));
  if (want(cpuName)) rows.push(await measure(cpuName, async () => new CpuEngine(), side, steps));
  return rows;
}
