/**
 * Engine harness: async cases on window.engineHarness that run the real engines (WebGPU on
 * whatever adapter Chromium gives, CPU workers) against the core reference simulator, and
 * return plain summaries for the specs to assert on.
 */
import { resolveExperiment, type ResolvedExperiment } from '../../src/core/experiment';
import { bindObjective } from '../../src/core/objectives';
import { createSimulation, simulate } from '../../src/core/simulate';
import { CpuEngine } from '../../src/engine/cpu/cpuEngine';
import { createEngine } from '../../src/engine/factory';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import type { EngineFault, EngineSnapshot } from '../../src/engine/types';

const OPTIMIZERS = ['gd', 'sgd', 'momentum_ema', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion'];

/** Every optimizer twice: defaults, then the options that change code paths (flags, clip, schedules). */
function allRuns(lrScale = 1): unknown[] {
  const variant: Record<string, Record<string, number>> = {
    sgd: { momentum: 0.9, nesterov: 1, weight_decay: 0.01 },
    rmsprop: { centered: 1, momentum: 0.5 },
    adam: { amsgrad: 1, weight_decay: 0.01 },
    adamw: { amsgrad: 1 },
    adagrad: { lr_decay: 0.01, initial_accumulator_value: 0.1 },
  };
  const base = OPTIMIZERS.map((optimizer) => ({ optimizer, hyper: { lr: lrScale * (optimizer === 'adadelta' ? 1 : 0.01) } }));
  const second = OPTIMIZERS.map((optimizer, i) => ({
    optimizer,
    hyper: { lr: lrScale * (optimizer === 'adadelta' ? 0.5 : 0.003), ...(variant[optimizer] ?? {}) },
    max_grad_norm: i % 2 === 0 ? 1 : 0,
    schedule: i % 3 === 0 ? { kind: 'cosine', warmup: 10 } : i % 3 === 1 ? { kind: 'step', step_size: 50, gamma: 0.5 } : { kind: 'exponential', gamma: 0.99 },
  }));
  return [...base, ...second];
}

/** Equal as numbers, NaN equal to NaN (the status test catches NaN runs separately). */
const same = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

interface Mismatch { run: number; step: number; field: string; gpu: number; cpu: number }

/** Largest |gpu − cpu| / (1 + |cpu|) over finite values, and the first exact mismatch. */
class Diff {
  maxRel = 0;
  count = 0;
  first?: Mismatch;
  add(run: number, step: number, field: string, gpu: number, cpu: number): void {
    if (same(gpu, cpu)) return;
    this.count++;
    this.first ??= { run, step, field, gpu, cpu };
    const rel = Number.isFinite(gpu) && Number.isFinite(cpu) ? Math.abs(gpu - cpu) / (1 + Math.abs(cpu)) : Infinity;
    this.maxRel = Math.max(this.maxRel, rel);
  }
}

async function withScope<T>(device: GPUDevice, body: () => Promise<T>): Promise<T & { validation: string | null }> {
  device.pushErrorScope('validation');
  const result = await body();
  const err = await device.popErrorScope();
  return { ...result, validation: err ? err.message : null };
}

/** Starts spread over the objective's view (deterministic lattice), or a `zoom` of it around its centre. */
function spread(objective: string, count: number, zoom = 1): Float64Array {
  const v = bindObjective(objective as never).def.view;
  const box = (r: readonly [number, number]) => [(r[0] + r[1]) / 2 - ((r[1] - r[0]) / 2) * zoom, (r[0] + r[1]) / 2 + ((r[1] - r[0]) / 2) * zoom];
  const view = { x: box(v.x), y: box(v.y) };
  const side = Math.ceil(Math.sqrt(count));
  const s = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    const u = ((i % side) + 0.37) / side, v = (Math.floor(i / side) + 0.61) / side;
    s[2 * i] = view.x[0] + u * (view.x[1] - view.x[0]);
    s[2 * i + 1] = view.y[0] + v * (view.y[1] - view.y[0]);
  }
  return s;
}

/**
 * GPU trajectories (every step's x, y, f, ‖g‖ of every run, final status, state and gradient)
 * against simulate(exp, 'f32'), for each objective: 24 runs (12 optimizers × 2 settings), each
 * from 2 starts (replicas), `steps` steps.
 */
