/**
 * Limits that keep every compiler stage far from the JavaScript stack: nesting (brackets,
 * calls, signs, powers) is refused past MAX_NESTING with its own message and position, and a
 * formula longer than MAX_FORMULA_LENGTH is refused with the extra characters marked. Inside
 * the limits, the deepest and the longest formulas compile through every stage (IR,
 * derivatives, power lowering, tape, WGSL, LaTeX) and evaluate correctly.
 */
import { describe, expect, it } from 'vitest';
import { compileFormula, MAX_FORMULA_LENGTH, MAX_NESTING } from './index';
import { FormulaError } from './errors';

function failure(source: string): FormulaError {
  try {
    compileFormula(source);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw new Error(`'${source.slice(0, 40)}…' threw ${String(e)}, not a FormulaError`, { cause: e });
  }
  throw new Error(`'${source.slice(0, 40)}…' compiled`);
}

const nested = (n: number, inner = 'x') => '('.repeat(n) + inner + ')'.repeat(n);

/** [f, df/dx, df/dy] at (x, y) in float64. */
function at(source: string, x: number, y: number): number[] {
  const out = new Float64Array(3);
  compileFormula(source).evaluate(x, y, [], out);
  return Array.from(out);
}

describe('formula nesting and length limits', () => {
  it('2,000 nested parentheses: its own message at the first bracket too deep, not a stack overflow', () => {
    const e = failure(nested(2000));
    expect(e.code).toBe('tooDeep');
    expect(e.position).toBe(MAX_NESTING); // 0-based: the 101st '('
    expect(e.message).toMatch(/nested too deeply at position 100/i);
    expect(e.args).toEqual({ max: MAX_NESTING });
  });

  it('counts functions, signs and powers as levels too', () => {
    expect(failure('sin('.repeat(MAX_NESTING + 1) + 'x' + ')'.repeat(MAX_NESTING + 1)).code).toBe('tooDeep');
    expect(failure('-'.repeat(MAX_NESTING + 1) + 'x').code).toBe('tooDeep');
    expect(failure(Array(MAX_NESTING + 2).fill('x').join('^')).code).toBe('tooDeep');
  });

  it('the deepest formula allowed compiles through every stage and evaluates', () => {
    const deep = compileFormula(nested(MAX_NESTING - 1, 'x*y + sin(x)'));
    const [f, gx, gy] = at(deep.source, 0.5, 2);
    expect(f).toBeCloseTo(1 + Math.sin(0.5), 12);
    expect(gx).toBeCloseTo(2 + Math.cos(0.5), 12);
    expect(gy).toBeCloseTo(0.5, 12);
    expect(deep.toWgsl({ prefix: 'p' })).toContain('fn pfg');
    expect(deep.toLatex()).toContain('x');
    const sines = 'sin('.repeat(MAX_NESTING) + 'x' + ')'.repeat(MAX_NESTING);
    let v = 0.3;
    for (let i = 0; i < MAX_NESTING; i++) v = Math.sin(v);
    expect(at(sines, 0.3, 0)[0]).toBeCloseTo(v, 12);
    expect(compileFormula(sines).toWgsl()).toContain('fn fg');
  });

  it('the longest chain allowed (≈1,000 operators) compiles, differentiates and evaluates', () => {
    const terms = Math.floor((MAX_FORMULA_LENGTH + 1) / 4); // "x*y+" per term
    const source = Array(terms).fill('x*y').join('+');
    expect(source.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(at(source, 2, 3)).toEqual([6 * terms, 3 * terms, 2 * terms]);
    expect(compileFormula(source).toWgsl().length).toBeGreaterThan(0);
    const factors = Math.floor((MAX_FORMULA_LENGTH + 1) / 2);
    const product = Array(factors).fill('x').join('*');
    expect(at(product, 1, 0)).toEqual([1, factors, 0]);
  });

  it('an over-long formula is refused with the characters past the limit marked', () => {
    const source = 'x^2 + ' + Array(700).fill('y^2').join(' + ');
    const e = failure(source);
    expect(e.code).toBe('tooLong');
    expect(e.position).toBe(MAX_FORMULA_LENGTH);
    expect(e.length).toBe(source.length - MAX_FORMULA_LENGTH);
    expect(e.args).toEqual({ length: source.length, max: MAX_FORMULA_LENGTH });
  });

  it('an over-long formula with a typo reports its length; one nested too deeply reports the nesting', () => {
    expect(failure('2x + ' + 'x+'.repeat(MAX_FORMULA_LENGTH)).code).toBe('tooLong');
    expect(failure(nested(MAX_FORMULA_LENGTH)).code).toBe('tooDeep');
  });
});
