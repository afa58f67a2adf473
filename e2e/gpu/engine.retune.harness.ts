/**
 * retune / restartRun harness: the GPU engine against the core simulator's f32 mode after the
 * same sequence of steps, retunes and per-run restarts (every snapshot field, every sample),
 * and the resilient wrapper replaying that history on the CPU after a device loss.
 */
import { resolveExperiment, type ExperimentInput, type ResolvedExperiment } from '../../src/core/experiment';
import { createSimulation, type Simulation } from '../../src/core/simulate';
import { createEngine } from '../../src/engine/factory';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import type { Engine, EngineFault, EngineSnapshot } from '../../src/engine/types';

type Op = { step: number } | { retune: ResolvedExperiment } | { restart: number; exp: ResolvedExperiment };

/**
 * Rosenbrock (only + − × ÷: bit-exact) with Adam on a cosine schedule (so the local t matters),
 * RAdam, SGD with momentum, Adagrad with lr_decay; `v` varies the tuning, and v = 1 turns on
 * clipping and a schedule for SGD (its group's CLIP/SCHEDULE flags change: new pipelines) and
 * amsgrad for the second Adam (its group's HP_NONZERO and STATE_MASK change).
 */
function race(v: number, steps = 80): ResolvedExperiment {
  return resolveExperiment({
    objective: { id: 'rosenbrock' },
    steps,
    runs: [
      { optimizer: 'adam', hyper: { lr: 0.02 + 0.01 * v }, schedule: { kind: 'cosine', t_max: 50, min_factor: 0.1, warmup: 4 } },
      { optimizer: 'radam', hyper: { lr: 0.002 + 0.001 * v } },
      { optimizer: 'sgd', hyper: { lr: 2e-4, momentum: 0.9 }, ...(v === 1 ? { max_grad_norm: 5, schedule: { kind: 'step', step_size: 9, gamma: 0.5 } } : {}) },
      { optimizer: 'adagrad', hyper: { lr: 0.05 * (1 + v), lr_decay: 0.01 } },
      // amsgrad off, on (v = 1), off: the state slots of its maximum are stepped only while on.
      { optimizer: 'adam', hyper: { lr: 0.01, amsgrad: v === 1 ? 1 : 0 }, schedule: { kind: 'exponential', gamma: 0.97 } },
    ],
  } as ExperimentInput);
}

const same = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

/** Compares a snapshot (and its samples against `records`) with the simulation now. */
function compare(snap: EngineSnapshot, sim: Simulation, records: Map<number, number[][]>, out: string[]): void {
  if (snap.step !== sim.step) out.push(`step ${snap.step} vs ${sim.step}`);
  for (let i = 0; i < sim.runCount; i++) {
    for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) if (!same(snap[f][i], sim[f][i])) out.push(`step ${sim.step} run ${i} ${f}: ${snap[f][i]} vs ${sim[f][i]}`);
    if (JSON.stringify(snap.status[i]) !== JSON.stringify(sim.status(i))) out.push(`step ${sim.step} run ${i} status ${JSON.stringify(snap.status[i])} vs ${JSON.stringify(sim.status(i))}`);
    const st = snap.state?.[i] ?? [];
    sim.state[i].forEach((v, j) => { if (!same(st[j], v)) out.push(`step ${sim.step} run ${i} state[${j}]: ${st[j]} vs ${v}`); });
    if (snap.grad && (!same(snap.grad[2 * i], sim.grad[2 * i]) || !same(snap.grad[2 * i + 1], sim.grad[2 * i + 1]))) out.push(`step ${sim.step} run ${i} grad`);
  }
  const sm = snap.samples;
  if (!sm) return;
  const S = sm.steps.length;
  sm.steps.forEach((k, j) => {
    const rec = records.get(k);
    for (let i = 0; i < sim.runCount; i++) {
      const got = [sm.x[i * S + j], sm.y[i * S + j], sm.loss[i * S + j], sm.gradNorm[i * S + j]];
      if (!rec || !got.every((v, q) => same(v, rec[i][q]))) out.push(`sample step ${k} run ${i}: ${got} vs ${rec?.[i]}`);
    }
  });
}

/** Applies `ops` to the engine and to a simulation stepping one step at a time (recording). */
async function play(engine: Engine, exp: ResolvedExperiment, ops: Op[], onOp?: (j: number) => void): Promise<{ out: string[]; samples: number; last: EngineSnapshot }> {
  const sim = createSimulation(exp, 'f32');
  const out: string[] = [];
  const records = new Map<number, number[][]>();
  const record = () => records.set(sim.step, Array.from({ length: sim.runCount }, (_, i) => [sim.x[i], sim.y[i], sim.loss[i], sim.gradNorm[i]]));
  record();
  let last = await engine.configure(exp, { record: true });
  compare(last, sim, records, out);
  let samples = 0;
  for (const [j, op] of ops.entries()) {
    onOp?.(j);
    if ('step' in op) {
      last = await engine.step(op.step);
      for (let k = 0; k < op.step && sim.advance(1) === 1; k++) record();
      samples += last.samples?.steps.length ?? 0;
    } else if ('retune' in op) {
      last = await engine.retune(op.retune);
      sim.retune(op.retune);
    } else {
      last = await engine.restartRun(op.restart, op.exp);
      sim.restartRun(op.restart, op.exp);
    }
    compare(last, sim, records, out);
  }
  return { out: out.slice(0, 10), samples, last };
}

const OPS: Op[] = [
  { step: 20 },
  { retune: race(1) },
  { step: 15 },
  { restart: 0, exp: race(2) },
  { step: 12 },
  { restart: 2, exp: race(2) },
  { step: 40 },
];

/** GPU vs the f32 simulator after retunes and restarts: mismatches (first 10) and sample count. */
async function retuneParity() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  gpu.device.pushErrorScope('validation');
  const { out, samples, last } = await play(gpu, race(0), OPS);
  const err = await gpu.device.popErrorScope();
  gpu.dispose();
  return { mismatches: out, samples, step: last.step, statuses: last.status.map((s) => s.kind), validation: err ? err.message : null };
}

/** The resilient engine loses its device after a restartRun and a retune; the CPU replays the history. */
async function resilientReplay() {
  const engine = await createEngine('gpu');
  if (engine.info.kind !== 'gpu') return null;
  const faults: EngineFault[] = [];
  engine.onFault((f) => faults.push(f));
  const ops: Op[] = [{ step: 20 }, { restart: 1, exp: race(1) }, { step: 10 }, { retune: race(2) }, { step: 5 }, { restart: 4, exp: race(2) }, { step: 25 }, { step: 20 }];
  // The device goes before the step after the last restart: that step and the next run on the CPU.
  const { out, last } = await play(engine, race(0), ops, (j) => { if (j === 6) (engine.current as GpuEngine).device.destroy(); });
  const kind = engine.info.kind;
  engine.dispose();
  return { kind, faults: faults.map((f) => f.reason), mismatches: out, step: last.step };
}

async function adapter() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  gpu.dispose();
  return true;
}

declare global {
  interface Window { retuneHarness: Record<string, (...args: never[]) => Promise<unknown>> }
}
window.retuneHarness = { adapter, retuneParity, resilientReplay };
