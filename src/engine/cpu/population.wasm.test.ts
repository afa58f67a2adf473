import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveExperiment, type ResolvedExperiment } from '../../core/experiment';
import { getOptimizer } from '../../core/optimizers';
import { CHUNK, Population, type PopulationOptions } from './population';
import { WasmKernel } from './wasm/stepper';

/**
 * The wasm kernels against the JS path (population.test.ts holds the JS path equal to the core
 * simulator): two populations of one experiment, wasm on and off, must agree bit for bit in
 * every value of every run after every call, including what recorded runs see per step.
 */

const WASM_OPTIMIZERS = ['gd', 'sgd', 'momentum_ema', 'adam', 'adamw', 'rmsprop', 'adamax'];

/** Polynomial surfaces and formulas with every op a kernel has (÷ √ abs min max selge). */
const OBJECTIVES: { id: string; formula?: string }[] = [
  { id: 'rosenbrock' }, { id: 'himmelblau' }, { id: 'saddle' }, { id: 'quadratic' }, { id: 'beale' }, { id: 'booth' },
  { id: 'custom', formula: 'max(x*x, y) - min(x, y*y) + abs(x)*sqrt(abs(y) + 1) - x/(y*y + 1)' },
  { id: 'custom', formula: 'sqrt(x*x + y*y + 1e-30) + 0.1*abs(x - y)' },
  { id: 'custom', formula: 'x*x*x*x/(1 + y*y) + min(x, 0.5)*y - max(-x, y)/3' },
];

/** A hyperparameter value: the default, an edge (0, the bounds) or a random value in range. */
function hyperValue(name: string, kind: string, def: number, min: number, max: number, log: boolean): fc.Arbitrary<number> {
  if (kind === 'bool') return fc.constantFrom(0, 1);
  const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((v) => Math.min(hi, Math.max(lo, Math.exp(v))));
  if (name === 'lr') return logUniform(1e-4, 3);
  const random = log ? logUniform(min, max) : fc.double({ min, max, noNaN: true });
  return fc.oneof(fc.constant(def), fc.constantFrom(min, max), random, random);
}

function hyperFor(id: string): fc.Arbitrary<Record<string, number>> {
  const specs = getOptimizer(id).hyper;
  return fc.record(Object.fromEntries(specs.map((s) => [s.name, hyperValue(s.name, s.kind, s.default, s.min, s.max, s.scale === 'log')])));
}

const scheduleArb = fc.oneof(
  fc.constant({ kind: 'constant' }),
  fc.record({ kind: fc.constant('step'), step_size: fc.integer({ min: 1, max: 9 }), gamma: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('cosine'), t_max: fc.integer({ min: 1, max: 40 }), warmup: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('exponential'), gamma: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
);

/** A template and the hyperparameters a later retune / restart switches to (flags may flip). */
const templateArb = (ids: string[]) =>
  fc.constantFrom(...ids).chain((optimizer) =>
    fc.record({
      optimizer: fc.constant(optimizer),
      hyper: hyperFor(optimizer),
      retuned: hyperFor(optimizer),
      schedule: scheduleArb,
      max_grad_norm: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })),
    }),
  );

/** Starts that converge, diverge (bound, Inf, NaN via overflow) or make subnormal values. */
const coordArb = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 1e-20, -3e-21, 1e-30, 2e-38) },
  { weight: 1, arbitrary: fc.constantFrom(40, -900, 1e5, 3e12, 1e19, 1e30) },
);

/**
 * What a caller does between comparisons. `look`: compare (reading every run's state) after the
 * action; state read back from the wasm blocks only on demand must also be right when nobody
 * looked in between. Recorded counts repeat often, as in the engine (a new count regathers).
 */
type Action = { look: boolean } & (
  | { kind: 'advance'; n: number; record: number }
  | { kind: 'restart'; run: number; retuned: boolean }
  | { kind: 'retune'; retuned: boolean }
  | { kind: 'reset' }
);

const look = fc.boolean();
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('advance' as const), n: fc.integer({ min: 0, max: 25 }), record: fc.constantFrom(0, 0, 0, 2, 5), look }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), run: fc.nat(), retuned: fc.boolean(), look }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retune' as const), retuned: fc.boolean(), look }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reset' as const), look }) },
);