async function parity(objectives: string[], steps: number, maxDispatchSteps?: number) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const out = [];
  for (const objective of objectives) {
    // Transcendental surfaces: small steps from starts near the centre minimum, where the
    // dynamics contract and a few-ulp difference in sin/cos/exp is not amplified by chaos.
    const tr = bindObjective(objective as never).formula.transcendental;
    const exp = resolveExperiment({ objective: { id: objective }, steps, runs: allRuns(tr ? 0.1 : 1) });
    const T = exp.runs.length;
    const starts = spread(objective, 2 * T, tr ? 0.05 : 1);
    out.push(await withScope(gpu.device, async () => {
      const s0 = await gpu.configure(exp, { record: true, replicas: { count: 2 * T, starts }, maxDispatchSteps });
      const s1 = await gpu.step(steps);
      const d = new Diff();
      let statusMismatch = 0;
      for (let i = 0; i < 2 * T; i++) {
        const e: ResolvedExperiment = { ...exp, start: [starts[2 * i], starts[2 * i + 1]], runs: [exp.runs[i % T]] };
        const trace = simulate(e, 'f32')[0];
        const sim = createSimulation(e, 'f32');
        sim.advance(steps);
        const fields = ['x', 'y', 'loss', 'gradNorm'] as const;
        for (const f of fields) d.add(i, 0, f, s0.samples![f][i], trace[f][0]);
        for (let k = 1; k <= steps; k++) for (const f of fields) d.add(i, k, f, s1.samples![f][i * steps + k - 1], trace[f][k]);
        for (const f of fields) d.add(i, steps, `final.${f}`, s1[f][i], sim[f][0]);
        sim.state[0].forEach((v, j) => d.add(i, steps, `state[${j}]`, s1.state![i][j], v));
        d.add(i, steps, 'grad.x', s1.grad![2 * i], sim.grad[0]);
        d.add(i, steps, 'grad.y', s1.grad![2 * i + 1], sim.grad[1]);
        if (JSON.stringify(s1.status[i]) !== JSON.stringify(sim.status(0))) statusMismatch++;
      }
      const transcendental = bindObjective(objective as never).formula.transcendental;
      return { objective, transcendental, runs: 2 * T, mismatches: d.count, maxRel: d.maxRel, first: d.first ?? null, statusMismatch, sampleSteps: s1.samples!.steps.length };
    }));
  }
  gpu.dispose();
  return out;
}

/**
 * The fast pass (no recording) against the CPU engine's f32 reference: every optimizer and
 * variant (schedules, clipping, flags, t-dependent updates), calls of uneven length (the
 * unrolled loop and its remainder, from steps that are not multiples of 4), and runs
 * restarted between calls (their local t counts from their origin). After each call every run's
 * values, status, optimizer state and gradient must be equal bit for bit.
 */
async function fastParity(objectives: string[], maxDispatchSteps?: number) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const out = [];
  for (const objective of objectives) {
    const exp = resolveExperiment({ objective: { id: objective }, steps: 200, runs: allRuns() });
    const count = 2 * exp.runs.length;
    const starts = spread(objective, count);
    const cpu = new CpuEngine();
    out.push(await withScope(gpu.device, async () => {
      await gpu.configure(exp, { record: false, replicas: { count, starts }, maxDispatchSteps });
      await cpu.configure(exp, { record: false, replicas: { count, starts: starts.slice() } });
      const d = new Diff();
      let statusMismatch = 0;
      const compare = (g: EngineSnapshot, k: EngineSnapshot) => {
        for (let i = 0; i < count; i++) {
          for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) d.add(i, g.step, f, g[f][i], k[f][i]);
          k.state![i].forEach((v, j) => d.add(i, g.step, `state[${j}]`, g.state![i][j], v));
          d.add(i, g.step, 'grad.x', g.grad![2 * i], k.grad![2 * i]);
          d.add(i, g.step, 'grad.y', g.grad![2 * i + 1], k.grad![2 * i + 1]);
          if (JSON.stringify(g.status[i]) !== JSON.stringify(k.status[i])) statusMismatch++;
        }
      };
      compare(await gpu.step(37), await cpu.step(37));
      // Restarted runs whose updates depend on their local t: RAdam, a cosine schedule with
      // warmup, Adagrad with lr_decay on a step schedule.
      for (const i of [10, 12, 39]) compare(await gpu.restartRun(i, exp), await cpu.restartRun(i, exp));
      for (const n of [62, 101]) compare(await gpu.step(n), await cpu.step(n));
      return { objective, runs: count, mismatches: d.count, first: d.first ?? null, statusMismatch };
    }));
    cpu.dispose();
  }
  gpu.dispose();
  return out;
}

