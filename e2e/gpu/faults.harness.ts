/**
 * Faults harness: async cases on window.faultsHarness that drive the real engines (WebGPU on
 * whatever adapter Chromium gives, CPU workers) into the GPU's failure paths — device limits,
 * a shader that does not compile, out-of-memory — and return plain summaries for
 * e2e/gpu/engine.faults.spec.ts. Nothing here stands in for WebGPU: every error comes from the
 * device. Each case destroys the devices and engines it made.
 */
import { resolveExperiment, type ResolvedExperiment } from '../../src/core/experiment';
import { bindObjective } from '../../src/core/objectives';
import { createSimulation } from '../../src/core/simulate';
import type { CompiledFormula } from '../../src/core/expr';
import { MAX_CPU_RUNS } from '../../src/engine/cpu/cpuEngine';
import { createEngine } from '../../src/engine/factory';
import { EngineFaultError } from '../../src/engine/fault';
import { acquireDevice } from '../../src/engine/gpu/device';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import { createStepLayouts, createStepPipeline } from '../../src/engine/gpu/kernel';
import { buildTables } from '../../src/engine/gpu/tables';
import type { EngineFault, EngineSnapshot } from '../../src/engine/types';

/** Bytes of optimizer state per run on the GPU (16 f32): what the run-count limit divides. */
const STATE_BYTES_PER_RUN = 64;

/**
 * WGSL that Tint rejects (an undeclared identifier), appended to a formula's emitted code. No
 * formula a user can type produces invalid WGSL (the compiler folds only f32-finite constants
 * and gives every operation its own `let`), so the compile-error path is reached by handing
 * the kernel builder a formula whose emitter adds this line.
 */
const BROKEN_WGSL = '\nfn broken_user_term() -> f32 { return undefined_symbol_from_formula * 2.0; }\n';

/** How a promise settled, without letting a hang stall the case (ms: the deadline). */
type Outcome = { kind: 'ok'; step: number; runs: number } | { kind: 'rejected'; name: string; reason: string | null; message: string } | { kind: 'timeout' };

async function settle(p: Promise<EngineSnapshot>, ms: number): Promise<Outcome> {
  let timer = 0;
  const deadline = new Promise<Outcome>((resolve) => { timer = window.setTimeout(() => resolve({ kind: 'timeout' }), ms); });
  const done = p.then(
    (s): Outcome => ({ kind: 'ok', step: s.step, runs: s.x.length }),
    (e: unknown): Outcome => ({
      kind: 'rejected',
      name: e instanceof Error ? e.name : typeof e,
      reason: e instanceof EngineFaultError ? e.fault.reason : null,
      message: e instanceof Error ? e.message : String(e),
    }),
  );
  const out = await Promise.race([done, deadline]);
  clearTimeout(timer);
  return out;
}

/** The experiment that is running when the fault happens: 6 optimizers on Rosenbrock. */
function previousExperiment(steps: number): ResolvedExperiment {
  return resolveExperiment({
    objective: { id: 'rosenbrock' }, steps,
    runs: ['gd', 'sgd', 'adam', 'rmsprop', 'lion', 'nadam'].map((optimizer) => ({ optimizer, hyper: { lr: optimizer === 'gd' ? 1e-3 : 0.01 } })),
  });
}

/** Bitwise mismatches (NaN equals NaN) of a snapshot against the f32 simulator at its step. */
function mismatchesVsF32(exp: ResolvedExperiment, s: EngineSnapshot): { count: number; first: unknown } {
  const sim = createSimulation(exp, 'f32');
  sim.advance(s.step);
  let count = 0;
  let first: unknown = null;
  for (let i = 0; i < sim.runCount; i++) {
    for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) {
      const [a, b] = [s[f][i], sim[f][i]];
      if (a === b || (a !== a && b !== b)) continue;
      count++;
      first ??= { run: i, field: f, engine: a, sim: b };
    }
    if (JSON.stringify(s.status[i]) !== JSON.stringify(sim.status(i))) count++;
  }
  return { count, first };
}

/** Adapter info and the limits the run-count check divides, or null without an adapter. */
async function adapter() {
  const acquired = await acquireDevice();
  if (!acquired) return null;
  const { limits } = acquired.device;
  const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  acquired.device.destroy();
  return { info: acquired.info, maxBinding, maxRuns: Math.floor(maxBinding / STATE_BYTES_PER_RUN) };
}

/**
 * The bare GpuEngine asked for one run more than its state buffer can hold: how configure
 * settles, which faults its listeners hear, and what a later call on the same engine does.
 */
