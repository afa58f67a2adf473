import { describe, expect, it } from 'vitest';
import { compileFormula, wgslF32Literal } from './index';
import { Op } from './tape';

const out = new Float64Array(3);

describe('evaluate32', () => {
  it('rounds after every operation, not only at the end', () => {
    const f = compileFormula('(x*x)/x');
    // float32 overflows at x*x = 1e40 and stays Inf; float64 (even rounded at the end) does not.
    f.evaluate(1e20, 0, [], out);
    expect(Math.fround(out[0])).toBe(Math.fround(1e20));
    f.evaluate32(1e20, 0, [], out);
    expect(out[0]).toBe(Infinity);
  });

  it('rounds inputs and each sum: (x + y) - x loses y below half an f32 ulp of x', () => {
    const f = compileFormula('(x + y) - x');
    f.evaluate(1, 1e-8, [], out);
    expect(out[0]).toBeGreaterThan(9.9e-9);
    f.evaluate32(1, 1e-8, [], out);
    expect(out[0]).toBe(0);
  });

  it('rounds params and literals as the GPU sees them', () => {
    const f = compileFormula('a * 0.1', { params: ['a'] });
    f.evaluate32(0, 0, [0.1], out);
    expect(out[0]).toBe(Math.fround(Math.fround(0.1) * Math.fround(0.1)));
    f.evaluate(0, 0, [0.1], out);
    expect(out[0]).toBe(0.1 * 0.1);
  });

  it('only ever returns float32 values', () => {
    const f = compileFormula('sin(x)*exp(y)/3 + sqrt(abs(x*y)) - tanh(x)^3 + log(2+y*y) + tan(x/7)');
    for (let i = 0; i < 50; i++) {
      f.evaluate32(Math.cos(i) * 3, Math.sin(i * 1.7) * 2, [], out);
      for (const v of out) expect(Math.fround(v)).toBe(v);
    }
  });
});

describe('compiled tape', () => {
  it('keeps the opcodes the evaluator switch hard-codes', () => {
    // evaluate.ts switches on these literals for speed; renumbering Op must update it.
    expect(Op).toEqual({
      x: 0, y: 1, param: 2, const: 3, add: 4, sub: 5, mul: 6, div: 7, neg: 8, sqrt: 9, abs: 10,
      sin: 11, cos: 12, tan: 13, exp: 14, log: 15, tanh: 16, min: 17, max: 18, selge: 19,
    });
  });

  it.each([
    ['x^2 + y^8 - x^-3', false],
    ['(a-x)^2 + b*(y-x^2)^2', false],
    ['sqrt(x) + x^0.5 + abs(x) + min(x,y) + max(x,y)', false],
    ['x^1.5', true],
    ['x^y', true],
    ['2^x', true],
    ['sin(x)', true],
    ['cos(x)', true],
    ['tan(x)', true],
    ['exp(x)', true],
    ['log(x)', true],
    ['tanh(x)', true],
    ['sin(1) * x', false],
  ])('%s: transcendental = %s', (source, expected) => {
    expect(compileFormula(source, { params: ['a', 'b'] }).transcendental).toBe(expected);
  });

  it('turns small integer powers into multiplications and x^0.5 into sqrt', () => {
    const ops = (s: string): number[] => Array.from(compileFormula(s).tape.ops);
    // x^8 = ((x*x)^2)^2 (3 muls); 8*x^7 = 8*((x^2*x)^2*x) shares x^2 (4 more).
    expect(ops('x^8').filter((o) => o === Op.mul).length).toBe(7);
    expect(ops('x^8')).not.toContain(Op.exp);
    expect(ops('x^0.5')).toContain(Op.sqrt);
    expect(ops('x^0.5')).not.toContain(Op.exp);
    // Negative bases work because the power is not exp(n log x).
    compileFormula('x^10').evaluate(-2, 0, [], out);
    expect([out[0], out[1]]).toEqual([1024, -5120]);
  });

  it('shares common subexpressions between f and its gradient', () => {
    const t = compileFormula('exp(x*y)').tape;
    expect(Array.from(t.ops).filter((o) => o === Op.exp).length).toBe(1);
    expect(Array.from(t.ops).filter((o) => o === Op.mul).length).toBe(3); // x*y, e*y, e*x
  });

  it('simplifies: x*1, x+0, 0*x, constants fold', () => {
    expect(compileFormula('x*1 + 0 + 0*y + (2+3)*x').tape.length).toBeLessThanOrEqual(6);
  });

  it('is fast and does not allocate per call (throughput is measured, not asserted)', () => {
    const f = compileFormula('(a-x)^2 + b*(y-x^2)^2', { params: ['a', 'b'] });
    const p = [1, 100];
    let s = 0;
    for (let i = 0; i < 1000; i++) {
      f.evaluate(i / 1000, 0.5, p, out);
      s += out[0];
    }
    expect(Number.isFinite(s)).toBe(true);
  });
});

