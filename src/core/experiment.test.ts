import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExperimentError, experimentToJSON, MAX_RUNS, resolveExperiment, RUN_PALETTE } from './experiment';
import { OBJECTIVES } from './objectives';
import { OPTIMIZERS } from './optimizers';

const base = { objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'adam' }] };

describe('resolveExperiment defaults', () => {
  it('fills every default from the registries', () => {
    const e = resolveExperiment({ objective: { id: 'rosenbrock' }, runs: [{ optimizer: 'gd' }, { optimizer: 'sgd', hyper: { nesterov: true, momentum: 0.9 } }] });
    expect(e).toMatchObject({ version: 1, start: [-1.2, 1], steps: 500, seed: 1, gradTol: 1e-6, bound: 1e6 });
    expect(e.objective).toEqual({ id: 'rosenbrock', params: { a: 1, b: 100 } });
    expect(e.runs[0]).toEqual({
      optimizer: 'gd',
      hyper: { lr: 1e-3, weight_decay: 0 },
      label: 'Gradient descent',
      color: RUN_PALETTE[0],
      hidden: false,
      schedule: { kind: 'constant', step_size: 125, gamma: 0.5, t_max: 500, min_factor: 0, warmup: 0 },
      max_grad_norm: 0,
      batch: { size: 0, sampling: 'shuffle', seeds: 1 },
    });
    expect(e.runs[1].hyper.nesterov).toBe(1);
    expect(e.runs[1].color).toBe(RUN_PALETTE[1]);
    expect(Object.keys(e.runs[1].hyper)).toEqual(OPTIMIZERS.find((d) => d.id === 'sgd')!.hyper.map((h) => h.name));
  });

  it('palette: a distinct #rrggbb colour for every run up to MAX_RUNS, by run index', () => {
    expect(RUN_PALETTE).toHaveLength(MAX_RUNS);
    expect(new Set(RUN_PALETTE).size).toBe(MAX_RUNS);
    for (const c of RUN_PALETTE) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    const e = resolveExperiment({ ...base, runs: Array.from({ length: MAX_RUNS }, () => ({ optimizer: 'gd' })) });
    expect(new Set(e.runs.map((r) => r.color)).size).toBe(MAX_RUNS);
    expect(e.runs[MAX_RUNS - 1].color).toBe(RUN_PALETTE[MAX_RUNS - 1]);
  });

  it('custom: default formula filled, user formula kept, start from the objective', () => {
    expect(resolveExperiment({ objective: { id: 'custom' }, runs: [{ optimizer: 'gd' }] }).objective.formula).toBe('x^2 + 3*y^2');
    const e = resolveExperiment({ objective: { id: 'custom', formula: 'sin(x)*y' }, runs: [{ optimizer: 'gd' }] });
    expect(e.objective).toEqual({ id: 'custom', params: {}, formula: 'sin(x)*y' });
    expect(e.start).toEqual([-2, 2]);
  });

  it('exponential schedule defaults to gamma 0.99; explicit values are kept', () => {
    const e = resolveExperiment({ ...base, steps: 100, runs: [{ optimizer: 'gd', schedule: { kind: 'exponential' } }, { optimizer: 'gd', schedule: { kind: 'step', gamma: 0.1, step_size: 7 } }] });
    expect(e.runs[0].schedule).toMatchObject({ kind: 'exponential', gamma: 0.99, t_max: 100 });
    expect(e.runs[1].schedule).toMatchObject({ kind: 'step', gamma: 0.1, step_size: 7 });
  });
});

const runs1 = (run: object) => ({ objective: { id: 'quadratic' }, runs: [{ optimizer: 'gd' }, run] });

