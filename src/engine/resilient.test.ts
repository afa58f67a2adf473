/**
 * The ResilientEngine against real engines that fail on cue (SimEngine: the core simulator
 * behind the Engine interface, posing as a GPU engine), not a WebGPU mock. A fault mid-race
 * moves the race to the CPU engine at the step it reached, with the same values the reference
 * simulator computes; refusals and plain bugs are not faults and do not move anything.
 */
import { describe, expect, it } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../core/experiment';
import { createSimulation } from '../core/simulate';
import { ResilientEngine } from './resilient';
import { SimEngine } from './testing/simEngine';
import type { EngineFault, EngineInfo, EngineSnapshot } from './types';

const experiment = (lr = 0.001): ResolvedExperiment =>
  resolveExperiment({
    objective: { id: 'rosenbrock' },
    steps: 200,
    runs: [
      { optimizer: 'gd', hyper: { lr } },
      { optimizer: 'momentum_ema', hyper: { lr } },
      { optimizer: 'adam', hyper: { lr: 0.01 } },
    ],
  });

const lost: EngineFault = { reason: 'device-lost', message: 'The GPU device was lost.' };

/** A GPU-posing engine, the CPU engines the wrapper makes, and what it reports. */
function rig(gpuFails: SimEngine['failWhen'] = null) {
  const gpu = new SimEngine('gpu', 'test GPU');
  gpu.failWhen = gpuFails;
  const cpus: SimEngine[] = [];
  const engine = new ResilientEngine(gpu, async () => null, () => {
    const cpu = new SimEngine('cpu', 'test CPU');
    cpus.push(cpu);
    return cpu;
  });
  const faults: EngineFault[] = [];
  const changes: EngineInfo[] = [];
  engine.onFault((f) => faults.push(f));
  engine.onChange((i) => changes.push(i));
  return { gpu, cpus, engine, faults, changes };
}

/** The reference values after `steps` steps, with optional tunes at given steps. */
function reference(exp: ResolvedExperiment, steps: number, tunes: { step: number; apply: (s: ReturnType<typeof createSimulation>) => void }[] = []) {
  const sim = createSimulation(exp);
  for (const t of tunes) {
    sim.advance(t.step - sim.step);
    t.apply(sim);
  }
  sim.advance(steps - sim.step);
  return { x: Array.from(sim.x), y: Array.from(sim.y), loss: Array.from(sim.loss) };
}

const values = (s: EngineSnapshot) => ({ x: Array.from(s.x), y: Array.from(s.y), loss: Array.from(s.loss) });

