import { describe, expect, it } from 'vitest';
import { MAX_RUNS, resolveExperiment, RUN_PALETTE } from '../core/experiment';
import { addRun, atRunCap, duplicateRun, fromResolved, nextColor, patchRun, physicsKey, removeRun, setHyper, setObjective, toExperimentInput } from './draft';
import { defaultExperiment } from './defaults';

describe('draft reducers', () => {
  it('the default experiment is Rosenbrock with four optimizers and validates', () => {
    const d = defaultExperiment();
    expect(d.objective.id).toBe('rosenbrock');
    expect(d.runs.map((r) => r.optimizer)).toEqual(['gd', 'momentum_ema', 'rmsprop', 'adam']);
    const e = resolveExperiment(toExperimentInput(d));
    expect(e.runs).toHaveLength(4);
    expect(new Set(d.runs.map((r) => r.color)).size).toBe(4);
  });

  it('adds a run with schema defaults, a fresh uid and an unused colour', () => {
    const d0 = defaultExperiment();
    const d1 = addRun(d0, 'lion');
    expect(d1.runs).toHaveLength(5);
    const run = d1.runs[4];
    expect(run.uid).not.toBe(d0.runs[3].uid);
    expect(run.hyper.lr).toBe(resolveExperiment({ objective: { id: 'booth' }, runs: [{ optimizer: 'lion' }] }).runs[0].hyper.lr);
    expect(d0.runs.map((r) => r.color)).not.toContain(run.color);
    expect(d0.runs).toHaveLength(4); // input untouched
  });

  it('duplicates right after the original with the same hyperparameters and a new colour', () => {
    const d0 = defaultExperiment();
    const src = d0.runs[1];
    const d1 = duplicateRun(d0, src.uid, 'Momentum (copy)');
    expect(d1.runs).toHaveLength(5);
    expect(d1.runs[2]).toMatchObject({ optimizer: src.optimizer, hyper: src.hyper, label: 'Momentum (copy)' });
    expect(d1.runs[2].uid).not.toBe(src.uid);
    expect(d1.runs[2].color).not.toBe(src.color);
  });

  it('removes, patches and sets hyperparameters by uid only', () => {
    const d0 = defaultExperiment();
    const [a, b] = d0.runs;
    expect(removeRun(d0, a.uid).runs.map((r) => r.uid)).not.toContain(a.uid);
    const d1 = setHyper(d0, b.uid, 'lr', 0.123);
    expect(d1.runs[1].hyper.lr).toBe(0.123);
    expect(d1.runs[0].hyper).toBe(d0.runs[0].hyper);
    expect(patchRun(d0, a.uid, { hidden: true }).runs[0].hidden).toBe(true);
  });

  it('switching surface takes its default params and start', () => {
    const d = setObjective(defaultExperiment(), 'quadratic');
    expect(d.objective).toEqual({ id: 'quadratic', params: { kappa: 10, theta: 0 } });
    expect(d.start).toEqual([-2.5, 1.5]);
    const c = setObjective(d, 'custom', 'x^2 + y^2');
    expect(c.objective).toEqual({ id: 'custom', params: {}, formula: 'x^2 + y^2' });
  });

  it('nextColor cycles through the palette when every colour is used', () => {
    let d = defaultExperiment();
    for (let i = 0; i < RUN_PALETTE.length; i++) d = addRun(d, 'gd');
    expect(RUN_PALETTE).toContain(nextColor(d.runs));
  });

  it('physicsKey ignores label, colour and visibility but not hyperparameters or start', () => {
    const d = defaultExperiment();
    const key = (x: typeof d) => physicsKey(resolveExperiment(toExperimentInput(x)));
    const uid = d.runs[0].uid;
    expect(key(patchRun(d, uid, { label: 'x', color: '#123456', hidden: true }))).toBe(key(d));
    expect(key(setHyper(d, uid, 'lr', 0.002))).not.toBe(key(d));
    expect(key({ ...d, start: [0, 0] })).not.toBe(key(d));
  });
});

describe('the run cap', () => {
  it('addRun and duplicateRun refuse quietly at MAX_RUNS (no developer message reaches the user)', () => {
    let d = defaultExperiment();
    while (!atRunCap(d)) d = addRun(d, 'adam');
    expect(d.runs).toHaveLength(MAX_RUNS);
    expect(addRun(d, 'gd')).toBe(d);
    expect(duplicateRun(d, d.runs[0].uid, 'copy')).toBe(d);
    expect(() => resolveExperiment(toExperimentInput(d))).not.toThrow();
    expect(new Set(d.runs.map((r) => r.color)).size).toBe(MAX_RUNS);
  });

  it('the ordinal is UI-only: it never reaches the experiment config', () => {
    const d = addRun(defaultExperiment(), 'adam');
    expect(d.runs[4].ordinal).toBe(2);
    expect(toExperimentInput(d).runs[4]).not.toHaveProperty('ordinal');
  });
});

describe('fromResolved', () => {
  it('gives fresh uids and per-optimizer ordinals, and resolves back to the same experiment', () => {
    const e = resolveExperiment({
      objective: { id: 'beale' },
      seed: 7,
      runs: [{ optimizer: 'adam', hyper: { lr: 0.05 } }, { optimizer: 'sgd' }, { optimizer: 'adam', label: 'slow', schedule: { kind: 'cosine', t_max: 100 } }],
    });
    const d = fromResolved(e);
    expect(d.runs.map((r) => [r.uid, r.ordinal])).toEqual([['r1', 1], ['r2', 1], ['r3', 2]]);
    expect(d.nextUid).toBe(4);
    expect(resolveExperiment(toExperimentInput(d))).toEqual(e);
  });
});