async function limitsBare() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const faults: EngineFault[] = [];
  gpu.onFault((f) => faults.push(f));
  const maxBinding = Math.min(gpu.device.limits.maxStorageBufferBindingSize, gpu.device.limits.maxBufferSize);
  const over = Math.floor(maxBinding / STATE_BYTES_PER_RUN) + 1;
  const exp = previousExperiment(100);
  gpu.device.pushErrorScope('validation');
  const before = await settle(gpu.configure(exp, { record: false }).then(() => gpu.step(10)), 30_000);
  const refused = await settle(gpu.configure(exp, { record: false, replicas: { count: over } }), 30_000);
  const later = await settle(gpu.step(5), 30_000);
  const validation = await gpu.device.popErrorScope();
  gpu.dispose();
  return { over, before, refused, later, faults, validation: validation?.message ?? null };
}

/**
 * The resilient wrapper asked to record more runs than a sample ring can hold (a limit that
 * does not depend on memory): the refusal, the running experiment continuing, and the earlier
 * experiment configured again and stepped to the simulator's values.
 */
async function limitsRecording(recorded: number) {
  const engine = await createEngine('gpu');
  if (engine.info.kind !== 'gpu') return null;
  const faults: EngineFault[] = [];
  const kinds: string[] = [];
  engine.onFault((f) => faults.push(f));
  engine.onChange((i) => kinds.push(i.kind));
  const prev = previousExperiment(60);
  await engine.configure(prev, { record: false });
  const beforeStep = (await engine.step(20)).step;
  const big = await settle(engine.configure(prev, { record: true, recordRuns: recorded, replicas: { count: recorded } }), 60_000);
  const bigStep = await settle(engine.step(2), 60_000);
  const kindAfter = engine.info.kind;
  await engine.configure(prev, { record: false });
  await engine.step(20);
  const s = await engine.step(40);
  const diff = mismatchesVsF32(prev, s);
  engine.dispose();
  return { beforeStep, big, bigStep, kindAfter, kinds, faults, step: s.step, mismatches: diff.count, first: diff.first };
}

/**
 * A request beyond both engines (10^12 runs: no GPU buffer and no CPU array can hold it) on the
 * resilient wrapper after an experiment ran 10 steps: how the request settles, and whether the
 * wrapper still runs the earlier experiment afterwards (continuing it, or configured again).
 */
async function limitsBeyondBoth() {
  const engine = await createEngine('gpu');
  if (engine.info.kind !== 'gpu') return null;
  const faults: EngineFault[] = [];
  engine.onFault((f) => faults.push(f));
  const prev = previousExperiment(60);
  await engine.configure(prev, { record: false });
  await engine.step(10);
  const huge = await settle(engine.configure(prev, { record: false, replicas: { count: 1e12 } }), 15_000);
  const continued = await settle(engine.step(10), 15_000);
  const again = await settle(engine.configure(prev, { record: false }).then(() => engine.step(30)), 15_000);
  const kind = engine.info.kind;
  engine.dispose();
  return { huge, continued, again, kind, faults };
}

/**
 * The CPU engine (through the wrapper, as without WebGPU) asked for more runs than it can hold:
 * refused before anything is allocated, and the running experiment keeps going.
 */
async function cpuTooMany() {
  const engine = await createEngine('cpu');
  const faults: EngineFault[] = [];
  engine.onFault((f) => faults.push(f));
  const prev = previousExperiment(60);
  await engine.configure(prev, { record: false });
  await engine.step(10);
  const huge = await settle(engine.configure(prev, { record: false, replicas: { count: MAX_CPU_RUNS + 1 } }), 15_000);
  const continued = await settle(engine.step(10), 15_000);
  const kind = engine.info.kind;
  engine.dispose();
  return { max: MAX_CPU_RUNS, huge, continued, kind, faults };
}

/** A real formula whose WGSL gains a line the device's compiler rejects. */
function brokenFormula(f: CompiledFormula): CompiledFormula {
  return { ...f, toWgsl: (o) => f.toWgsl(o) + BROKEN_WGSL };
}

/**
 * The kernel builder on the real device: the objective's pipeline compiles inside a validation
 * scope; the same kernel with invalid WGSL rejects with EngineFaultError('shader').
 */
