/**
 * The objective registry: every built-in surface is data (a formula plus metadata, one file per
 * surface); `bindObjective` turns one into something an engine can evaluate.
 */
import { compileCached, paramNamesOf, paramVector } from './compileCache';
import type { BoundObjective, ObjectiveDef, ObjectiveId } from './types';
import { quadratic } from './quadratic';
import { rosenbrock } from './rosenbrock';
import { beale } from './beale';
import { himmelblau } from './himmelblau';
import { booth } from './booth';
import { rastrigin } from './rastrigin';
import { ackley } from './ackley';
import { goldsteinPrice } from './goldsteinPrice';
import { sixHumpCamel } from './sixHumpCamel';
import { styblinskiTang } from './styblinskiTang';
import { saddle } from './saddle';
import { twoWells } from './twoWells';
import { custom } from './custom';
import { linearRegression, logisticRegression } from './datasets';
import { datasetFor, importedSamples } from './datasetCache';
import { importedFrame } from './importedFrame';
import { logisticSurface } from './datasetSurface';

export type { BoundObjective, Box, KnownMinimum, ObjectiveDef, ObjectiveId, ObjectiveParamSpec } from './types';

/** All objectives, in the order the UI lists them ('custom' last). */
export const OBJECTIVES: readonly ObjectiveDef[] = [
  quadratic, rosenbrock, beale, himmelblau, booth, rastrigin, ackley, goldsteinPrice,
  sixHumpCamel, styblinskiTang, saddle, twoWells, linearRegression, logisticRegression, custom,
];

const BY_ID = new Map<string, ObjectiveDef>(OBJECTIVES.map((d) => [d.id, d]));

/** True when `s` names a registered objective. */
export function isObjectiveId(s: string): s is ObjectiveId {
  return BY_ID.has(s);
}

/** The objective with this id; throws (naming the id) for an unknown one. */
export function getObjective(id: string): ObjectiveDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown objective id '${id}' (known: ${[...BY_ID.keys()].join(', ')})`);
  return def;
}

/** Default value of every user parameter of `def`. */
export function defaultParams(def: ObjectiveDef): Record<string, number> {
  return Object.fromEntries(def.params.map((s) => [s.name, s.default]));
}

/**
 * Binds an objective to parameter values (missing ones take defaults; unknown names are
 * ignored here, the experiment validator rejects them). For 'custom', `customFormula` (in x, y
 * only) replaces the default formula. Compiles once per formula text (memoised); throws
 * FormulaError for a formula that does not compile. Values are float64; the f32 mode rounds
 * them itself. Dataset objectives draw their samples from `seed` (the experiment's), or use
 * the imported samples their `data` param names; then `def`'s view, domain and start are
 * derived from those samples (src/core/objectives/importedFrame.ts).
 */
export function bindObjective(
  id: ObjectiveId,
  params: Readonly<Record<string, number>> = {},
  customFormula?: string,
  seed = 1,
): BoundObjective {
  const base = getObjective(id);
  const def: ObjectiveDef = id === 'custom' && customFormula !== undefined ? { ...base, formula: customFormula } : base;
  const formula = compileCached(def.formula, paramNamesOf(def));
  const full = { ...defaultParams(def) };
  for (const s of def.params) if (params[s.name] !== undefined) full[s.name] = params[s.name];
  const bound = { def, formula, paramValues: paramVector(def, full, seed), minima: def.minima(full, seed) };
  if (!def.dataset) return bound;
  const dataset = datasetFor(id, full, seed);
  // Imported data put the optimum anywhere: the window and the start come from the data.
  const frame = importedSamples(id, full) ? importedFrame(dataset, bound.minima) : null;
  return frame ? { ...bound, def: { ...def, view: frame.view, domain: frame.view, start: frame.start }, dataset } : { ...bound, dataset };
}

/**
 * The surface view's value at (x, y): the formula's, except for logistic regression, whose
 * surface is the mean per-sample loss over its data (src/core/objectives/datasetSurface.ts).
 */
export function surfaceValue(bound: BoundObjective): (x: number, y: number) => number {
  if (bound.dataset && bound.def.id === 'logistic_regression') return logisticSurface(bound.dataset).value;
  const out = new Float64Array(3);
  return (x, y) => {
    bound.formula.evaluate(x, y, bound.paramValues, out);
    return out[0];
  };
}