/** [description, input, expected path, message fragment]. */
const BAD: [string, unknown, string, RegExp][] = [
  ['not an object', 42, '(config)', /^\(config\) = 42 should be an object$/],
  ['missing objective', { runs: [{ optimizer: 'gd' }] }, 'objective', /objective is missing/],
  ['missing runs', { objective: { id: 'quadratic' } }, 'runs', /runs is missing/],
  ['unknown objective', { objective: { id: 'banana' }, runs: [{ optimizer: 'gd' }] }, 'objective.id', /"banana" is not a known objective/],
  ['unknown optimizer', runs1({ optimizer: 'adamz' }), 'runs[1].optimizer', /"adamz" is not a known optimizer/],
  ['missing optimizer', runs1({ hyper: { lr: 1 } }), 'runs[1].optimizer', /is missing/],
  ['unknown hyper', runs1({ optimizer: 'adam', hyper: { momentum: 0.9 } }), 'runs[1].hyper.momentum', /not a hyperparameter of adam \(known: lr, beta1/],
  ['hyper above max', runs1({ optimizer: 'gd', hyper: { lr: 50 } }), 'runs[1].hyper.lr', /^runs\[1\]\.hyper\.lr = 50 is above the maximum 10$/],
  ['hyper below min', runs1({ optimizer: 'adam', hyper: { beta2: -0.1 } }), 'runs[1].hyper.beta2', /= -0.1 is below the minimum 0/],
  ['hyper not finite', runs1({ optimizer: 'gd', hyper: { lr: Infinity } }), 'runs[1].hyper.lr', /= Infinity is not a finite number/],
  ['hyper NaN', runs1({ optimizer: 'gd', hyper: { lr: NaN } }), 'runs[1].hyper.lr', /= NaN is not a finite number/],
  ['hyper wrong type', runs1({ optimizer: 'gd', hyper: { lr: '0.1' } }), 'runs[1].hyper.lr', /should be a number or a boolean/],
  ['bool not 0/1', runs1({ optimizer: 'sgd', hyper: { nesterov: 0.5 } }), 'runs[1].hyper.nesterov', /should be 0 or 1/],
  ['boolean for a real', runs1({ optimizer: 'gd', hyper: { lr: true } }), 'runs[1].hyper.lr', /should be a number/],
  ['unknown param', { objective: { id: 'rosenbrock', params: { c: 1 } }, runs: [{ optimizer: 'gd' }] }, 'objective.params.c', /not a parameter of rosenbrock \(known: a, b\)/],
  ['param above max', { objective: { id: 'rosenbrock', params: { b: 5000 } }, runs: [{ optimizer: 'gd' }] }, 'objective.params.b', /= 5000 is above the maximum 1000/],
  ['params on custom', { objective: { id: 'custom', params: { a: 1 } }, runs: [{ optimizer: 'gd' }] }, 'objective.params.a', /it has none/],
  ['formula on a built-in', { objective: { id: 'booth', formula: 'x' }, runs: [{ optimizer: 'gd' }] }, 'objective.formula', /only allowed when objective.id is 'custom'/],
  ['steps zero', { ...base, steps: 0 }, 'steps', /steps = 0 is below the minimum 1/],
  ['steps too many', { ...base, steps: 100001 }, 'steps', /above the maximum 100000/],
  ['steps fractional', { ...base, steps: 10.5 }, 'steps', /steps = 10.5 is not an integer/],
  ['seed negative', { ...base, seed: -1 }, 'seed', /below the minimum 0/],
  ['start not a pair', { ...base, start: [1] }, 'start', /exactly 2 entries/],
  ['start beyond bound', { ...base, bound: 10, start: [0, 11] }, 'start[1]', /start\[1\] = 11 is above the maximum 10/],
  ['bound not finite', { ...base, bound: -Infinity }, 'bound', /not a finite number/],
  ['no runs', { ...base, runs: [] }, 'runs', /at least one run/],
  ['too many runs', { ...base, runs: Array.from({ length: MAX_RUNS + 1 }, () => ({ optimizer: 'gd' })) }, 'runs', /65 entries; at most 64/],
  ['bad colour', runs1({ optimizer: 'gd', color: 'red' }), 'runs[1].color', /"red" should look like '#rrggbb'/],
  ['unknown run field', runs1({ optimizer: 'gd', lr: 0.1 }), 'runs[1].lr', /not a known field/],
  ['unknown top-level field', { ...base, step: 10 }, 'step', /step is not a known field/],
  ['schedule kind', runs1({ optimizer: 'gd', schedule: { kind: 'linear' } }), 'runs[1].schedule.kind', /"linear" is not one of "constant", "step"/],
  ['schedule step_size', runs1({ optimizer: 'gd', schedule: { kind: 'step', step_size: 0 } }), 'runs[1].schedule.step_size', /below the minimum 1/],
  ['clip negative', runs1({ optimizer: 'gd', max_grad_norm: -1 }), 'runs[1].max_grad_norm', /= -1 is below the minimum 0/],
  ['version 2', { ...base, version: 2 }, 'version', /= 2 is not one of 1/],
];

describe('resolveExperiment errors', () => {
  it.each(BAD)('%s', (_name, input, path, message) => {
    let err: unknown;
    try {
      resolveExperiment(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExperimentError);
    expect((err as ExperimentError).path).toBe(path);
    expect((err as ExperimentError).message).toMatch(message);
  });

  it('custom formula errors carry the position', () => {
    let err: ExperimentError | undefined;
    try {
      resolveExperiment({ objective: { id: 'custom', formula: 'x^2 + * y' }, runs: [{ optimizer: 'gd' }] });
    } catch (e) {
      err = e as ExperimentError;
    }
    expect(err).toBeInstanceOf(ExperimentError);
    expect(err!.path).toBe('objective.formula');
    expect(err!.position).toBe(6);
    expect(err!.message).toMatch(/^objective\.formula = "x\^2 \+ \* y": /);
  });
});

/** A valid value of a parameter at fraction `f` of its range (whole numbers and switches kept so). */
function paramValue(p: { min: number; max: number; kind?: 'real' | 'int' | 'bool' }, f: number): number {
  const v = p.min + f * (p.max - p.min);
  return p.kind === 'bool' ? Math.round(f) : p.kind === 'int' ? Math.round(v) : v;
}

/** The most parameters any objective has (the dataset objectives' hidden `data` included). */
const MAX_PARAMS = Math.max(...OBJECTIVES.map((o) => o.params.length));

/** Valid configs: random objective/params, runs with random hypers inside their ranges. */
const configArb = fc
  .record({
    obj: fc.constantFrom(...OBJECTIVES),
    pFrac: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: MAX_PARAMS, maxLength: MAX_PARAMS }),
    steps: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: undefined }),
    seed: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: undefined }),
    start: fc.option(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), { nil: undefined }),
    runs: fc.array(
      fc.record({
        opt: fc.constantFrom(...OPTIMIZERS),
        hFrac: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        label: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        hidden: fc.option(fc.boolean(), { nil: undefined }),
        kind: fc.option(fc.constantFrom('constant', 'step', 'exponential', 'cosine' as const), { nil: undefined }),
        clip: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ obj, pFrac, steps, seed, start, runs }) => ({
    objective: {
      id: obj.id,
      params: Object.fromEntries(obj.params.map((p, i) => [p.name, paramValue(p, pFrac[i])])),
      ...(obj.id === 'custom' ? { formula: 'x^2 - x*y + sin(y)' } : {}),
    },
    ...(steps !== undefined ? { steps } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(start !== undefined ? { start } : {}),
    runs: runs.map((r) => ({
      optimizer: r.opt.id,
      hyper: Object.fromEntries(
        r.opt.hyper
          .filter((_, i) => r.keep[i])
          .map((h, i) => [h.name, h.kind === 'bool' ? r.hFrac[i] > 0.5 : h.kind === 'int' ? Math.round(h.min + r.hFrac[i] * (h.max - h.min)) : h.min + r.hFrac[i] * (h.max - h.min)]),
      ),
      ...(r.label !== undefined ? { label: r.label } : {}),
      ...(r.hidden !== undefined ? { hidden: r.hidden } : {}),
      ...(r.kind !== undefined ? { schedule: { kind: r.kind } } : {}),
      ...(r.clip !== undefined ? { max_grad_norm: r.clip } : {}),
    })),
  }));

describe('experimentToJSON', () => {
  it('round-trips: resolve(toJSON(resolve(x))) = resolve(x), also through JSON text', () => {
    fc.assert(
      fc.property(configArb, (input) => {
        const e = resolveExperiment(input);
        expect(resolveExperiment(experimentToJSON(e))).toEqual(e);
        expect(resolveExperiment(JSON.parse(JSON.stringify(experimentToJSON(e))))).toEqual(e);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('writes keys in a stable order, whatever the input order', () => {
    const a = resolveExperiment({ runs: [{ hyper: { beta1: 0.8, lr: 0.1 }, optimizer: 'adam' }], steps: 9, objective: { params: { b: 5, a: 2 }, id: 'rosenbrock' } });
    const text = JSON.stringify(experimentToJSON(a));
    expect(text.startsWith('{"version":1,"objective":{"id":"rosenbrock","params":{"a":2,"b":5}},"start":[-1.2,1],"steps":9,"seed":1,')).toBe(true);
    expect(text).toContain('"hyper":{"lr":0.1,"beta1":0.8,"beta2":0.999,');
  });
});