describe('WGSL literals', () => {
  // The WGSL grammar's decimal f32 literal forms (https://www.w3.org/TR/WGSL/#literals).
  const WGSL_FLOAT = /^(0f|[1-9][0-9]*f|[0-9]*\.[0-9]+([eE][+-]?[0-9]+)?f|[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?f|[0-9]+[eE][+-]?[0-9]+f)$/;

  it.each([1, 0, 0.5, 1e-10, 1e21, 123456789, 0.1, Math.PI, 3.4e38, 1e-40, -2, -0.25, -0])('%d', (c) => {
    const lit = wgslF32Literal(c);
    const neg = lit.startsWith('(-');
    const body = neg ? lit.slice(2, -1) : lit;
    expect(body).toMatch(WGSL_FLOAT);
    const back = (neg ? -1 : 1) * Number(body.slice(0, -1));
    expect(Object.is(Math.fround(back), Math.fround(c))).toBe(true);
  });

  it('emits exact forms for simple values', () => {
    expect([1, 0.5, -2, 1e-10].map(wgslF32Literal)).toEqual(['1f', '0.5f', '(-2f)', '1.000000013351432e-10f']);
    expect(() => wgslF32Literal(1e39)).toThrow();
  });

  it('fences + - * / results with min(v, v) so the SPIR-V optimizer cannot reassociate', () => {
    const src = compileFormula('x*y + x*(y*y)').toWgsl();
    const arith = src.match(/let t(\d+) = r\d+ [-+*/] r\d+;/g) ?? [];
    expect(arith.length).toBeGreaterThan(0);
    for (const line of arith) {
      const k = /let t(\d+)/.exec(line)![1];
      expect(src).toContain(`let r${k} = min(t${k}, t${k});`);
    }
  });

  it('divides by a constant as a multiplication by its float32 reciprocal, on every path', () => {
    const f = compileFormula('x/3');
    f.evaluate32(1.7, 0, [], out);
    expect(out[0]).toBe(Math.fround(Math.fround(1.7) * Math.fround(1 / 3)));
    expect(f.toWgsl()).toContain('0.3333333432674408f');
    expect(f.toWgsl()).not.toMatch(/ \/ /);
  });

  it('emits f and grad, params through paramExpr, and no pow', () => {
    const f = compileFormula('a * x^2 + b^y', { params: ['a', 'b'] });
    const src = f.toWgsl({ prefix: 'obj_', paramExpr: (i) => `hp[${i + 4}]` });
    expect(src).toContain('fn obj_f(p: vec2f) -> f32 {');
    expect(src).toContain('fn obj_grad(p: vec2f) -> vec2f {');
    expect(src).toContain('hp[4]');
    expect(src).toContain('hp[5]');
    expect(src).not.toMatch(/\bpow\(/);
    expect(f.toWgsl()).toContain('objParams[0]');
  });
});
