/// <reference lib="webworker" />
/**
 * The CPU engine's worker: owns runs [begin, end) of the experiment and steps them with
 * ./population, the structure-of-arrays twin of the core reference simulator (held equal to
 * createSimulation, bit for bit, by population.test.ts). Answers every request with a slice
 * snapshot.
 */
import { registerImported } from '../../core/data/imported';
import { Population } from './population';
import { DataPopulation, isDatasetExperiment } from './dataPopulation';
import { currentSamples as samplesNow, StepSamples } from '../stepSamples';
import { sliceTransferables, type ConfigureRequest, type SliceSnapshot, type WorkerRequest, type WorkerResponse } from './protocol';

let runner: Population | DataPopulation | null = null;
/** First global run index of this worker's slice. */
let sliceBegin = 0;
let recordCount = 0;
let detail = false;
/** The engine's run count when this worker's per-run arrays carry all runs (ConfigureRequest.total), else 0. */
let hostLength = 0;

/** A fresh copy of a per-run array (they travel as transferables), at hostLength when set. */
function copyOut<T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  if (hostLength === 0) return a.slice() as T;
  const out = make(hostLength);
  out.set(a);
  return out;
}

/** An ensemble race's cloud of members (DataPopulation only). */
function cloud(): SliceSnapshot['cloud'] {
  const r = runner;
  if (!(r instanceof DataPopulation) || r.band === null) return undefined;
  const c = r.cloud()!;
  return { ...c, diverged: r.band.diverged.slice() };
}

function snapshot(samples?: SliceSnapshot['samples']): SliceSnapshot {
  const r = runner!;
  const n = r.count;
  const f64 = (len: number) => new Float64Array(len);
  return {
    cloud: cloud(),
    step: r.step,
    x: copyOut(r.x, f64), y: copyOut(r.y, f64), loss: copyOut(r.loss, f64), gradNorm: copyOut(r.gradNorm, f64),
    statusCode: copyOut(r.code, (len) => new Uint8Array(len)), statusStep: copyOut(r.codeStep, (len) => new Int32Array(len)),
    samples,
    state: detail ? Array.from({ length: n }, (_, i) => r.state(i).slice()) : undefined,
    grad: detail ? r.grad.slice() : undefined,
  };
}

/** Samples of the current values only (after configure/reset: step 0). */
function currentSamples(): SliceSnapshot['samples'] {
  if (recordCount === 0) return undefined;
  const r = runner!;
  return samplesNow({ x: r.x, y: r.y, loss: r.loss, gradNorm: r.gradNorm, band: bandOf(r) }, r.step, recordCount);
}

/** An ensemble race's band (DataPopulation only). */
function bandOf(r: Population | DataPopulation): DataPopulation['band'] {
  return r instanceof DataPopulation ? r.band : null;
}

/** The runner's step code, for the replies that may change it. */
function kernel(): SliceSnapshot['kernel'] {
  return runner!.stepCode(recordCount);
}

function configure(m: ConfigureRequest): SliceSnapshot {
  if (m.imported) registerImported(m.imported.dataset, m.imported.id);
  // A finite sum over data steps in its own race (every run's batches, SAG, SVRG); replicas
  // are not offered for it, so one worker holds all of its runs.
  runner = isDatasetExperiment(m.experiment) ? new DataPopulation(m.experiment, m.precision) : new Population(m.experiment, m.precision, m.begin, m.end, m.starts);
  recordCount = Math.max(0, Math.min(m.end, m.recordEnd) - m.begin);
  sliceBegin = m.begin;
  detail = m.detail;
  hostLength = m.begin === 0 && (m.total ?? 0) > m.end ? m.total! : 0;
  return { ...snapshot(currentSamples()), kernel: kernel() };
}

function step(n: number): SliceSnapshot {
  const r = runner!;
  const k0 = r.step;
  const take = Math.max(0, Math.min(Math.floor(n), stepsLeft(r)));
  if (recordCount === 0 || take === 0) {
    r.advance(take, 0);
    return snapshot(recordCount === 0 ? undefined : emptySamples());
  }
  const rec = new StepSamples({ x: r.x, y: r.y, loss: r.loss, gradNorm: r.gradNorm, band: bandOf(r) }, k0, take, recordCount);
  r.advance(take, recordCount, rec.record);
  return snapshot(rec.samples());
}

let budget = 0;
function stepsLeft(r: Population | DataPopulation): number {
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
    return { ...snapshot(recordCount === 0 ? undefined : emptySamples()), kernel: kernel() };
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
