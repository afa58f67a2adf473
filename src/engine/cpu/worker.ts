/// <reference lib="webworker" />
/**
 * The CPU engine's worker: owns runs [begin, end) of the experiment and steps them with the
 * core reference simulator (createSimulation) or, for replicas with their own starts, its
 * structure-of-arrays twin (./population). Answers every request with a slice snapshot.
 */
import type { ResolvedExperiment } from '../../core/experiment';
import { createSimulation, type Simulation } from '../../core/simulate';
import { encodeStatus } from '../runStatus';
import { Population } from './population';
import { sliceTransferables, type ConfigureRequest, type SliceSnapshot, type WorkerRequest, type WorkerResponse } from './protocol';

/** What the worker needs from either simulator. */
interface Runner {
  readonly count: number;
  readonly step: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly loss: Float64Array;
  readonly gradNorm: Float64Array;
  readonly grad: Float64Array;
  /** Fresh copies of every run's status code and step (they travel as transferables). */
  statuses(): { code: Uint8Array; step: Int32Array };
  state(i: number): Float64Array;
  advance(n: number, recordCount: number, record?: (i: number, k: number) => void): number;
  reset(): void;
  retune(exp: ResolvedExperiment): void;
  /** Local run index. */
  restartRun(i: number, exp: ResolvedExperiment): void;
}

/** The core Simulation as a Runner: one step at a time only while recording. */
function simulationRunner(sim: Simulation): Runner {
  return {
    count: sim.runCount,
    get step() { return sim.step; },
    x: sim.x, y: sim.y, loss: sim.loss, gradNorm: sim.gradNorm, grad: sim.grad,
    statuses() {
      const n = sim.runCount;
      const code = new Uint8Array(n);
      const step = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const s = sim.status(i);
        code[i] = encodeStatus(s);
        step[i] = s.kind === 'running' ? 0 : s.step;
      }
      return { code, step };
    },
    state: (i) => sim.state[i],
    advance(n, recordCount, record) {
      if (!record || recordCount === 0) return sim.advance(n);
      let taken = 0;
      while (taken < n && sim.advance(1) === 1) {
        taken++;
        for (let i = 0; i < recordCount; i++) record(i, sim.step);
      }
      return taken;
    },
    reset: () => sim.reset(),
    retune: (exp) => sim.retune(exp),
    restartRun: (i, exp) => sim.restartRun(i, exp),
  };
}

function populationRunner(p: Population): Runner {
  return {
    count: p.count,
    get step() { return p.step; },
    x: p.x, y: p.y, loss: p.loss, gradNorm: p.gradNorm, grad: p.grad,
    // Population keeps runStatus codes already (core/simulate/status = engine/runStatus codes).
    statuses: () => ({ code: p.code.slice(), step: p.codeStep.slice() }),
    state: (i) => p.state(i),
    advance: (n, recordCount, record) => p.advance(n, recordCount, record),
    reset: () => p.reset(),
    retune: (exp) => p.retune(exp),
    restartRun: (i, exp) => p.restartRun(i, exp),
  };
}

let runner: Runner | null = null;
/** First global run index of this worker's slice. */
let sliceBegin = 0;
let recordCount = 0;
let detail = false;

function snapshot(samples?: SliceSnapshot['samples']): SliceSnapshot {
  const r = runner!;
  const n = r.count;
  const { code: statusCode, step: statusStep } = r.statuses();
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
  const whole = m.begin === 0 && m.end === m.experiment.runs.length && !m.starts;
  runner = whole
    ? simulationRunner(createSimulation(m.experiment, m.precision))
    : populationRunner(new Population(m.experiment, m.precision, m.begin, m.end, m.starts));
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
function stepsLeft(r: Runner): number {
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
