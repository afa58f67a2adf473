/// <reference lib="webworker" />
/**
 * The CPU engine's worker: owns runs [begin, end) of the experiment and steps them with
 * ./population, the structure-of-arrays twin of the core reference simulator (held equal to
 * createSimulation, bit for bit, by population.test.ts). Answers every request with a slice
 * snapshot.
 */
import { Population } from './population';
import { sliceTransferables, type ConfigureRequest, type SliceSnapshot, type WorkerRequest, type WorkerResponse } from './protocol';

let runner: Population | null = null;
/** First global run index of this worker's slice. */
let sliceBegin = 0;
let recordCount = 0;
let detail = false;

function snapshot(samples?: SliceSnapshot['samples']): SliceSnapshot {
  const r = runner!;
  const n = r.count;
  // Fresh copies: they travel as transferables.
  const statusCode = r.code.slice();
  const statusStep = r.codeStep.slice();
  return {
    step: r.step,
    x: r.x.slice(), y: r.y.slice(), loss: r.loss.slice(), gradNorm: r.gradNorm.slice(),
    statusCode, statusStep, samples,
    state: detail ? Array.from({ length: n }, (_, i) => r.state(i).slice()) : undefined,
    grad: detail ? r.grad.slice() : undefined,
  };
}

/** Samples of the current values only (after configure/reset: step 0). */
function currentSamples(): SliceSnapshot['samples'] {
  if (recordCount === 0) return undefined;
  const r = runner!;
  return {
    steps: Int32Array.of(r.step),
    x: r.x.slice(0, recordCount), y: r.y.slice(0, recordCount),
    loss: r.loss.slice(0, recordCount), gradNorm: r.gradNorm.slice(0, recordCount),
  };
}

function configure(m: ConfigureRequest): SliceSnapshot {
  runner = new Population(m.experiment, m.precision, m.begin, m.end, m.starts);
  recordCount = Math.max(0, Math.min(m.end, m.recordEnd) - m.begin);
  sliceBegin = m.begin;
  detail = m.detail;
  return snapshot(currentSamples());
}

function step(n: number): SliceSnapshot {
  const r = runner!;
  const k0 = r.step;
  const take = Math.max(0, Math.min(Math.floor(n), stepsLeft(r)));
  if (recordCount === 0 || take === 0) {
    r.advance(take, 0);
    return snapshot(recordCount === 0 ? undefined : emptySamples());
  }
  const len = recordCount * take;
  const sx = new Float64Array(len), sy = new Float64Array(len), sl = new Float64Array(len), sg = new Float64Array(len);
  r.advance(take, recordCount, (i, k) => {
    const o = i * take + (k - k0 - 1);
    sx[o] = r.x[i]; sy[o] = r.y[i]; sl[o] = r.loss[i]; sg[o] = r.gradNorm[i];
  });
  const steps = Int32Array.from({ length: take }, (_, j) => k0 + 1 + j);
  return snapshot({ steps, x: sx, y: sy, loss: sl, gradNorm: sg });
}

let budget = 0;
function stepsLeft(r: Population): number {
  return budget - r.step;
}

function emptySamples(): SliceSnapshot['samples'] {
  const e = new Float64Array(0);
  return { steps: new Int32Array(0), x: e, y: e.slice(), loss: e.slice(), gradNorm: e.slice() };
}

function handle(m: WorkerRequest): SliceSnapshot {
  if (m.type === 'configure') {
    budget = m.experiment.steps;
    return configure(m);
  }
  if (!runner) throw new Error('configure() first');
  if (m.type === 'step') return step(m.n);
  if (m.type === 'retune' || m.type === 'restartRun') {
    // No samples: nothing stepped. The caller knows a restarted run's new step-0 values from x, y.
    const local = m.type === 'restartRun' ? m.index - sliceBegin : -1;
    if (local >= 0 && local < runner.count) runner.restartRun(local, m.experiment);
    else runner.retune(m.experiment);
    return snapshot(recordCount === 0 ? undefined : emptySamples());
  }
  runner.reset();
  return snapshot(currentSamples());
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  let reply: WorkerResponse;
  let transfer: Transferable[] = [];
  try {
    const s = handle(m);
    reply = { type: 'snapshot', id: m.id, snapshot: s };
    transfer = sliceTransferables(s);
  } catch (err) {
    reply = { type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
};
