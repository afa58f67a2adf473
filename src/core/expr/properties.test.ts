import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_FUNCTIONS, compileFormula, evaluateBatch, FormulaError, UNARY_FUNCTIONS } from './index';

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

/*
 * Fuzz (issue 13): whatever is typed, the compiler either returns a formula or throws its own
 * positioned FormulaError; it never throws anything else, and it never runs the text as code.
 * Every stage runs on each input: parse, derivatives, tape, float64/float32/batch evaluation,
 * WGSL (with and without guards) and LaTeX.
 */

const KNOWN_CODES = new Set<string>([
  'empty', 'unexpectedEnd', 'implicitMultiplication', 'unexpectedToken', 'powerOperator', 'missingClose', 'unknownFunction',
  'unknownName', 'expectedParen', 'arity', 'malformedNumber', 'numberTooLarge', 'unexpectedCharacter', 'tooLong', 'tooDeep',
]);

/**
 * Replaces the ways JavaScript turns text into code (eval, Function and the constructor every
 * function reaches through its prototype) with traps for the duration of `run`.
 */
const FUNCTION_PROTOTYPE = Function.prototype;

function withCodeTraps<R>(run: () => R): R {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { eval: g.eval, Function: g.Function, ctor: FUNCTION_PROTOTYPE.constructor };
  // A plain function, not an arrow: `new Function(...)` must reach it too.
  const trap = function trap(): never {
    throw new Error('the formula compiler tried to evaluate text as code');
  };
  g.eval = trap;
  g.Function = trap;
  Object.defineProperty(FUNCTION_PROTOTYPE, 'constructor', { value: trap, configurable: true, writable: true });
  try {
    return run();
  } finally {
    g.eval = saved.eval;
    g.Function = saved.Function;
    Object.defineProperty(FUNCTION_PROTOTYPE, 'constructor', { value: saved.ctor, configurable: true, writable: true });
  }
}

/** True when every value in the tape is data (numbers, booleans, typed arrays): nothing callable. */
function isPlainData(v: unknown): boolean {
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  if (ArrayBuffer.isView(v)) return true;
  if (Array.isArray(v)) return v.every(isPlainData);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(isPlainData);
  return false;
}

const out3 = new Float64Array(3);
const batchOut = [new Float64Array(3), new Float64Array(3), new Float64Array(3)] as const;

/** Every stage of the compiler on `source`: 'ok', or the FormulaError it threw (anything else propagates). */
function compileAll(source: string): 'ok' | FormulaError {
  try {
    return withCodeTraps(() => {
      const f = compileFormula(source, { params: ['a', 'b'] });
      expect(isPlainData(f.tape)).toBe(true);
      f.evaluate(0.5, -1.25, [1, 2], out3);
      f.evaluate32(0.5, -1.25, [1, 2], out3);
      evaluateBatch(f.tape, 'f32', [0, 1, -2], [0, -1, 3], [1, 2], ...batchOut, 3);
      evaluateBatch(f.tape, 'f64', [0, 1, -2], [0, -1, 3], [1, 2], ...batchOut, 3);
      expect(f.toWgsl()).toContain('fn fg(p: vec2f) -> vec3f');
      expect(f.toWgsl({ prefix: 'u_', exactGuards: false })).toContain('fn u_grad(p: vec2f) -> vec2f');
      f.toLatex();
      return 'ok' as const;
    });
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw new Error(`${JSON.stringify(source.slice(0, 80))} threw ${String(e)}, not a FormulaError`, { cause: e });
  }
}

/** The error is the compiler's own: a known code, and a mark inside the text (or just past its end). */
function checkPositioned(source: string, e: FormulaError): void {
  expect(e.name).toBe('FormulaError');
  expect(KNOWN_CODES, `${source}: ${e.code}`).toContain(e.code);
  expect(Number.isInteger(e.position) && Number.isInteger(e.length)).toBe(true);
  expect(e.position).toBeGreaterThanOrEqual(0);
  expect(e.length).toBeGreaterThanOrEqual(1);
  expect(e.position + e.length, source).toBeLessThanOrEqual(Math.max(source.length, e.position + 1));
  expect(e.message.length).toBeGreaterThan(0);
  // The mark never splits a character in two (an emoji is a surrogate pair).
  const splits = (at: number) => /[\ud800-\udbff]/.test(source[at - 1] ?? '') && /[\udc00-\udfff]/.test(source[at] ?? '');
  expect(splits(e.position) || splits(e.position + e.length), `${JSON.stringify(source)} marked at ${e.position}+${e.length}`).toBe(false);
}

/** Pieces of text a student might type or paste: the grammar's tokens, JavaScript, junk. */
const PIECES = [
  'x', 'y', 'a', 'b', 'z', '0', '1', '2.5', '.', '1e', 'e', 'E', '-3', 'pi', '+', '-', '*', '/', '^', '**', '(', ')', ',', ' ', '\t', '\n',
  'sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'min', 'max', 'sinh', 'constructor', '__proto__', 'prototype', 'toString',
  'eval', 'Function', 'process', 'alert', 'this', 'return', 'NaN', 'Infinity', ';', '=', '"', "'", '`', '$', '{', '}', '[', ']', '!',
  '&&', '=>', '\\', '²', 'π', '×', '＋', '中', '😀', '\u0000', '\ud800', '1e39', '1e-50',
];
const pieceSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