const caseArb = (ids: string[]) =>
  fc.record({
    objective: fc.constantFrom(...OBJECTIVES),
    templates: fc.array(templateArb(ids), { minLength: 1, maxLength: 3 }),
    count: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 45 }) }, { weight: 1, arbitrary: fc.integer({ min: CHUNK - 3, max: CHUNK + 9 }) }),
    begin: fc.integer({ min: 0, max: 5 }),
    steps: fc.integer({ min: 1, max: 60 }),
    bound: fc.oneof(fc.constant(1e6), fc.double({ min: 0.5, max: 50, noNaN: true })),
    gradTol: fc.oneof(fc.constant(0), fc.constant(1e-6), fc.double({ min: 1e-4, max: 2, noNaN: true })),
    starts: fc.array(coordArb, { minLength: 2, maxLength: 16 }),
    actions: fc.array(actionArb, { minLength: 1, maxLength: 10 }),
  });

type Case = ReturnType<typeof caseArb> extends fc.Arbitrary<infer C> ? C : never;

function experiments(c: Case): [ResolvedExperiment, ResolvedExperiment] {
  const make = (retuned: boolean) =>
    resolveExperiment({
      objective: c.objective,
      steps: c.steps,
      bound: c.bound,
      gradTol: c.gradTol,
      start: [0.5, 0.5],
      runs: c.templates.map((t) => ({ optimizer: t.optimizer, hyper: retuned ? t.retuned : t.hyper, schedule: t.schedule, max_grad_norm: t.max_grad_norm })),
    });
  return [make(false), make(true)];
}

/** Every value of every run, bit for bit (toEqual tells −0 from 0 and NaN equals NaN). */
function snapshot(p: Population): unknown[] {
  return Array.from({ length: p.count }, (_, i) => [
    p.x[i], p.y[i], p.loss[i], p.gradNorm[i], p.grad[2 * i], p.grad[2 * i + 1], p.code[i], p.codeStep[i], p.origin(i), ...p.state(i),
  ]);
}

