/**
 * The CPU reference on every core: the CPU engine's own worker (src/engine/cpu/worker.ts, the
 * Population code) in N node:worker_threads, driven with the engine's message protocol. The
 * browser's CpuEngine caps itself at 8 workers; this driver takes all cores, so the GPU is
 * compared with the best the same CPU code does on this machine.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_RECORD_RUNS } from '../../src/engine/cpu/cpuEngine';
import type { SliceSnapshot, WorkerRequest, WorkerResponse } from '../../src/engine/cpu/protocol';
import { adamExperiment, starts, type Measure } from '../bench/workloads';

/** Runs per thread below which splitting costs more than it saves (as in CpuEngine). */
const MIN_RUNS_PER_THREAD = 2048;

function ask(w: Worker, msg: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<SliceSnapshot> {
  return new Promise((resolve, reject) => {
    const onMessage = (r: WorkerResponse) => {
      if (r.id !== msg.id) return;
      w.off('message', onMessage);
      w.off('error', reject);
      if (r.type === 'snapshot') resolve(r.snapshot);
      else reject(new Error(r.message));
    };
    w.on('message', onMessage);
    w.once('error', reject);
    w.postMessage(msg, transfer);
  });
}

/**
 * `steps` steps of `runs` runs over up to `threads` threads, in calls of `perCall` steps, the
 * first 64 runs recording samples like the UI's race view; every call waits for all slices.
 */
export async function populationThreads(script: string, runs: number, steps: number, perCall: number, threads: number): Promise<Measure> {
  const W = Math.max(1, Math.min(threads, Math.floor(runs / MIN_RUNS_PER_THREAD)));
  const workers = Array.from({ length: W }, () => new Worker(script));
  let id = 1;
  try {
    const warm = Math.min(perCall, 4);
    const experiment = adamExperiment(warm + steps);
    const all = starts(runs);
    const recordEnd = Math.min(runs, DEFAULT_RECORD_RUNS);
    await Promise.all(workers.map((w, k) => {
      const begin = Math.floor((runs * k) / W);
      const end = Math.floor((runs * (k + 1)) / W);
      const slice = all.slice(2 * begin, 2 * end);
      return ask(w, { type: 'configure', id: id++, experiment, precision: 'f32', begin, end, starts: slice, recordEnd, detail: false }, [slice.buffer]);
    }));
    const stepAll = (n: number) => Promise.all(workers.map((w) => ask(w, { type: 'step', id: id++, n })));
    await stepAll(warm);
    const t0 = performance.now();
    for (let done = 0; done < steps; ) {
      const n = Math.min(perCall, steps - done);
      await stepAll(n);
      done += n;
    }
    return { steps, seconds: (performance.now() - t0) / 1000, note: `${W} thread${W === 1 ? '' : 's'}` };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
