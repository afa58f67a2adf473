import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { bindObjective } from '../core/objectives';
import { MAX_RUNS } from '../core/experiment';

describe('app store', () => {
  it('starts on the default race with the first run selected, playing', () => {
    const s = createAppStore().getState();
    expect(s.resolved.objective.id).toBe('rosenbrock');
    expect(s.selectedUid).toBe(s.draft.runs[0].uid);
    expect(s.playing).toBe(true);
  });

  it('accepts a valid hyperparameter and bumps the config version', () => {
    const store = createAppStore();
    const { uid } = store.getState().draft.runs[0];
    expect(store.getState().setHyper(uid, 'lr', 0.002)).toBe(true);
    expect(store.getState().resolved.runs[0].hyper.lr).toBe(0.002);
    expect(store.getState().configVersion).toBe(1);
    expect(store.getState().lastChange).toBe('hyper');
  });

  it('refuses an out-of-range value with the validator message, leaving the config untouched', () => {
    const store = createAppStore();
    const before = store.getState().resolved;
    const { uid } = store.getState().draft.runs[0];
    expect(store.getState().setHyper(uid, 'lr', 50)).toBe(false);
    expect(store.getState().resolved).toBe(before);
    expect(store.getState().configError?.path).toBe('runs[0].hyper.lr');
    expect(store.getState().configError?.message).toMatch(/above the maximum 10/);
  });

  it('refuses removing the last run (a race needs one) with a message', () => {
    const store = createAppStore();
    for (const r of store.getState().draft.runs.slice(1)) store.getState().removeRun(r.uid);
    expect(store.getState().draft.runs).toHaveLength(1);
    store.getState().removeRun(store.getState().draft.runs[0].uid);
    expect(store.getState().draft.runs).toHaveLength(1);
    expect(store.getState().configError?.path).toBe('runs');
  });

  it('keeps the previous surface when a custom formula does not compile, with the error position', () => {
    const store = createAppStore();
    expect(store.getState().setCustomFormula('x^2 + * y')).toBe(false);
    expect(store.getState().resolved.objective.id).toBe('rosenbrock');
    const err = store.getState().formulaError!;
    expect(err.position).toBeGreaterThanOrEqual(4);
    expect(err.position).toBeLessThanOrEqual(6);
    expect(store.getState().setCustomFormula('x^2 + 2*y^2')).toBe(true);
    expect(store.getState().resolved.objective).toMatchObject({ id: 'custom', formula: 'x^2 + 2*y^2' });
    expect(store.getState().formulaError).toBeNull();
  });

  it('cosmetic edits are marked cosmetic; removing the selected run selects another', () => {
    const store = createAppStore();
    const [a, b] = store.getState().draft.runs;
    store.getState().renameRun(b.uid, 'fast');
    expect(store.getState().lastChange).toBe('cosmetic');
    store.getState().removeRun(a.uid);
    expect(store.getState().selectedUid).toBe(b.uid);
  });

  it('playback actions: step pauses and queues, reset bumps the token, speed snaps', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().stepOnce();
    s().stepOnce();
    expect(s().playing).toBe(false);
    expect(s().takePendingSteps()).toBe(2);
    expect(s().takePendingSteps()).toBe(0);
    const token = s().resetToken;
    s().reset();
    expect(s().resetToken).toBe(token + 1);
    s().setSpeed(3);
    expect([2, 5]).toContain(s().speed);
    s().setSpeed(100);
    s().nudgeSpeed(1);
    expect(s().speed).toBe(100);
  });
});

describe('statuses from engine snapshots', () => {
  it("a vanished gradient at Rastrigin's local minimum reads 'stalled', at its global one 'converged'", () => {
    const store = createAppStore();
    store.getState().setObjective('rastrigin');
    const e = store.getState().resolved;
    store.getState().beginRace(['a', 'b'], bindObjective(e.objective.id, e.objective.params).minima, true);
    const status = [{ kind: 'converged', step: 30 }, { kind: 'converged', step: 40 }] as const;
    const snap = { step: 50, x: Float64Array.of(2.98, 0), y: Float64Array.of(-2.98, 0), loss: Float64Array.of(17.91, 1e-12), gradNorm: Float64Array.of(1e-5, 1e-5), status };
    store.getState().ingest(snap);
    expect(store.getState().statuses).toEqual([{ kind: 'stalled', step: 30 }, { kind: 'converged', step: 40 }]);
  });

  it('at the run cap, add and duplicate change nothing and raise no error banner', () => {
    const store = createAppStore();
    while (store.getState().draft.runs.length < MAX_RUNS) store.getState().addRun('adam');
    const version = store.getState().configVersion;
    store.getState().addRun('gd');
    store.getState().duplicateRun(store.getState().draft.runs[0].uid, 'copy');
    expect(store.getState().draft.runs).toHaveLength(MAX_RUNS);
    expect(store.getState().configVersion).toBe(version);
    expect(store.getState().configError).toBeNull();
  });
});