/** Runs the case on wasm and JS populations side by side, comparing after every action. */
function check(c: Case, options: PopulationOptions = {}): Population {
  const [base, tuned] = experiments(c);
  const starts = Float64Array.from({ length: 2 * c.count }, (_, j) => c.starts[(j * 7 + (j >> 1)) % c.starts.length]);
  const wasm = new Population(base, 'f32', c.begin, c.begin + c.count, starts, options);
  const js = new Population(base, 'f32', c.begin, c.begin + c.count, starts, { wasm: false });
  expect(snapshot(wasm)).toEqual(snapshot(js));
  for (const a of c.actions) {
    if (a.kind === 'advance') {
      const seen: unknown[][] = [[], []];
      [wasm, js].forEach((p, w) => p.advance(a.n, a.record, (i, k) => seen[w].push([i, k, p.x[i], p.y[i], p.loss[i], p.gradNorm[i], p.code[i]])));
      expect(seen[0]).toEqual(seen[1]);
    } else if (a.kind === 'restart') {
      for (const p of [wasm, js]) p.restartRun(a.run % c.count, a.retuned ? tuned : base);
    } else if (a.kind === 'retune') {
      for (const p of [wasm, js]) p.retune(a.retuned ? tuned : base);
    } else {
      for (const p of [wasm, js]) p.reset();
    }
    if (a.look) expect(snapshot(wasm)).toEqual(snapshot(js));
  }
  expect(snapshot(wasm)).toEqual(snapshot(js));
  return wasm;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('wasm SIMD kernels equal the JS float32 path bit for bit', () => {
  it('every optimizer with a kernel, random hyperparameters, flags, schedules, clipping, starts, restarts and retunes', () => {
    const runs = vi.spyOn(WasmKernel.prototype, 'run');
    fc.assert(
      fc.property(caseArb(WASM_OPTIMIZERS), (c) => {
        const p = check(c);
        expect(p.kernel).toBe('wasm-simd');
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: the kernels did step (not every chunk fell back to JS).
    expect(runs.mock.calls.length).toBeGreaterThan(100);
   }, 60_000);

  it('mixed populations: templates without a kernel (lion, adagrad, nadam) step on the JS path beside wasm ones', () => {
    fc.assert(
      fc.property(caseArb([...WASM_OPTIMIZERS, 'lion', 'adagrad', 'nadam']), (c) => {
        check(c);
      }),
      { numRuns: 40 },
    );
   }, 60_000);

  for (const groups of [1, 3, 4]) {
    it(`${groups} v128 group(s) per iteration give the same bits`, () => {
      fc.assert(fc.property(caseArb(WASM_OPTIMIZERS), (c) => void check(c, { wasmGroups: groups })), { numRuns: 25 });
       }, 60_000);
  }

  it('retunes that change a kernel (flags on and off, clip on and off) carry every state slot across', () => {
    const runs = (on: boolean) => [
      { optimizer: 'adam', hyper: { lr: 0.02, amsgrad: +on } },
      { optimizer: 'adamw', hyper: { lr: 0.02, amsgrad: +!on, weight_decay: on ? 0.1 : 0 } },
      { optimizer: 'sgd', hyper: { lr: 0.001, momentum: on ? 0.9 : 0, nesterov: +on } },
      { optimizer: 'rmsprop', hyper: { lr: 0.01, centered: +on, momentum: on ? 0 : 0.5 }, max_grad_norm: on ? 0.5 : 0 },
    ];
    const exp = (on: boolean) => resolveExperiment({ objective: { id: 'rosenbrock' }, steps: 90, start: [-1, 1.5], runs: runs(on) });
    const starts = Float64Array.from({ length: 2 * 37 }, (_, j) => Math.sin(j * 1.7) * 1.5);
    const wasm = new Population(exp(false), 'f32', 0, 37, starts);
    const js = new Population(exp(false), 'f32', 0, 37, starts, { wasm: false });
    for (const on of [true, false, true, false]) {
      for (const p of [wasm, js]) {
        p.advance(11, 3);
        p.retune(exp(on));
      }
    }
    for (const p of [wasm, js]) p.advance(20, 3);
    expect(snapshot(wasm)).toEqual(snapshot(js));
  });

  it('runs that diverge mid-call (NaN, Inf, bound, loss floor) freeze at that step; converged runs keep stepping', () => {
    // Each surface makes one kind of divergence happen after a few steps, in lanes beside runs
    // that keep running or converge; lane groups of 4 mix them.
    const cases: [object, object[], number][] = [
      [{ id: 'saddle' }, [{ optimizer: 'adam', hyper: { lr: 0.5 } }, { optimizer: 'sgd', hyper: { lr: 0.05 } }], 20],
      [{ id: 'custom', formula: 'x*x + y*y*y*y*y*y*y*y' }, [{ optimizer: 'gd', hyper: { lr: 0.05 } }, { optimizer: 'momentum_ema', hyper: { lr: 0.02 } }], 1e6],
      [{ id: 'custom', formula: 'sqrt(x) + y*y' }, [{ optimizer: 'gd', hyper: { lr: 0.5 } }, { optimizer: 'adamw', hyper: { lr: 0.1 } }], 1e6],
      [{ id: 'rosenbrock' }, [{ optimizer: 'adam', hyper: { lr: 0.01, amsgrad: 1 } }, { optimizer: 'sgd', hyper: { lr: 1e-4, nesterov: 1 } }], 1e6],
      // The loss falls below LOSS_FLOOR long before |y| reaches this bound.
      [{ id: 'saddle' }, [{ optimizer: 'sgd', hyper: { lr: 0.2, momentum: 0.9 } }, { optimizer: 'gd', hyper: { lr: 0.01 } }], 1e12],
      // f = +Inf with a NaN gradient (the quotient rule's 0/0): the reason is the value's, 'inf'.
      [{ id: 'custom', formula: 'x*x + 1/0' }, [{ optimizer: 'gd', hyper: { lr: 0.05 } }], 1e6],
    ];
    const coords = [0.3, 1e-3, 0.2, 1e-5, 1, 1, 2, -0.5, 0.999, 1.001, 0.6, 0.1, 1.5, 0.7];
    const kinds = new Set<string>();
    let midCall = 0;
    for (const [objective, runs, bound] of cases) {
      const exp = resolveExperiment({ objective, steps: 80, bound, gradTol: 0.05, start: [0.5, 0.5], runs });
      const count = 2 * 4 * 7 + 3;
      const starts = Float64Array.from({ length: 2 * count }, (_, j) => coords[j % coords.length] * (1 + (j % 5) / 9));
      const wasm = new Population(exp, 'f32', 0, count, starts);
      const js = new Population(exp, 'f32', 0, count, starts, { wasm: false });
      for (const n of [3, 17, 60]) {
        wasm.advance(n);
        js.advance(n);
        expect(snapshot(wasm)).toEqual(snapshot(js));
      }
      for (let i = 0; i < count; i++) {
        const s = wasm.status(i);
        kinds.add(s.kind === 'diverged' ? s.reason : s.kind);
        if (s.kind === 'diverged' && s.step > 1) midCall++;
      }
    }
    expect(kinds).toEqual(new Set(['running', 'converged', 'nan', 'inf', 'bound', 'loss']));
    expect(midCall).toBeGreaterThan(10);
  });

  it('a block whose runs have mostly diverged is gathered again without them (frozen lanes cost compute)', () => {
    const exp = resolveExperiment({ objective: { id: 'saddle' }, steps: 60, bound: 5, runs: [{ optimizer: 'sgd', hyper: { lr: 0.3 } }] });
    // Three quarters start off the saddle's stable axis (they leave the bound), a quarter on it.
    const starts = Float64Array.from({ length: 2 * 64 }, (_, j) => (j % 2 === 0 ? 0.5 : (j >> 1) % 4 === 0 ? 0 : 0.5));
    const gathers = vi.spyOn(WasmKernel.prototype, 'gather');
    const wasm = new Population(exp, 'f32', 0, 64, starts);
    const js = new Population(exp, 'f32', 0, 64, starts, { wasm: false });
    wasm.advance(30);
    js.advance(30);
    expect(gathers.mock.calls.map((c) => c[1])).toEqual([64]);
    wasm.advance(5);
    js.advance(5);
    expect(gathers.mock.calls.map((c) => c[1])).toEqual([64, 16]);
    expect(snapshot(wasm)).toEqual(snapshot(js));
  });

  it('subnormal values are flushed where the JS path flushes them (Adam state decaying at an exact minimum)', () => {
    const exp = resolveExperiment({ objective: { id: 'quadratic' }, steps: 3000, gradTol: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }, { optimizer: 'rmsprop', hyper: { lr: 0.01, centered: 1, momentum: 0.5 } }] });
    const starts = Float64Array.from({ length: 10 }, (_, j) => [0.5, 1e-19, 2e-38, 0, -1e-30][j % 5]);
    const wasm = new Population(exp, 'f32', 0, 5, starts);
    const js = new Population(exp, 'f32', 0, 5, starts, { wasm: false });
    wasm.advance(3000);
    js.advance(3000);
    expect(snapshot(wasm)).toEqual(snapshot(js));
    expect(Array.from(wasm.state(0)).some((v) => v === 0)).toBe(true);
  });
});

describe('which path runs', () => {
  const exp = (objective: object, optimizers: string[]) => resolveExperiment({ objective, steps: 20, runs: optimizers.map((optimizer) => ({ optimizer })) });

  it('reports wasm-simd, mixed or js with the reasons, and every path still matches the JS path', () => {
    const cases: [ResolvedExperiment, 'f32' | 'f64', PopulationOptions, string, RegExp | null][] = [
      [exp({ id: 'rosenbrock' }, ['adam', 'sgd']), 'f32', {}, 'wasm-simd', null],
      [exp({ id: 'rosenbrock' }, ['adam', 'lion']), 'f32', {}, 'mixed', /lion has no wasm kernel/],
      [exp({ id: 'rastrigin' }, ['adam']), 'f32', {}, 'js', /formula uses (sin|cos)/],
      [exp({ id: 'custom', formula: 'exp(x) + y*y' }, ['adam']), 'f32', {}, 'js', /formula uses exp/],
      [exp({ id: 'rosenbrock' }, ['adam']), 'f64', {}, 'js', /f64/],
      [exp({ id: 'rosenbrock' }, ['adam']), 'f32', { wasm: false }, 'js', /wasm off/],
    ];
    for (const [e, precision, options, kernel, note] of cases) {
      const starts = Float64Array.from({ length: 38 }, (_, j) => Math.sin(j) * 2);
      const p = new Population(e, precision, 0, 19, starts, options);
      const q = new Population(e, precision, 0, 19, starts, { wasm: false });
      p.advance(20);
      q.advance(20);
      expect(p.kernel).toBe(kernel);
      if (note) expect(p.kernelNotes().join('; ')).toMatch(note);
      else expect(p.kernelNotes()).toEqual([]);
      expect(snapshot(p)).toEqual(snapshot(q));
    }
  });

  it('names the step code recorded runs really take: a race whose runs are all drawn steps on JS', () => {
    const e = exp({ id: 'rosenbrock' }, ['adam', 'sgd']);
    const starts = Float64Array.from({ length: 38 }, (_, j) => Math.sin(j) * 2);
    const p = new Population(e, 'f32', 0, 19, starts);
    expect(p.stepCode(0)).toEqual({ kind: 'wasm-simd', notes: [] });
    expect(p.stepCode(19)).toEqual({ kind: 'js', notes: ['recorded runs (drawn every step) step on the JS path'] });
    expect(p.stepCode(64)).toEqual(p.stepCode(19));
    expect(p.stepCode(2)).toEqual({ kind: 'mixed', notes: ['2 recorded runs (drawn every step) step on the JS path'] });
    // And the JS path is what they take: recording them gives the wasm-off path's values bit for bit.
    const q = new Population(e, 'f32', 0, 19, starts, { wasm: false });
    p.advance(20, 19, () => {});
    q.advance(20, 19, () => {});
    expect(snapshot(p)).toEqual(snapshot(q));
    // Without kernels (f64) recording changes nothing in the report.
    const f64 = new Population(e, 'f64', 0, 19, starts);
    expect(f64.stepCode(19)).toEqual({ kind: 'js', notes: f64.kernelNotes() });
  });

  it('falls back to the JS path (and plain arrays) when the wasm memory cannot be had', () => {
    const Real = WebAssembly.Memory;
    const Failing = function () {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    } as unknown as typeof WebAssembly.Memory;
    vi.stubGlobal('WebAssembly', Object.create(WebAssembly, { Memory: { value: Failing } }));
    const e = exp({ id: 'rosenbrock' }, ['adam', 'sgd']);
    const starts = Float64Array.from({ length: 26 }, (_, j) => Math.cos(j));
    const p = new Population(e, 'f32', 0, 13, starts);
    vi.stubGlobal('WebAssembly', Object.create(WebAssembly, { Memory: { value: Real } }));
    const q = new Population(e, 'f32', 0, 13, starts, { wasm: false });
    p.advance(20);
    q.advance(20);
    expect(p.kernel).toBe('js');
    expect(p.kernelNotes().join()).toMatch(/no wasm memory for 13 runs: .*could not allocate/);
    expect(snapshot(p)).toEqual(snapshot(q));
  });

  it('falls back to one group when the larger module does not compile (Chrome main thread: 4 KB), else to JS', () => {
    const Real = WebAssembly.Module;
    let limit = 4096;
    const Limited = function (bytes: BufferSource) {
      if ((bytes as Uint8Array).byteLength > limit) throw new RangeError('WebAssembly.Module is disallowed on the main thread, if the buffer size is larger than 4KB');
      return new Real(bytes);
    } as unknown as typeof WebAssembly.Module;
    vi.stubGlobal('WebAssembly', Object.create(WebAssembly, { Module: { value: Limited } }));
    // A formula of its own so no cached module hides the compile.
    const e = exp({ id: 'custom', formula: '(1.25 - x)^2 + 7*(y - x^2)^2' }, ['adam']);
    const starts = Float64Array.from({ length: 26 }, (_, j) => Math.cos(j));
    const small = new Population(e, 'f32', 0, 13, starts);
    const js = new Population(e, 'f32', 0, 13, starts, { wasm: false });
    small.advance(20);
    js.advance(20);
    expect(small.kernel).toBe('wasm-simd');
    expect(snapshot(small)).toEqual(snapshot(js));
    limit = 0;
    const none = new Population(exp({ id: 'custom', formula: '(1.5 - x)^2 + 3*(y - x^2)^2 + x*y' }, ['adam']), 'f32', 0, 3);
    none.advance(5);
    expect(none.kernel).toBe('js');
    expect(none.kernelNotes().join()).toMatch(/disallowed on the main thread/);
  });
});
