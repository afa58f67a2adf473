import { describe, expect, it } from 'vitest';
import { resolveExperiment } from '../core/experiment';
import { scheduleFactors } from '../core/schedule';
import { createSimulation, simulate, type RunTrace } from '../core/simulate';
import { parseNumberInput } from '../ui/NumberField/validate';
import { toExperimentInput } from './draft';
import { editedRuns } from './runner';
import { createAppStore } from './store';
import { KIND_FIELDS, MAX_GRAD_NORM_SPEC, SCHEDULE_KINDS, scheduleFieldSpec, tuningActive, withSchedule, type ScheduleField } from './tuning';

/** The store with one gd run on Booth (a smooth bowl: every step is lr_t·g exactly). */
function gdStore(surface: 'booth' | 'rosenbrock' = 'booth') {
  const store = createAppStore();
  const s = store.getState();
  s.setObjective(surface);
  for (const r of store.getState().draft.runs.slice(1)) store.getState().removeRun(r.uid);
  const uid = store.getState().draft.runs[0].uid;
  expect(store.getState().draft.runs[0].optimizer).toBe('gd');
  store.getState().setSteps(40);
  return { store, uid };
}

/** The learning rate gd used at each step t = 1..n: ‖θ_t − θ_{t−1}‖ / ‖∇f(θ_{t−1})‖. */
function observedLr(tr: RunTrace, n: number): number[] {
  return Array.from({ length: n }, (_, k) => Math.hypot(tr.x[k + 1] - tr.x[k], tr.y[k + 1] - tr.y[k]) / tr.gradNorm[k]);
}

function stepLength(tr: RunTrace, k: number): number {
  return Math.hypot(tr.x[k + 1] - tr.x[k], tr.y[k + 1] - tr.y[k]);
}

describe('schedule & clipping spec', () => {
  it('shows only the fields of each kind, warm-up for all', () => {
    expect(SCHEDULE_KINDS).toEqual(['constant', 'step', 'exponential', 'cosine']);
    expect(KIND_FIELDS.constant).toEqual(['warmup']);
    expect(KIND_FIELDS.step).toEqual(['step_size', 'gamma', 'warmup']);
    expect(KIND_FIELDS.exponential).toEqual(['gamma', 'warmup']);
    expect(KIND_FIELDS.cosine).toEqual(['t_max', 'min_factor', 'warmup']);
  });

  it('refuses in the field exactly what the experiment config refuses', () => {
    const fields: ScheduleField[] = ['step_size', 'gamma', 't_max', 'min_factor', 'warmup'];
    const accepts = (schedule: Record<string, unknown>, max_grad_norm = 0) => {
      try {
        resolveExperiment({ objective: { id: 'booth' }, steps: 100, runs: [{ optimizer: 'gd', schedule, max_grad_norm }] });
        return true;
      } catch {
        return false;
      }
    };
    for (const f of fields) {
      const spec = scheduleFieldSpec(f, 100);
      const probes = [spec.min, spec.max, spec.min - 1e-3, spec.max + 1e-3, spec.min - 1, spec.max + 1, (spec.min + spec.max) / 2 + 0.25];
      for (const v of probes) expect(parseNumberInput(String(v), spec).ok, `${f} = ${v}`).toBe(accepts({ kind: 'step', [f]: v }));
    }
    for (const v of [0, 1e6, -1e-3, 1e6 + 1, 0.37]) expect(parseNumberInput(String(v), MAX_GRAD_NORM_SPEC).ok, `clip ${v}`).toBe(accepts({}, v));
  });

  it('slides step counts over the budget while accepting up to the config maximum', () => {
    const spec = scheduleFieldSpec('warmup', 3000);
    expect(spec.slider).toEqual({ min: 0, max: 3000, scale: 'linear' });
    expect(spec.max).toBe(100_000);
    expect(scheduleFieldSpec('step_size', 3000).slider?.scale).toBe('log');
  });

  it('switching kind takes the kind\'s usual γ and keeps the rest', () => {
    const { store, uid } = gdStore();
    let d = withSchedule(store.getState().draft, uid, { kind: 'exponential' });
    expect(d.runs[0].schedule).toMatchObject({ kind: 'exponential', gamma: 0.99, step_size: 10, t_max: 40 });
    d = withSchedule(d, uid, { kind: 'step', gamma: 0.3 });
    expect(d.runs[0].schedule?.gamma).toBe(0.3);
    expect(tuningActive(d.runs[0].schedule!, 0)).toBe(true);
    expect(tuningActive({ ...d.runs[0].schedule!, kind: 'constant', warmup: 0 }, 0)).toBe(false);
  });
});