/** Status flags and steps of the GPU and CPU engines on runs that diverge in every way. */
async function divergence(maxDispatchSteps?: number) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const cases = [
    { objective: { id: 'saddle' }, bound: 100, steps: 200, runs: [{ optimizer: 'sgd', hyper: { lr: 0.1 } }, { optimizer: 'adam', hyper: { lr: 0.5 } }] },
    { objective: { id: 'rosenbrock' }, steps: 200, runs: [{ optimizer: 'gd', hyper: { lr: 0.5 } }, { optimizer: 'sgd', hyper: { lr: 0.05, momentum: 0.99 } }, { optimizer: 'adam', hyper: { lr: 0.05 } }] },
    { objective: { id: 'booth' }, steps: 200, gradTol: 1e-3, runs: [{ optimizer: 'gd', hyper: { lr: 0.05 } }, { optimizer: 'gd', hyper: { lr: 0.2 } }] },
    // √x of a negative x is NaN: at step 0 for starts left of 0, later for runs that cross it.
    { objective: { id: 'custom', formula: 'sqrt(x) + y^2' }, steps: 100, runs: [{ optimizer: 'adam', hyper: { lr: 0.2 } }] },
    // f and g overflow to ±Inf while θ is still finite (no bound to stop it first).
    { objective: { id: 'custom', formula: '1e30*x^4 + y^2' }, bound: 1e300, steps: 100, runs: [{ optimizer: 'gd', hyper: { lr: 1e-4 } }] },
  ];
  const out = [];
  for (const c of cases) {
    const exp = resolveExperiment(c);
    const count = 64 * exp.runs.length;
    const starts = spread(exp.objective.id, count);
    const cpu = new CpuEngine();
    out.push(await withScope(gpu.device, async () => {
      // No recording: every run takes the GPU kernel's fast pass, and the runs with a status
      // event in a call its exact replay. Three calls, so replays also start mid-run.
      await gpu.configure(exp, { record: false, replicas: { count, starts }, maxDispatchSteps });
      await cpu.configure(exp, { record: false, replicas: { count, starts: starts.slice() } });
      let valueMismatch = 0;
      let g!: EngineSnapshot, k!: EngineSnapshot;
      for (const n of [37, 63, exp.steps - 100]) {
        [g, k] = [await gpu.step(n), await cpu.step(n)];
        for (let i = 0; i < count; i++) {
          if (!same(g.x[i], k.x[i]) || !same(g.y[i], k.y[i]) || !same(g.loss[i], k.loss[i]) || !same(g.gradNorm[i], k.gradNorm[i])) valueMismatch++;
        }
      }
      const kinds: Record<string, number> = {};
      const later: Record<string, number> = {};
      let disagree = 0;
      for (let i = 0; i < count; i++) {
        const s = g.status[i];
        const key = s.kind === 'diverged' ? `diverged:${s.reason}` : s.kind;
        kinds[key] = (kinds[key] ?? 0) + 1;
        if (s.kind !== 'running' && s.step > 0) later[key] = (later[key] ?? 0) + 1;
        if (JSON.stringify(s) !== JSON.stringify(k.status[i])) disagree++;
      }
      return { objective: exp.objective.id, count, kinds, later, disagree, valueMismatch };
    }));
    cpu.dispose();
  }
  gpu.dispose();
  return out;
}

/** `count` runs of Adam on Rosenbrock from starts over the view; a sampled subset vs the simulator. */
async function many(count: number, steps: number, sample: number) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const exp = resolveExperiment({ objective: { id: 'rosenbrock' }, steps, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }, { optimizer: 'sgd', hyper: { lr: 1e-3, momentum: 0.9 } }] });
  const starts = spread('rosenbrock', count);
  const t0 = performance.now();
  const result = await withScope(gpu.device, async () => {
    await gpu.configure(exp, { record: true, recordRuns: 16, replicas: { count, starts } });
    const s = await gpu.step(steps);
    const ms = performance.now() - t0;
    const d = new Diff();
    const stride = Math.floor(count / sample);
    for (let j = 0; j < sample; j++) {
      const i = j * stride + (j % stride);
      const sim = createSimulation({ ...exp, start: [starts[2 * i], starts[2 * i + 1]], runs: [exp.runs[i % 2]] }, 'f32');
      sim.advance(steps);
      for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) d.add(i, steps, f, s[f][i], sim[f][0]);
      if (JSON.stringify(s.status[i]) !== JSON.stringify(sim.status(0))) d.add(i, steps, 'status', 1, 0);
    }
    let finite = 0;
    for (let i = 0; i < count; i++) if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i])) finite++;
    return { step: s.step, runs: s.x.length, finite, mismatches: d.count, first: d.first ?? null, ms, samples: s.samples!.x.length };
  });
  gpu.dispose();
  return result;
}

