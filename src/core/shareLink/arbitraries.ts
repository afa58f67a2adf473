/**
 * fast-check arbitraries of valid link states, built from the registries' specs (every
 * objective and optimizer, values anywhere in their ranges) — shared by the round-trip and
 * fuzz tests.
 */
import fc from 'fast-check';
import { resolveExperiment, RUN_PALETTE, type ExperimentInput } from '../experiment';
import { OBJECTIVES } from '../objectives';
import { OPTIMIZERS } from '../optimizers';
import type { ObjectiveId } from '../objectives/types';
import type { OptimizerId } from '../optimizers/types';
import { HIDEABLE, type LinkState } from './types';

interface Range {
  readonly min: number;
  readonly max: number;
  readonly kind?: 'real' | 'int' | 'bool';
}

const number = (r: Range): fc.Arbitrary<number> =>
  r.kind === 'bool' ? fc.constantFrom(0, 1) : r.kind === 'int' ? fc.integer({ min: Math.ceil(r.min), max: Math.floor(r.max) }) : fc.double({ min: r.min, max: r.max, noNaN: true, noDefaultInfinity: true });

/** Text that a link must quote and escape: separators, quotes, '%', '#', '&', newlines, CJK, emoji. */
export const awkwardText = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', "'", '"', ',', ';', '(', ')', '=', '&', '#', '%', '+', '\n', 'é', '中', '文', 'π', '😀', '\\', '<', '>'),
  maxLength: 20,
});

const FORMULAS = ['x^2 + 4*y^2', '(1 - x)^2 + 100*(y - x^2)^2', 'sin(3*x)*cos(y) + 0.1*(x^2 + y^2)', 'abs(x) + max(y, -y) / 2', 'exp(-x^2 - y^2) * -1 + 0.05*(x^2+y^2)', 'tanh(x*y) + x^2 + y^2'];

const schedule = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      kind: fc.constantFrom('constant', 'step', 'exponential', 'cosine'),
      step_size: fc.integer({ min: 1, max: 5000 }),
      gamma: fc.double({ min: 0, max: 1, noNaN: true }),
      t_max: fc.integer({ min: 1, max: 5000 }),
      min_factor: fc.double({ min: 0, max: 1, noNaN: true }),
      warmup: fc.integer({ min: 0, max: 500 }),
    },
    { requiredKeys: [] },
  ),
);

export function runArb(id?: OptimizerId): fc.Arbitrary<ExperimentInput['runs'][number]> {
  const ids = id ? [id] : OPTIMIZERS.map((o) => o.id);
  return fc.constantFrom(...ids).chain((optimizer) => {
    const def = OPTIMIZERS.find((o) => o.id === optimizer)!;
    const hyper = fc.record(Object.fromEntries(def.hyper.map((h) => [h.name, number(h)])), { requiredKeys: [] });
    return fc.record(
      {
        optimizer: fc.constant(optimizer),
        hyper,
        label: awkwardText,
        color: fc.oneof(fc.constantFrom(...RUN_PALETTE.slice(0, 4)), fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`)),
        hidden: fc.boolean(),
        schedule,
        max_grad_norm: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
      },
      { requiredKeys: ['optimizer'] },
    ) as fc.Arbitrary<ExperimentInput['runs'][number]>;
  });
}

export function experimentArb(opts: { objective?: ObjectiveId; optimizer?: OptimizerId } = {}): fc.Arbitrary<ExperimentInput> {
  const ids = opts.objective ? [opts.objective] : OBJECTIVES.map((o) => o.id);
  return fc.constantFrom(...ids).chain((id) => {
    const def = OBJECTIVES.find((o) => o.id === id)!;
    const params = fc.record(Object.fromEntries(def.params.map((p) => [p.name, number(p)])), { requiredKeys: [] });
    const objective = id === 'custom' ? fc.record({ id: fc.constant(id), formula: fc.constantFrom(...FORMULAS) }) : fc.record({ id: fc.constant(id), params });
    const runs = opts.optimizer
      ? fc.tuple(runArb(opts.optimizer), fc.array(runArb(), { maxLength: 3 })).map(([a, rest]) => [a, ...rest])
      : fc.array(runArb(), { minLength: 1, maxLength: 5 });
    return fc.record(
      {
        objective,
        start: fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })),
        steps: fc.integer({ min: 1, max: 100_000 }),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
        gradTol: fc.double({ min: 0, max: 1, noNaN: true }),
        bound: fc.double({ min: 100, max: 1e300, noNaN: true }),
        runs,
      },
      { requiredKeys: ['objective', 'runs'] },
    ) as fc.Arbitrary<ExperimentInput>;
  });
}

export function linkStateArb(opts: { objective?: ObjectiveId; optimizer?: OptimizerId } = {}): fc.Arbitrary<LinkState> {
  const view = fc.oneof(
    fc.constant(null),
    fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })).map(([x, w, y, h]) => ({ x: [x + 0, x + w + 0] as const, y: [y + 0, y + h + 0] as const })),
  );
  return fc.record({
    experiment: experimentArb(opts).map((input) => resolveExperiment(input)),
    view,
    lang: fc.constantFrom('en', 'zh-CN', null),
    mode: fc.record({
      present: fc.boolean(),
      embed: fc.boolean(),
      hide: fc.uniqueArray(fc.constantFrom(...HIDEABLE)),
      lesson: fc.constant(null),
    }),
  }) as fc.Arbitrary<LinkState>;
}