describe('setSchedule / setMaxGradNorm', () => {
  it('a step schedule (γ 0.5 every 10) changes the simulated lr exactly as core/schedule says', () => {
    const { store, uid } = gdStore();
    const lr = store.getState().resolved.runs[0].hyper.lr;
    const before = simulate(store.getState().resolved)[0];
    expect(store.getState().setSchedule(uid, { kind: 'step', gamma: 0.5, step_size: 10 })).toBe(true);
    const exp = store.getState().resolved;
    expect(store.getState().lastChange).toBe('hyper');
    expect(exp.runs[0].schedule).toMatchObject({ kind: 'step', gamma: 0.5, step_size: 10 });
    const m = scheduleFactors(exp.runs[0].schedule, exp.steps);
    const seen = observedLr(simulate(exp)[0], 35);
    seen.forEach((v, k) => expect(v / (lr * m[k + 1]), `step ${k + 1}`).toBeCloseTo(1, 9));
    expect(seen[9] / seen[10]).toBeCloseTo(2, 9);
    expect(seen[29] / seen[30]).toBeCloseTo(2, 9);
    // Without the schedule the lr never changes.
    observedLr(before, 35).forEach((v) => expect(v / lr).toBeCloseTo(1, 9));
  });

  it('every step of the scheduled gd run is θ − lr·m[t]·g, bit for bit', () => {
    const { store, uid } = gdStore();
    store.getState().setSchedule(uid, { kind: 'step', gamma: 0.5, step_size: 10 });
    const exp = store.getState().resolved;
    const lr = exp.runs[0].hyper.lr;
    const m = scheduleFactors(exp.runs[0].schedule, exp.steps);
    const sim = createSimulation(exp);
    for (let t = 1; t <= 35; t++) {
      const [x, y, gx, gy] = [sim.x[0], sim.y[0], sim.grad[0], sim.grad[1]];
      sim.advance(1);
      expect([sim.x[0], sim.y[0]], `step ${t}`).toEqual([x - lr * m[t] * gx, y - lr * m[t] * gy]);
    }
    expect(m[10]).toBe(1);
    expect(m[11]).toBe(0.5);
    expect(m[31]).toBe(0.125);
  });

  it('a warm-up ramps the lr linearly on top of the kind', () => {
    const { store, uid } = gdStore();
    const lr = store.getState().resolved.runs[0].hyper.lr;
    expect(store.getState().setSchedule(uid, { kind: 'cosine', t_max: 30, warmup: 5 })).toBe(true);
    const seen = observedLr(simulate(store.getState().resolved)[0], 6);
    expect(seen[0] / lr).toBeCloseTo(0.2 * (1 + Math.cos(0)) / 2, 9);
    expect(seen[4] / lr).toBeCloseTo((1 + Math.cos((Math.PI * 4) / 30)) / 2, 9);
  });

  it('clipping bounds every step on a steep surface and changes the trajectory', () => {
    const { store, uid } = gdStore('rosenbrock');
    const lr = store.getState().resolved.runs[0].hyper.lr;
    const free = simulate(store.getState().resolved)[0];
    expect(free.gradNorm[0]).toBeGreaterThan(100);
    expect(store.getState().setMaxGradNorm(uid, 1)).toBe(true);
    const clipped = simulate(store.getState().resolved)[0];
    for (let k = 0; k < 40; k++) expect(stepLength(clipped, k)).toBeLessThanOrEqual(lr * 1 + 1e-15);
    expect(stepLength(free, 0)).toBeGreaterThan(100 * lr);
    expect(Math.hypot(clipped.x[40] - free.x[40], clipped.y[40] - free.y[40])).toBeGreaterThan(0.01);
  });

  it('goes through the hyperparameter path: only the edited run is retuned', () => {
    const store = createAppStore();
    const prev = store.getState().resolved;
    const uid = store.getState().draft.runs[2].uid;
    store.getState().setMaxGradNorm(uid, 5);
    expect(store.getState().lastChange).toBe('hyper');
    expect(editedRuns(prev, store.getState().resolved)).toEqual([2]);
    expect(toExperimentInput(store.getState().draft).runs[2].max_grad_norm).toBe(5);
  });

  it('refuses invalid values with the config\'s message, leaving the race untouched', () => {
    const { store, uid } = gdStore();
    const before = store.getState().resolved;
    expect(store.getState().setSchedule(uid, { kind: 'step', gamma: 1.5 })).toBe(false);
    expect(store.getState().configError?.path).toBe('runs[0].schedule.gamma');
    expect(store.getState().setSchedule(uid, { step_size: 2.5 })).toBe(false);
    expect(store.getState().configError?.path).toBe('runs[0].schedule.step_size');
    expect(store.getState().setMaxGradNorm(uid, -1)).toBe(false);
    expect(store.getState().configError?.path).toBe('runs[0].max_grad_norm');
    expect(store.getState().resolved).toBe(before);
    expect(store.getState().draft.runs[0].schedule).toBeUndefined();
  });
});
