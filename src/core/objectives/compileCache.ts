/**
 * One compile per distinct (formula text, parameter names): built-in surfaces are compiled the
 * first time they are used, and a user formula typed again (undo, share link) is not recompiled.
 */
import { compileFormula } from '../expr';
import type { CompiledFormula } from '../expr/types';

const cache = new Map<string, CompiledFormula>();
/** Bounded so that typing many custom formulas does not grow memory without end. */
const MAX_ENTRIES = 128;

/** Compiles `source` with the given parameter names (in that order), memoised. Throws FormulaError. */
export function compileCached(source: string, paramNames: readonly string[]): CompiledFormula {
  const key = `${paramNames.join(',')}\u0000${source}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = compileFormula(source, { params: paramNames });
    if (cache.size >= MAX_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, f);
  }
  return f;
}

/** Parameter names of an objective in `formula.params` order: user params, then derived. */
export function paramNamesOf(def: { readonly params: readonly { readonly name: string }[]; readonly derived: readonly string[] }): string[] {
  return [...def.params.map((p) => p.name), ...def.derived];
}

/** Values in `formula.params` order (user params, defaults for missing ones, then derived), float64. */
export function paramVector(
  def: {
    readonly params: readonly { readonly name: string; readonly default: number }[];
    readonly derived: readonly string[];
    derive(p: Readonly<Record<string, number>>, seed?: number): Record<string, number>;
  },
  p: Readonly<Record<string, number>>,
  seed?: number,
): Float64Array {
  const full: Record<string, number> = {};
  for (const s of def.params) full[s.name] = p[s.name] ?? s.default;
  const d = def.derive(full, seed);
  const v = new Float64Array(def.params.length + def.derived.length);
  def.params.forEach((s, i) => (v[i] = full[s.name]));
  def.derived.forEach((name, j) => (v[def.params.length + j] = d[name]));
  return v;
}