/** Device loss mid-run: the wrapper falls back to the CPU and ends where an uninterrupted CPU run ends. */
async function deviceLoss(objective: string, before: number, after: number) {
  const engine = await createEngine('gpu');
  if (engine.info.kind !== 'gpu') return null;
  const faults: EngineFault[] = [];
  engine.onFault((f) => faults.push(f));
  const exp = resolveExperiment({ objective: { id: objective }, steps: before + after, runs: allRuns().slice(0, 12) });
  const opts = { record: true };
  const s0 = await engine.configure(exp, opts);
  const s1 = await engine.step(before);
  const adapter = engine.info.adapter;
  (engine.current as GpuEngine).device.destroy();
  // Two calls in flight across the loss: both must land on the CPU, in order.
  const [s2, s3] = await Promise.all([engine.step(Math.floor(after / 2)), engine.step(after - Math.floor(after / 2))]);
  const ref = new CpuEngine();
  await ref.configure(exp, opts);
  const r = await ref.step(before + after);
  ref.dispose();
  const d = new Diff();
  for (let i = 0; i < exp.runs.length; i++) {
    for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) d.add(i, s3.step, f, s3[f][i], r[f][i]);
    if (JSON.stringify(s3.status[i]) !== JSON.stringify(r.status[i])) d.add(i, s3.step, 'status', 1, 0);
  }
  const steps = (s: EngineSnapshot) => Array.from(s.samples?.steps ?? []);
  const allSteps = [...steps(s0), ...steps(s1), ...steps(s2), ...steps(s3)];
  const contiguous = allSteps.every((k, j) => k === j);
  const kind = engine.info.kind;
  engine.dispose();
  return { adapter, kind, faults, steps: [s1.step, s2.step, s3.step], contiguous, sampleCount: allSteps.length, mismatches: d.count, maxRel: d.maxRel, first: d.first ?? null };
}

/** CPU engine: replicas split over workers equal one run per template from the same starts. */
async function cpuWorkers(count: number, steps: number) {
  const exp = resolveExperiment({ objective: { id: 'himmelblau' }, steps, runs: [{ optimizer: 'adam', hyper: { lr: 0.05 } }, { optimizer: 'rmsprop' }, { optimizer: 'lion', hyper: { lr: 0.01 } }] });
  const starts = spread('himmelblau', count);
  const cpu = new CpuEngine();
  await cpu.configure(exp, { record: true, recordRuns: 5, replicas: { count, starts: starts.slice() } });
  const s = await cpu.step(steps);
  const d = new Diff();
  for (let i = 0; i < count; i += Math.max(1, Math.floor(count / 40))) {
    const sim = createSimulation({ ...exp, start: [starts[2 * i], starts[2 * i + 1]], runs: [exp.runs[i % 3]] }, 'f32');
    sim.advance(steps);
    for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) d.add(i, steps, f, s[f][i], sim[f][0]);
  }
  cpu.dispose();
  return { adapter: cpu.info.adapter, runs: s.x.length, sampleShape: [s.samples!.steps.length, s.samples!.x.length], mismatches: d.count, first: d.first ?? null };
}

/** The user's engine switch keeps the experiment: GPU → CPU → GPU ends where the CPU alone ends. */
async function switchEngines(steps: number) {
  const engine = await createEngine('auto');
  const exp = resolveExperiment({ objective: { id: 'beale' }, steps: 3 * steps, runs: allRuns().slice(0, 12) });
  await engine.configure(exp, { record: true });
  await engine.step(steps);
  const kinds = [engine.info.kind];
  await engine.switchTo(engine.info.kind === 'gpu' ? 'cpu' : 'gpu').catch(() => undefined);
  kinds.push(engine.info.kind);
  await engine.step(steps);
  await engine.switchTo('gpu').catch(() => undefined);
  kinds.push(engine.info.kind);
  const s = await engine.step(steps);
  const ref = createSimulation(exp, 'f32');
  ref.advance(3 * steps);
  const d = new Diff();
  for (let i = 0; i < 12; i++) for (const f of ['x', 'y', 'loss', 'gradNorm'] as const) d.add(i, s.step, f, s[f][i], ref[f][i]);
  engine.dispose();
  return { kinds, step: s.step, mismatches: d.count, first: d.first ?? null };
}

async function adapter() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const info = gpu.info;
  gpu.dispose();
  return info;
}

declare global {
  interface Window { engineHarness: Record<string, (...args: never[]) => Promise<unknown>> }
}
window.engineHarness = { adapter, parity, fastParity, divergence, many, deviceLoss, cpuWorkers, switchEngines };