/** Formulas from the grammar with every function, powers, constants, signs and spacing. */
const grammarFormula = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { maxDepth: 6, depthIdentifier: 'formula' },
    fc.constantFrom('x', 'y', 'a', 'b', 'pi', 'e', '0', '1', '2', '0.5', '1e-3', '3.25E+2', '.5'),
    fc.tuple(fc.constantFrom('-', '+'), tie('f')).map(([s, u]) => `${s}${u}`),
    fc.tuple(fc.constantFrom(...UNARY_FUNCTIONS), tie('f')).map(([fn, u]) => `${fn}(${u})`),
    fc.tuple(fc.constantFrom(...BINARY_FUNCTIONS), tie('f'), tie('f')).map(([fn, u, v]) => `${fn}(${u}, ${v})`),
    fc.tuple(tie('f'), fc.constantFrom(' + ', '-', ' * ', '/', '^'), tie('f')).map(([u, op, v]) => `(${u})${op}(${v})`),
    fc.tuple(tie('f'), fc.constantFrom('2', '3', '-1', '0.5', '-2.5', '10')).map(([u, k]) => `(${u})^${k}`),
  ),
})).f;

/** A valid formula with one character inserted, deleted or replaced: near misses, mostly errors. */
const nearMiss = fc
  .tuple(grammarFormula, fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...'()+-*/^,.e xq;😀'.split('')))
  .map(([s, k, edit, c]) => {
    const i = s.length === 0 ? 0 : k % s.length;
    if (edit === 'insert') return s.slice(0, i) + c + s.slice(i);
    if (edit === 'delete') return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + c + s.slice(i + 1);
  });

describe('fuzz: the compiler never throws anything but its own positioned FormulaError', () => {
  it('random text of any code points (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (source) => {
        const r = compileAll(source);
        if (r !== 'ok') checkPositioned(source, r);
      }),
      { seed: 13, numRuns: 400 },
    );
  });

  it('soups of tokens, JavaScript and junk', () => {
    fc.assert(
      fc.property(pieceSoup, (source) => {
        const r = compileAll(source);
        if (r !== 'ok') checkPositioned(source, r);
      }),
      { seed: 1313, numRuns: 600 },
    );
  });

  it('formulas of the grammar compile through every stage; one-character edits fail with a position', () => {
    let failed = 0;
    fc.assert(
      fc.property(grammarFormula, nearMiss, (good, bad) => {
        expect(compileAll(good), good).toBe('ok');
        const r = compileAll(bad);
        if (r !== 'ok') {
          checkPositioned(bad, r);
          failed++;
        }
      }),
      { seed: 131313, numRuns: 300 },
    );
    // The near misses exercise the error paths, not only the happy one.
    expect(failed).toBeGreaterThan(100);
  });

  it('long and deep inputs near the limits stay FormulaErrors (no stack overflow, no RangeError)', () => {
    const piece = fc.constantFrom('(', ')', 'sin(', '-', 'x', '^', '+', '*', '2', ',', 'max(');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 200, maxLength: 1200 }), (p) => {
        const source = p.join('');
        const r = compileAll(source);
        if (r !== 'ok') checkPositioned(source, r);
      }),
      { seed: 77, numRuns: 60 },
    );
  });
});

describe('the compiler never evaluates text as code', () => {
  it('JavaScript payloads are refused as formulas, and none of them runs', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const payloads = [
      "constructor.constructor('return 1')()", 'constructor', '__proto__', '__proto__.x', 'process.exit()', 'alert(1)', 'x; y',
      "eval('globalThis.gsPwned = 1')", "Function('globalThis.gsPwned = 1')()", 'globalThis.gsPwned = 1', '(() => 1)()', '`${1}`',
      "sin.constructor('globalThis.gsPwned = 1')()", 'toString()', 'valueOf(x)', 'hasOwnProperty(x)', 'import("x")', 'x/*', '*/x', '// x',
    ];
    for (const source of payloads) {
      const r = compileAll(source);
      expect(r, source).toBeInstanceOf(FormulaError);
      checkPositioned(source, r as FormulaError);
    }
    expect(g.gsPwned).toBeUndefined();
  });

  it('the traps work: code that evaluates text would be caught by them', () => {
    // Calls made here on purpose to spring the traps (the lint rule forbids them everywhere else).
    expect(() => withCodeTraps(() => (0, eval)('1'))).toThrow('evaluate text as code');
    // eslint-disable-next-line no-restricted-syntax
    expect(() => withCodeTraps(() => new Function('return 1'))).toThrow('evaluate text as code');
    expect(() => withCodeTraps(() => Math.max.constructor('return 1'))).toThrow('evaluate text as code');
    expect(Math.max.constructor).toBe(Function); // restored afterwards
    expect((0, globalThis.eval)('1 + 1')).toBe(2);
  });

  it('the compiler sources contain no eval, Function, dynamic import or string timers', () => {
    // Vite reads the sources (as text) at transform time: every non-test file of this folder.
    const sources = import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
    expect(Object.keys(sources)).toContain('./compile.ts');
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const [file, text] of Object.entries(sources)) {
      // Without comments: the header comments may name what the code must not do.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const banned of [/\beval\s*\(/, /\bFunction\s*\(/, /new\s+Function\b/, /\bimport\s*\(/, /\bset(Timeout|Interval)\s*\(/, /\.constructor\b/, /\bwith\s*\(/]) {
        expect(banned.test(code), `${file} matches ${banned}`).toBe(false);
      }
    }
  });

});
