/**
 * Maps on real WebGPU (window.mapsHarness): a hyperparameter map and a basin map run by the GPU
 * engine's throughput mode (src/engine/mapJob.ts), compared cell by cell with the CPU
 * engine's population (f32); and a cancelled job, after which the GPU has nothing queued and
 * no chunk is submitted.
 */
import { resolveExperiment } from '../../src/core/experiment';
import { basinExperiment, basinStarts, hyperMapExperiment } from '../../src/core/maps';
import { bindObjective } from '../../src/core/objectives';
import { Population } from '../../src/engine/cpu/population';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { runMapJob } from '../../src/engine/mapJob';
import type { Engine, EngineSnapshot } from '../../src/engine/types';

interface Agreement {
  readonly runs: number;
  readonly mismatches: number;
  readonly first: string | null;
  readonly statusMismatch: number;
  readonly chunks: number;
  readonly ms: number;
  readonly validation: string | null;
}

function compare(snap: EngineSnapshot, pop: Population, count: number): Pick<Agreement, 'mismatches' | 'first' | 'statusMismatch'> {
  let mismatches = 0;
  let statusMismatch = 0;
  let first: string | null = null;
  for (let i = 0; i < count; i++) {
    for (const f of ['x', 'y', 'loss'] as const) {
      const g = snap[f][i];
      const c = pop[f][i];
      if (g !== c && !(g !== g && c !== c)) {
        mismatches++;
        first ??= `run ${i} ${f}: gpu ${g} cpu ${c}`;
      }
    }
    if (JSON.stringify(snap.status[i]) !== JSON.stringify(pop.status(i))) statusMismatch++;
  }
  return { mismatches, first, statusMismatch };
}

async function agreement(kind: 'hyper' | 'basin'): Promise<Agreement | null> {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  let exp;
  let starts: Float64Array | undefined;
  if (kind === 'hyper') {
    const base = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 150, gradTol: 1e-3, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });
    exp = hyperMapExperiment({
      experiment: base, run: 0, xName: 'lr', yName: 'beta1', steps: 150,
      x: { min: 1e-4, max: 1, cells: 24, scale: 'log' }, y: { min: 0, max: 0.99, cells: 20, scale: 'linear' },
    });
  } else {
    const base = resolveExperiment({ objective: { id: 'himmelblau' }, steps: 300, gradTol: 1e-3, runs: [{ optimizer: 'gd', hyper: { lr: 0.01 } }] });
    const spec = { experiment: base, run: 0, view: bindObjective('himmelblau').def.view, nx: 40, ny: 30, steps: 300 };
    exp = basinExperiment(spec);
    starts = basinStarts(spec);
  }
  const count = starts ? starts.length / 2 : exp.runs.length;
  gpu.device.pushErrorScope('validation');
  let chunks = 0;
  const t0 = performance.now();
  const snap = await runMapJob(gpu, exp, { starts: starts?.slice(), onProgress: () => chunks++ });
  const ms = performance.now() - t0;
  const err = await gpu.device.popErrorScope();
  gpu.dispose();
  const pop = new Population(exp, 'f32', 0, count, starts);
  pop.advance(snap!.step);
  return { runs: count, ...compare(snap!, pop, count), chunks, ms, validation: err ? err.message : null };
}

/** Counts the engine calls a job makes (the real GPU engine underneath). */
function counting(engine: GpuEngine): { engine: Engine; calls: () => number } {
  let calls = 0;
  const wrapped: Engine = {
    info: engine.info,
    configure: (e, o) => (calls++, engine.configure(e, o)),
    step: (n) => (calls++, engine.step(n)),
    reset: () => engine.reset(),
    retune: (e) => engine.retune(e),
    restartRun: (i, e) => engine.restartRun(i, e),
    dispose: () => engine.dispose(),
    onFault: (l) => engine.onFault(l),
  };
  return { engine: wrapped, calls: () => calls };
}

async function cancel(): Promise<{ result: null | number; callsAtCancel: number; callsAfter: number; idleMs: number; done: number; total: number } | null> {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const base = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 5000, gradTol: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }] });
  const exp = hyperMapExperiment({
    experiment: base, run: 0, xName: 'lr', yName: 'beta1', steps: 5000,
    x: { min: 1e-4, max: 1, cells: 64, scale: 'log' }, y: { min: 0, max: 0.99, cells: 64, scale: 'linear' },
  });
  const { engine, calls } = counting(gpu);
  const abort = new AbortController();
  let callsAtCancel = 0;
  let done = 0;
  const job = runMapJob(engine, exp, {
    signal: abort.signal,
    onProgress: (d) => {
      done = d;
      if (d > 0 && !abort.signal.aborted) {
        abort.abort();
        callsAtCancel = calls();
      }
    },
  });
  const result = await job;
  // Nothing queued after the job returns: the queue drains at once, and no call follows.
  const t0 = performance.now();
  await gpu.device.queue.onSubmittedWorkDone();
  const idleMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const callsAfter = calls();
  gpu.dispose();
  return { result: result === null ? null : result.step, callsAtCancel, callsAfter, idleMs, done, total: exp.steps };
}

declare global {
  interface Window { mapsHarness: { agreement: typeof agreement; cancel: typeof cancel } }
}
window.mapsHarness = { agreement, cancel };
