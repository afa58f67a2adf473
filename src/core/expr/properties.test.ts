import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from './index';

/** A random formula tree, printed to text for the compiler and evaluated directly for reference. */
type T =
  | { k: 'x' | 'y' | 'a' | 'b' }
  | { k: 'num'; v: number }
  | { k: 'neg' | 'sq' | 'sqrt' | 'sin' | 'exp' | 'tanh' | 'abs'; a: T }
  | { k: '+' | '-' | '*' | '/' | 'min' | 'max'; l: T; r: T };

const FNS = ['sqrt', 'sin', 'exp', 'tanh', 'abs'] as const;

function print(t: T): string {
  switch (t.k) {
    case 'x': case 'y': case 'a': case 'b': return t.k;
    case 'num': return String(t.v);
    case 'neg': return `(-${print(t.a)})`;
    case 'sq': return `(${print(t.a)})^2`;
    case 'min': case 'max': return `${t.k}(${print(t.l)}, ${print(t.r)})`;
    case '+': case '-': case '*': case '/': return `(${print(t.l)} ${t.k} ${print(t.r)})`;
    default: return `${t.k}(${print(t.a)})`;
  }
}

/** True when the subtree has no variables or params (the compiler folds it to a constant). */
function isConstTree(t: T): boolean {
  if (t.k === 'num') return true;
  if ('a' in t) return isConstTree(t.a);
  if ('l' in t) return isConstTree(t.l) && isConstTree(t.r);
  return false;
}

/**
 * Forward-mode dual numbers: an independent reference for value and d/dx. Mirrors one
 * documented rewrite: u / c (u variable, c constant, 1/c a finite float32) is u * (1/c).
 */
type Dual = readonly [number, number];
function evalDual(t: T, x: number, y: number, a: number, b: number): Dual {
  const ev = (s: T): Dual => evalDual(s, x, y, a, b);
  switch (t.k) {
    case 'x': return [x, 1];
    case 'y': return [y, 0];
    case 'a': return [a, 0];
    case 'b': return [b, 0];
    case 'num': return [t.v, 0];
    case 'neg': { const [u, du] = ev(t.a); return [-u, -du]; }
    case 'sq': { const [u, du] = ev(t.a); return [u * u, 2 * u * du]; }
    case 'sqrt': { const [u, du] = ev(t.a); const s = Math.sqrt(u); return [s, du / (2 * s)]; }
    case 'sin': { const [u, du] = ev(t.a); return [Math.sin(u), Math.cos(u) * du]; }
    case 'exp': { const [u, du] = ev(t.a); const e = Math.exp(u); return [e, e * du]; }
    case 'tanh': { const [u, du] = ev(t.a); const h = Math.tanh(u); return [h, (1 - h * h) * du]; }
    case 'abs': { const [u, du] = ev(t.a); return [Math.abs(u), u >= 0 ? du : -du]; }
    default: {
      const [u, du] = ev(t.l);
      const [v, dv] = ev(t.r);
      switch (t.k) {
        case '+': return [u + v, du + dv];
        case '-': return [u - v, du - dv];
        case '*': return [u * v, du * v + u * dv];
        case '/': {
          const recip = !isConstTree(t.l) && isConstTree(t.r) && v !== 0 && Number.isFinite(Math.fround(v)) && Number.isFinite(Math.fround(1 / v));
          return [recip ? u * (1 / v) : u / v, (du * v - u * dv) / (v * v)];
        }
        case 'min': return u <= v ? [u, du] : [v, dv];
        case 'max': return u >= v ? [u, du] : [v, dv];
      }
    }
  }
}

const leaf = fc.oneof(
  fc.constantFrom<T>({ k: 'x' }, { k: 'y' }, { k: 'a' }, { k: 'b' }),
  fc.constantFrom(0, 1, 2, 0.5, 3.25, 10, 0.001).map((v): T => ({ k: 'num', v })),
);

const anyTree = fc.letrec<{ t: T }>((tie) => ({
  t: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'tree' },
    leaf,
    fc.record({ k: fc.constantFrom('neg', 'sq', ...FNS), a: tie('t') }) as fc.Arbitrary<T>,
    fc.record({ k: fc.constantFrom('+', '-', '*', '/', 'min', 'max'), l: tie('t'), r: tie('t') }) as fc.Arbitrary<T>,
  ),
})).t;

const coord = fc.double({ min: -3, max: 3, noNaN: true });
/** Grid points in [-3, 3] away from 0 by at least 1e-4: derivatives of u/x cancel badly at x ~ 1e-150. */
const gridCoord = fc.integer({ min: -3000, max: 3000 }).map((k) => k / 1000 + 1e-4);

