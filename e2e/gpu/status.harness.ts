/**
 * Status parity harness: the default race of every built-in surface (the runs a person gets by
 * picking it), on the GPU engine and on the CPU engine, stepped as the app steps them (record on,
 * calls of 100 steps). Returns the first call at which each run's statuses differ (kind, step or
 * reason) and both engines' final statuses, for the spec to compare.
 */
import { resolveExperiment } from '../../src/core/experiment';
import { bindObjective, OBJECTIVES } from '../../src/core/objectives';
import { CpuEngine } from '../../src/engine/cpu/cpuEngine';
import { GpuEngine } from '../../src/engine/gpu/gpuEngine';
import type { RunStatus } from '../../src/core/experiment';
import { defaultExperiment } from '../../src/store/defaults';
import { setObjective, toExperimentInput } from '../../src/store/draft';

/** A status as one comparable string: 'converged@30', 'diverged:loss@878', 'running'. */
const key = (s: RunStatus): string => (s.kind === 'running' ? 'running' : s.kind === 'diverged' ? `diverged:${s.reason}@${s.step}` : `${s.kind}@${s.step}`);

interface Disagreement { objective: string; run: number; optimizer: string; step: number; gpu: string; cpu: string; gpuGradNorm: number; cpuGradNorm: number }

async function defaultRaces(objectives: string[] | null, steps: number | null, call = 100) {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  // Surfaces only: dataset objectives race on the CPU engine (the GPU engine hands them over).
  const ids = objectives ?? OBJECTIVES.filter((o) => o.id !== 'custom' && !o.dataset).map((o) => o.id);
  const out: { objective: string; transcendental: boolean; optimizers: string[]; finals: { gpu: RunStatus; cpu: RunStatus }[]; disagreements: Disagreement[]; validation: string | null }[] = [];
  for (const id of ids) {
    const draft = setObjective(defaultExperiment(), id as never);
    const exp = resolveExperiment({ ...toExperimentInput(draft), ...(steps ? { steps } : {}) });
    const cpu = new CpuEngine();
    gpu.device.pushErrorScope('validation');
    await gpu.configure(exp, { record: true });
    await cpu.configure(exp, { record: true });
    const disagreements: Disagreement[] = [];
    let finals: { gpu: RunStatus; cpu: RunStatus }[] = [];
    for (let done = 0; done < exp.steps; done += call) {
      const [g, c] = [await gpu.step(call), await cpu.step(call)];
      finals = g.status.map((st, i) => ({ gpu: st, cpu: c.status[i] }));
      g.status.forEach((s, i) => {
        if (key(s) !== key(c.status[i]) && !disagreements.some((d) => d.run === i)) {
          disagreements.push({ objective: id, run: i, optimizer: exp.runs[i].optimizer, step: g.step, gpu: key(s), cpu: key(c.status[i]), gpuGradNorm: g.gradNorm[i], cpuGradNorm: c.gradNorm[i] });
        }
      });
    }
    const err = await gpu.device.popErrorScope();
    cpu.dispose();
    const transcendental = bindObjective(id as never).formula.transcendental;
    out.push({ objective: id, transcendental, optimizers: exp.runs.map((r) => r.optimizer), finals, disagreements, validation: err ? err.message : null });
  }
  gpu.dispose();
  return out;
}

/** Statuses where the reason matters: an infinite f with a NaN gradient, a runaway loss. */
async function special() {
  const gpu = await GpuEngine.create();
  if (!gpu) return null;
  const cases = [
    { name: '1/0', objective: { id: 'custom', formula: 'x^2 + 1/0' }, steps: 20, runs: [{ optimizer: 'gd' }, { optimizer: 'adam' }] },
    // Fast pass and replay both: no recording, calls of 7 steps, loss −1e9 passed near step 22.
    { name: 'saddle', objective: { id: 'saddle' }, start: [1, 0.01], bound: 1e12, steps: 60, runs: [{ optimizer: 'gd', hyper: { lr: 0.5 } }, { optimizer: 'sgd', hyper: { lr: 0.2, momentum: 0.9 } }] },
  ];
  const out = [];
  for (const { name, ...c } of cases) {
    const exp = resolveExperiment(c);
    const cpu = new CpuEngine();
    gpu.device.pushErrorScope('validation');
    await gpu.configure(exp, { record: false });
    await cpu.configure(exp, { record: false });
    let g = await gpu.step(0), k = await cpu.step(0);
    for (let done = 0; done < exp.steps; done += 7) [g, k] = [await gpu.step(7), await cpu.step(7)];
    const err = await gpu.device.popErrorScope();
    cpu.dispose();
    out.push({ name, gpu: [...g.status], cpu: [...k.status], validation: err ? err.message : null });
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
  interface Window { statusHarness: Record<string, (...args: never[]) => Promise<unknown>> }
}
window.statusHarness = { adapter, defaultRaces, special };