async function shaderKernel() {
  const acquired = await acquireDevice();
  if (!acquired) return null;
  const { device } = acquired;
  const layouts = createStepLayouts(device);
  const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 10, runs: [{ optimizer: 'adam' }] });
  const tables = buildTables(exp);
  const formula = tables.formula;
  const spec = { ...tables.groups[0], workgroupSize: 64, init: false, record: false, replay: false, stateMask: 0xff, hpAt: -1, finite: false };
  device.pushErrorScope('validation');
  const good = await createStepPipeline(device, layouts, formula, 'adam', spec).then(() => 'ok', (e: unknown) => String(e));
  const goodScope = await device.popErrorScope();
  const bad = await createStepPipeline(device, layouts, brokenFormula(formula), 'adam', spec).then(
    () => ({ name: 'resolved', reason: null, message: '' }),
    (e: unknown) => ({ name: e instanceof Error ? e.name : typeof e, reason: e instanceof EngineFaultError ? e.fault.reason : null, message: e instanceof Error ? e.message : String(e) }),
  );
  device.destroy();
  return { good, goodScope: goodScope?.message ?? null, bad };
}

/**
 * The resilient wrapper meets a step kernel the device cannot compile while an experiment runs:
 * the formula of the next experiment is compiled once (the objective registry caches it) and its
 * WGSL emitter is made to append invalid WGSL; the CPU workers compile their own copy, so only
 * the GPU sees the bad shader. Reports the faults, the engine kinds, the samples' steps and the
 * final values against the f32 simulator.
 */
async function shaderWrapper(before: number, after: number) {
  const engine = await createEngine('gpu');
  if (engine.info.kind !== 'gpu') return null;
  const faults: EngineFault[] = [];
  const kinds: string[] = [engine.info.kind];
  engine.onFault((f) => faults.push(f));
  engine.onChange((i) => kinds.push(i.kind));
  const source = '(x - 1)^2 + 3*(y + 0.5)^2 + x*y/4';
  const cached = bindObjective('custom', {}, source).formula as { toWgsl: CompiledFormula['toWgsl'] };
  const emit = cached.toWgsl;
  cached.toWgsl = (o) => emit(o) + BROKEN_WGSL;
  const first = previousExperiment(before);
  const s0 = await engine.configure(first, { record: true });
  const s1 = await engine.step(before);
  const firstOk = mismatchesVsF32(first, s1).count;
  const exp = resolveExperiment({
    objective: { id: 'custom', formula: source }, steps: 2 * after,
    runs: ['gd', 'adam', 'rmsprop', 'lion'].map((optimizer) => ({ optimizer, hyper: { lr: 0.02 } })),
  });
  const c0 = await engine.configure(exp, { record: true });
  const kindAfterConfigure = engine.info.kind;
  const [c1, c2] = await Promise.all([engine.step(after), engine.step(after)]);
  const diff = mismatchesVsF32(exp, c2);
  const steps = (s: EngineSnapshot) => Array.from(s.samples?.steps ?? []);
  const result = {
    kinds, kindAfterConfigure, faults, firstSteps: [s0.step, s1.step], firstOk,
    steps: [c0.step, c1.step, c2.step], sampleSteps: [...steps(c0), ...steps(c1), ...steps(c2)],
    mismatches: diff.count, first: diff.first,
  };
  engine.dispose();
  return result;
}

/**
 * The largest population the limits allow (its state buffer is exactly the binding limit),
 * configured `attempts` times, each on a fresh GpuEngine: real allocations near maxBufferSize.
 * Each attempt reports success (step and runs) or the rejection, and the faults heard.
 */
async function oomNearLimit(attempts: number) {
  const results: { outcome: Outcome; faults: EngineFault[]; validation: string | null }[] = [];
  for (let a = 0; a < attempts; a++) {
    const gpu = await GpuEngine.create();
    if (!gpu) return null;
    const faults: EngineFault[] = [];
    gpu.onFault((f) => faults.push(f));
    const { limits } = gpu.device;
    const count = Math.floor(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize) / STATE_BYTES_PER_RUN);
    const exp = resolveExperiment({ objective: { id: 'quadratic' }, steps: 10, runs: [{ optimizer: 'sgd' }] });
    gpu.device.pushErrorScope('validation');
    const outcome = await settle(gpu.configure(exp, { record: false, replicas: { count } }), 90_000);
    const validation = await gpu.device.popErrorScope();
    gpu.dispose();
    results.push({ outcome, faults, validation: validation?.message ?? null });
  }
  return results;
}

declare global {
  interface Window { faultsHarness: Record<string, (...args: never[]) => Promise<unknown>> }
}

window.faultsHarness = { adapter, cpuTooMany, limitsBare, limitsRecording, limitsBeyondBoth, shaderKernel, shaderWrapper, oomNearLimit };