describe('random formulas: text -> compile -> evaluate', () => {
  it('value equals direct float64 evaluation of the tree exactly (where finite)', () => {
    const out = new Float64Array(3);
    fc.assert(
      fc.property(anyTree, coord, coord, coord, coord, (t, x, y, a, b) => {
        const [ref] = evalDual(t, x, y, a, b);
        compileFormula(print(t), { params: ['a', 'b'] }).evaluate(x, y, [a, b], out);
        // The compiler's rewrites (x*1, a+(-b) -> a-b, (-a)*b -> -(a*b), float64 folding) are
        // exact in IEEE arithmetic; only 0*u -> 0 and u-u -> 0 differ, and only where u is
        // Inf/NaN, which the finiteness guard excludes.
        // ±0 compare equal: x + 0 -> x keeps a -0 that float64 addition would turn into +0.
        if (Number.isFinite(ref)) expect(out[0] === ref, `${print(t)} = ${out[0]}, want ${ref}`).toBe(true);
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it('d/dx agrees with forward-mode dual numbers', () => {
    const out = new Float64Array(3);
    fc.assert(
      fc.property(anyTree, gridCoord, gridCoord, gridCoord, gridCoord, (t, x, y, a, b) => {
        const [ref, dref] = evalDual(t, x, y, a, b);
        if (!Number.isFinite(ref) || !Number.isFinite(dref) || Math.abs(dref) > 1e8) return;
        compileFormula(print(t), { params: ['a', 'b'] }).evaluate(x, y, [a, b], out);
        // Same derivative, different operation order (e.g. the quotient rule is (u'-q v')/v
        // here), so rounding differs; 1e-7 relative covers mild cancellation.
        expect(Math.abs(out[1] - dref)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(dref)));
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

/** Positive, well-conditioned trees: + * / sqrt min max ^2 over [0.5, 2]. */
const posTree = fc.letrec<{ t: T }>((tie) => ({
  t: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'pos' },
    fc.oneof(
      fc.constantFrom<T>({ k: 'x' }, { k: 'y' }, { k: 'a' }, { k: 'b' }),
      fc.constantFrom(0.5, 1, 2, 3.25, 0.1).map((v): T => ({ k: 'num', v })),
    ),
    fc.record({ k: fc.constantFrom('sq', 'sqrt'), a: tie('t') }) as fc.Arbitrary<T>,
    fc.record({ k: fc.constantFrom('+', '*', '/', 'min', 'max'), l: tie('t'), r: tie('t') }) as fc.Arbitrary<T>,
  ),
})).t;

/**
 * First-order bound on the relative error of float32 evaluation, in units of u = 2^-24:
 * every rounded input/op adds 1; products and quotients add their operands' errors; squaring
 * doubles, sqrt halves; min/max and sums of positives keep the larger.
 */
function relErrUnits(t: T): number {
  switch (t.k) {
    case 'x': case 'y': case 'a': case 'b': case 'num': return 1;
    case 'sq': return 2 * relErrUnits(t.a) + 1;
    case 'sqrt': return relErrUnits(t.a) / 2 + 1;
    case '+': return Math.max(relErrUnits(t.l), relErrUnits(t.r)) + 1;
    case '*': case '/': return relErrUnits(t.l) + relErrUnits(t.r) + 1;
    case 'min': case 'max': return Math.max(relErrUnits(t.l), relErrUnits(t.r));
    default: throw new Error(`not in the positive grammar: ${t.k}`);
  }
}

describe('evaluate32 vs evaluate', () => {
  it('stays within the first-order float32 error bound (x2 for second-order terms)', () => {
    const out = new Float64Array(3);
    const pos = fc.double({ min: 0.5, max: 2, noNaN: true });
    fc.assert(
      fc.property(posTree, pos, pos, pos, pos, (t, x, y, a, b) => {
        const f = compileFormula(print(t), { params: ['a', 'b'] });
        f.evaluate(x, y, [a, b], out);
        const f64 = out[0];
        f.evaluate32(x, y, [a, b], out);
        const bound = 2 * relErrUnits(t) * 2 ** -24;
        if (bound > 1e-2 || !Number.isFinite(Math.fround(f64))) return;
        expect(Math.abs(out[0] - f64)).toBeLessThanOrEqual(bound * Math.abs(f64));
      }),
      { seed: 99, numRuns: 400 },
    );
  });
});
