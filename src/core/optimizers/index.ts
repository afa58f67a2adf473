/**
 * The optimizer registry: every optimizer's schema and reference update (see ./types.ts), plus
 * the small helpers engines need to lay out hyperparameters and state the same way the WGSL
 * twins (shaders/optimizers/<id>.wgsl) expect.
 */
import type { HyperValues, OptimizerDef, OptimizerId } from './types';
import { gd } from './gd';
import { sgd } from './sgd';
import { momentumEma } from './momentumEma';
import { adagrad } from './adagrad';
import { rmsprop } from './rmsprop';
import { adadelta } from './adadelta';
import { adam } from './adam';
import { adamw } from './adamw';
import { adamax } from './adamax';
import { nadam } from './nadam';
import { radam } from './radam';
import { lion } from './lion';
import { sag } from './sag';
import { svrg } from './svrg';

export type { BatchStepContext, HyperSpec, HyperValues, OptimizerDef, OptimizerId, StepContext } from './types';
export { clipGradNorm } from './clip';
export { F32_MIN_NORMAL, roundF32, roundF32Ftz } from './f32';
export { updateRuleLatex } from './latex';

/** All optimizers, in the order the UI lists them. */
export const OPTIMIZERS: readonly OptimizerDef[] = [
  gd, sgd, momentumEma, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam, lion, sag, svrg,
];

const BY_ID = new Map<string, OptimizerDef>(OPTIMIZERS.map((d) => [d.id, d]));

/** True when `s` names a registered optimizer. */
export function isOptimizerId(s: string): s is OptimizerId {
  return BY_ID.has(s);
}

/** The optimizer with this id; throws (naming the id) for an unknown one. */
export function getOptimizer(id: string): OptimizerDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown optimizer id '${id}' (known: ${[...BY_ID.keys()].join(', ')})`);
  return def;
}

/** Number of f64/f32 state values per run: 2 per slot (x, y), then the scalars. */
export function stateSize(def: OptimizerDef): number {
  return 2 * def.slots.length + def.scalars.length;
}

/** The default value of every hyperparameter of `def`. */
export function defaultHyper(def: OptimizerDef): Record<string, number> {
  return Object.fromEntries(def.hyper.map((s) => [s.name, s.default]));
}

/**
 * The `h` a StepContext wants: user values (missing ones take defaults), then the derived values
 * computed in float64 from the unrounded user values, everything passed through `r`.
 */
export function resolveHyper(def: OptimizerDef, values: HyperValues, r: (v: number) => number): Record<string, number> {
  const raw: Record<string, number> = {};
  for (const s of def.hyper) raw[s.name] = values[s.name] ?? s.default;
  const derived = def.derive(raw);
  const out: Record<string, number> = {};
  for (const s of def.hyper) out[s.name] = r(raw[s.name]);
  for (const name of def.derived) {
    const v = derived[name];
    if (v === undefined) throw new Error(`Optimizer '${def.id}' did not derive '${name}'`);
    out[name] = r(v);
  }
  return out;
}

/** The WGSL `hp` array: hyper in schema order, then derived (length ≤ 16). */
export function hyperArray(def: OptimizerDef, h: HyperValues): Float64Array {
  const names = [...def.hyper.map((s) => s.name), ...def.derived];
  return Float64Array.from(names, (n) => h[n]);
}

/** A fresh state vector (length stateSize) initialised by the optimizer. */
export function initState(def: OptimizerDef, h: HyperValues): Float64Array {
  const state = new Float64Array(stateSize(def));
  def.init(h, state);
  return state;
}
