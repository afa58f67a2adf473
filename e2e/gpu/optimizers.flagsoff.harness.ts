/**
 * Optimizer parity with the step kernel's override flags off: every optimizer (and the
 * nesterov / amsgrad / centered variants) without gradient clipping and with a constant
 * schedule, so each pipeline is built with CLIP = 0 and SCHEDULE = 0 (the existing parity
 * cases in engine.spec.ts mix clipping and schedules in, which turns the flags on). The GPU
 * engine's recorded samples of every step are compared with createSimulation(exp, 'f32').
 */
import { resolveExperiment } from '../../src/core/experiment';
import { createSimulation } from '../../src/core/simulate';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { buildTables } from '../../src/engine/gpu/tables';

const OPTIMIZERS = ['gd', 'sgd', 'momentum_ema', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion'];

/** The code-path switches each get a run of their own, next to every optimizer's defaults. */
const VARIANTS: { optimizer: string; hyper: Record<string, number> }[] = [
  { optimizer: 'sgd', hyper: { momentum: 0.9, nesterov: 1 } },
  { optimizer: 'sgd', hyper: { momentum: 0.9, dampening: 0.1, weight_decay: 0.01 } },
  { optimizer: 'adam', hyper: { amsgrad: 1 } },
  { optimizer: 'adamw', hyper: { amsgrad: 1 } },
  { optimizer: 'rmsprop', hyper: { centered: 1 } },
  { optimizer: 'rmsprop', hyper: { centered: 1, momentum: 0.5 } },
];

function runs(): unknown[] {
  const plain = { max_grad_norm: 0, schedule: { kind: 'constant' } };
  const base = OPTIMIZERS.map((optimizer) => ({ optimizer, hyper: { lr: optimizer === 'adadelta' ? 1 : 0.01 }, ...plain }));
  const variants = VARIANTS.map((v) => ({ optimizer: v.optimizer, hyper: { lr: 0.003, ...v.hyper }, ...plain }));
  return [...base, ...variants];
}

interface Mismatch { run: number; optimizer: string; step: number; field: string; gpu: number; cpu: number }

/** `steps` steps of every run on `objective`: flags, sample count and bitwise mismatches. */
async function flagsOff(objectives: string[], steps: number) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const out = [];
  for (const objective of objectives) {
    const exp = resolveExperiment({ objective: { id: objective }, steps, runs: runs() });
    const T = exp.runs.length;
    // What the engine will specialise its pipelines for: every group with both flags off.
    const flags = buildTables(exp).groups.map((g) => ({ optimizer: g.optimizer, clip: g.clip, schedule: g.schedule }));
    gpu.device.pushErrorScope('validation');
    const s0 = await gpu.configure(exp, { record: true });
    const s1 = await gpu.step(steps);
    const validation = await gpu.device.popErrorScope();
    const sim = createSimulation(exp, 'f32');
    let mismatches = 0;
    let first: Mismatch | null = null;
    const fields = ['x', 'y', 'loss', 'gradNorm'] as const;
    const check = (run: number, step: number, field: string, g: number, c: number) => {
      if (g === c || (g !== g && c !== c)) return;
      mismatches++;
      first ??= { run, optimizer: exp.runs[run].optimizer, step, field, gpu: g, cpu: c };
    };
    for (let i = 0; i < T; i++) for (const f of fields) check(i, 0, f, s0.samples![f][i], sim[f][i]);
    for (let k = 1; k <= steps; k++) {
      sim.advance(1);
      for (let i = 0; i < T; i++) for (const f of fields) check(i, k, f, s1.samples![f][i * steps + k - 1], sim[f][i]);
    }
    let statusMismatch = 0;
    for (let i = 0; i < T; i++) {
      sim.state[i].forEach((v, j) => check(i, steps, `state[${j}]`, s1.state![i][j], v));
      if (JSON.stringify(s1.status[i]) !== JSON.stringify(sim.status(i))) statusMismatch++;
    }
    const sampleSteps = [...s0.samples!.steps, ...s1.samples!.steps];
    const running = s1.status.filter((s) => s.kind === 'running').length;
    out.push({ objective, runs: T, flags, sampleSteps: sampleSteps.length, contiguous: sampleSteps.every((k, j) => k === j), mismatches, first, statusMismatch, running, validation: validation?.message ?? null });
  }
  gpu.dispose();
  return out;
}

async function adapter() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const info = gpu.info;
  gpu.dispose();
  return info;
}

declare global {
  interface Window { flagsOffHarness: Record<string, (...args: never[]) => Promise<unknown>> }
}
window.flagsOffHarness = { adapter, flagsOff };