describe('ResilientEngine', () => {
  it('a fault rejecting a step moves the race to the CPU engine at the step reached, with the same values', async () => {
    const { gpu, cpus, engine, faults, changes } = rig((call, reached) => (call === 'step' && reached >= 40 ? lost : null));
    await engine.configure(experiment(), { record: false });
    for (let i = 0; i < 4; i++) await engine.step(10);
    expect(engine.info.kind).toBe('gpu');
    const snap = await engine.step(10); // fails on the GPU at step 40, finishes on the CPU
    expect(snap.step).toBe(50);
    expect(engine.info.kind).toBe('cpu');
    expect(values(snap)).toEqual(reference(experiment(), 50));
    expect(faults).toEqual([{ reason: 'device-lost', message: 'The GPU device was lost. Continuing on the CPU engine.' }]);
    expect(changes.map((c) => c.kind)).toEqual(['cpu']);
    expect(gpu.disposed).toBe(true);
    expect(cpus).toHaveLength(1);
    // The CPU engine was replayed to step 40 before the failed call's 10 steps.
    expect(cpus[0].stepSizes.reduce((a, b) => a + b, 0)).toBe(50);
    const later = await engine.step(25);
    expect(later.step).toBe(75);
    expect(values(later)).toEqual(reference(experiment(), 75));
  });

  it('overlapping steps in flight through a fault each resolve at their own target', async () => {
    const { engine, faults } = rig((call, reached) => (call === 'step' && reached >= 30 ? lost : null));
    await engine.configure(experiment(), { record: false });
    await engine.step(30);
    const pending = [engine.step(10), engine.step(10), engine.step(10)];
    const snaps = await Promise.all(pending);
    expect(snaps.map((s) => s.step)).toEqual([40, 50, 60]);
    expect(values(snaps[2])).toEqual(reference(experiment(), 60));
    expect(faults).toHaveLength(1);
  });

  it('a device loss announced between calls hands the race over once', async () => {
    const { gpu, engine, faults, changes } = rig();
    await engine.configure(experiment(), { record: false });
    await engine.step(64);
    gpu.announce(lost);
    gpu.announce(lost); // a second callback for the same device is the same fault
    const snap = await engine.step(16);
    expect(engine.info.kind).toBe('cpu');
    expect(snap.step).toBe(80);
    expect(values(snap)).toEqual(reference(experiment(), 80));
    expect(faults).toHaveLength(1);
    expect(changes).toHaveLength(1);
  });

  it('replays retunes and per-run restarts at the steps they happened', async () => {
    const { engine } = rig((call, reached) => (call === 'step' && reached >= 90 ? lost : null));
    const a = experiment(0.001);
    const b = experiment(0.0015);
    const c = experiment(0.002);
    await engine.configure(a, { record: false });
    await engine.step(30);
    await engine.retune(b);
    await engine.step(30);
    await engine.restartRun(1, c);
    await engine.step(30);
    const snap = await engine.step(20); // the fault: replay 90 steps with both tunes, then 20
    expect(engine.info.kind).toBe('cpu');
    expect(snap.step).toBe(110);
    expect(values(snap)).toEqual(
      reference(a, 110, [
        { step: 30, apply: (s) => s.retune(b) },
        { step: 60, apply: (s) => s.restartRun(1, c) },
      ]),
    );
  });

  it('a fault while configuring leaves the new race at step 0 on the CPU engine', async () => {
    const { engine, faults } = rig((call) => (call === 'configure' ? { reason: 'shader', message: 'Shader compilation failed.' } : null));
    const snap = await engine.configure(experiment(), { record: false });
    expect(engine.info.kind).toBe('cpu');
    expect(snap.step).toBe(0);
    expect(faults.map((f) => f.reason)).toEqual(['shader']);
    expect(values(await engine.step(5))).toEqual(reference(experiment(), 5));
  });

  it("a request beyond the engine's limits is refused: the previous race stays, no fallback", async () => {
    const limits: EngineFault = { reason: 'limits', message: 'This GPU holds at most 1,000 runs.' };
    const { gpu, engine, faults, changes } = rig();
    await engine.configure(experiment(), { record: false });
    await engine.step(20);
    gpu.failWhen = (call) => (call === 'configure' ? limits : null);
    await expect(engine.configure(experiment(0.002), { record: false })).rejects.toThrow('at most 1,000 runs');
    gpu.failWhen = null;
    expect(engine.info.kind).toBe('gpu');
    expect(faults).toEqual([]);
    expect(changes).toEqual([]);
    // The earlier race goes on; a later fault replays it (not the refused one) to its step.
    await engine.step(10);
    gpu.failWhen = (call) => (call === 'step' ? lost : null);
    const snap = await engine.step(10);
    expect(engine.info.kind).toBe('cpu');
    expect(snap.step).toBe(40);
    expect(values(snap)).toEqual(reference(experiment(), 40));
  });

  it('a plain error from a healthy engine is rethrown, not taken for a fault', async () => {
    const { engine, faults, cpus } = rig((call) => (call === 'restartRun' ? new RangeError('run 7 does not exist') : null));
    await engine.configure(experiment(), { record: false });
    await expect(engine.restartRun(7, experiment())).rejects.toThrow('run 7 does not exist');
    expect(engine.info.kind).toBe('gpu');
    expect(faults).toEqual([]);
    expect(cpus).toEqual([]);
    expect((await engine.step(3)).step).toBe(3);
  });

  it("the CPU engine's own fault is reported, with nowhere to fall back to", async () => {
    const cpu = new SimEngine('cpu');
    const made: SimEngine[] = [];
    const engine = new ResilientEngine(cpu, async () => null, () => {
      const e = new SimEngine('cpu');
      made.push(e);
      return e;
    });
    const faults: EngineFault[] = [];
    engine.onFault((f) => faults.push(f));
    await engine.configure(experiment(), { record: false });
    cpu.announce({ reason: 'device-lost', message: 'The worker stopped.' });
    expect(faults).toEqual([{ reason: 'device-lost', message: 'The worker stopped.' }]);
    expect(made).toEqual([]);
    expect(engine.current).toBe(cpu);
  });

  it("the user's switch to WebGPU is refused without an adapter and moves the race when there is one", async () => {
    const cpu = new SimEngine('cpu');
    let adapter = false;
    const gpus: SimEngine[] = [];
    const engine = new ResilientEngine(cpu, async () => {
      if (!adapter) return null;
      const g = new SimEngine('gpu');
      gpus.push(g);
      return g;
    });
    await engine.configure(experiment(), { record: true });
    await engine.step(33);
    await expect(engine.switchTo('gpu')).rejects.toThrow('no adapter');
    expect(engine.current).toBe(cpu);
    expect(cpu.disposed).toBe(false);
    adapter = true;
    const snap = await engine.switchTo('gpu');
    expect(engine.current).toBe(gpus[0]);
    expect(cpu.disposed).toBe(true);
    expect(snap?.step).toBe(33);
    expect(snap?.samples).toBeUndefined(); // the UI already drew the replayed steps
    expect(values(snap!)).toEqual(reference(experiment(), 33));
    expect(await engine.switchTo('gpu')).toBeUndefined();
  });
});
