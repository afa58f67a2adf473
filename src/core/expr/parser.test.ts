import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError } from './index';

/** [formula, expected 0-based error position, a fragment the message must contain]. */
const MALFORMED: ReadonlyArray<readonly [string, number, string]> = [
  ['', 0, 'empty'],
  ['   ', 0, 'empty'],
  ['x+', 2, 'Unexpected end of formula at position 2'],
  ['x +', 3, 'Unexpected end'],
  ['(x', 0, "Missing ')'"],
  ['cos(x', 3, "Missing ')' to close the '(' at position 3"],
  ['x)', 1, "Unexpected ')' at position 1"],
  ['()', 1, "Unexpected ')'"],
  ['sin x', 4, "Expected '(' after 'sin' at position 4: write sin(x)"],
  ['sin', 3, "Expected '(' after 'sin'"],
  ['2x', 1, 'write 2*x'],
  ['x y', 2, 'write x*y'],
  ['2 3', 2, 'implicit multiplication'],
  ['(x+1)(x-1)', 5, 'write (x+1)*(...)'],
  ['pi(2)', 2, 'implicit multiplication'],
  ['foo(x)', 0, "Unknown function 'foo' at position 0"],
  ['x + sinh(y)', 4, "Unknown function 'sinh' at position 4"],
  ['z', 0, "Unknown name 'z' at position 0"],
  ['xy', 0, 'did you mean x*y'],
  ['sin(x,y)', 0, 'sin expects 1 argument, got 2'],
  ['sin()', 0, 'sin expects 1 argument, got 0'],
  ['max(x)', 0, 'max expects 2 arguments, got 1'],
  ['max(x,y,1)', 0, 'max expects 2 arguments, got 3'],
  ['min(x,)', 6, "Unexpected ')' at position 6"],
  ['x**2', 2, 'use ^ for powers'],
  ['1..2', 0, "Malformed number '1..2'"],
  ['1.2.3', 0, 'Malformed number'],
  ['.', 0, 'Malformed number'],
  ['x @ y', 2, "Unexpected character '@' at position 2"],
  ['x # 2', 2, "Unexpected character '#'"],
  ['3 +* 4', 3, "Unexpected '*' at position 3"],
  ['e^', 2, 'Unexpected end'],
  ['x^', 2, 'Unexpected end'],
  [', x', 0, "Unexpected ','"],
  ['1e999', 0, 'too large'],
  ['x + 1e39', 4, 'too large for 32-bit floats'],
];

describe('compileFormula errors', () => {
  it.each(MALFORMED)('%j fails at position %i', (source, position, fragment) => {
    let caught: unknown;
    try {
      compileFormula(source);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormulaError);
    const err = caught as FormulaError;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain(fragment);
    expect(err.position).toBe(position);
    expect(err.length).toBeGreaterThanOrEqual(1);
  });

  it('has at least 20 malformed cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
  });

  it('uses the exact plain-English messages of the brief', () => {
    expect(() => compileFormula('(x + y))')).toThrow("Unexpected ')' at position 7");
    expect(() => compileFormula('sinh(x)')).toThrow("Unknown function 'sinh' at position 0");
    expect(() => compileFormula('max(x)')).toThrow('max expects 2 arguments, got 1');
  });

  it('underlines the whole offending token', () => {
    try {
      compileFormula('x + kappa');
    } catch (e) {
      expect((e as FormulaError).length).toBe(5);
    }
    expect.assertions(1);
  });

  it('rejects bad parameter names', () => {
    expect(() => compileFormula('x', { params: ['x'] })).toThrow(FormulaError);
    expect(() => compileFormula('x', { params: ['sin'] })).toThrow("'sin' is reserved");
    expect(() => compileFormula('x', { params: ['a', 'a'] })).toThrow('declared twice');
    expect(() => compileFormula('x', { params: ['2a'] })).toThrow('not a valid name');
  });

  it('knows a name only when it is declared as a parameter', () => {
    expect(() => compileFormula('a*x')).toThrow("Unknown name 'a'");
    expect(() => compileFormula('a*x', { params: ['a'] })).not.toThrow();
  });
});

describe('compileFormula grammar', () => {
  const out = new Float64Array(3);
  const value = (source: string, x = 0, y = 0, params: number[] = [], names: string[] = []): number => {
    compileFormula(source, { params: names }).evaluate(x, y, params, out);
    return out[0];
  };

  it.each([
    ['123', 123],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e-3', 1e-3],
    ['2.5E+4', 25000],
    ['3.', 3],
    ['pi', Math.PI],
    ['e', Math.E],
    ['  1 +\t2 ', 3],
    ['+2', 2],
    ['--2', 2],
  ])('reads %j as %d', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ['-x^2', 3, -9],
    ['2^3^2', 0, 512],
    ['(2^3)^2', 0, 64],
    ['2^-1', 0, 0.5],
    ['-2^2', 0, -4],
    ['2*3^2', 0, 18],
    ['8/2/2', 0, 2],
    ['1-2-3', 0, -4],
    ['2^3*2', 0, 16],
    ['-x*2', 3, -6],
    ['x^-2^2', 2, 2 ** -4],
    ['1+2*3', 0, 7],
    ['(1+2)*3', 0, 9],
  ])('precedence: %s at x=%d is %d', (source, x, expected) => {
    expect(value(source, x)).toBe(expected);
  });

  it('evaluates params in declaration order', () => {
    expect(value('a - b', 0, 0, [5, 2], ['a', 'b'])).toBe(3);
    expect(value('a - b', 0, 0, [5, 2], ['b', 'a'])).toBe(-3);
  });

  it('evaluates every function', () => {
    expect(value('sin(x)+cos(x)+tan(x)+exp(x)+log(x)+sqrt(x)+abs(-x)+tanh(x)', 0.7)).toBeCloseTo(
      Math.sin(0.7) + Math.cos(0.7) + Math.tan(0.7) + Math.exp(0.7) + Math.log(0.7) + Math.sqrt(0.7) + 0.7 + Math.tanh(0.7),
      14,
    );
    expect(value('min(x, y) * 10 + max(x, y)', 2, 5)).toBe(25);
  });
});
