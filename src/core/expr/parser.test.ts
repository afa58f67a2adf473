import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError, MAX_FORMULA_LENGTH, MAX_NESTING } from './index';
import type { FormulaErrorCode } from './types';

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

/**
 * The table of bad formulas (issue 13): for each, the error code the UI translates, the
 * exact 0-based position and length it marks, and a fragment of the English message. Typing
 * mistakes, JavaScript a student might paste (none of it is code to the compiler: every name
 * is looked up in its own tables, so `constructor` or `__proto__` are just unknown names) and
 * characters outside ASCII.
 */
const TABLE: ReadonlyArray<readonly [source: string, code: FormulaErrorCode, position: number, length: number, fragment: string]> = [
  ['', 'empty', 0, 1, 'The formula is empty'],
  ['(x + y', 'missingClose', 0, 1, "Missing ')' to close the '(' at position 0"],
  ['y^(x', 'missingClose', 2, 1, "to close the '(' at position 2"],
  ['x + y)', 'unexpectedToken', 5, 1, "Unexpected ')' at position 5"],
  ['sin(x))', 'unexpectedToken', 6, 1, "Unexpected ')' at position 6"],
  ['sinh(x)', 'unknownFunction', 0, 4, "Unknown function 'sinh' at position 0"],
  ['z + 1', 'unknownName', 0, 1, "Unknown name 'z' at position 0"],
  ['x +', 'unexpectedEnd', 3, 1, 'Unexpected end of formula at position 3'],
  ['x/', 'unexpectedEnd', 2, 1, 'Unexpected end of formula at position 2'],
  ['x+*y', 'unexpectedToken', 2, 1, "Unexpected '*' at position 2"],
  ['2**', 'powerOperator', 2, 1, 'use ^ for powers'],
  ['x y', 'implicitMultiplication', 2, 1, 'write x*y'],
  ['max(x y)', 'implicitMultiplication', 6, 1, 'write x*y'],
  ['sin()', 'arity', 0, 5, 'sin expects 1 argument, got 0'],
  ['sin(x, )', 'unexpectedToken', 7, 1, "Unexpected ')' at position 7"],
  // 'e' is Euler's number, so "1e" (an exponent without digits) reads as 1 times e, unwritten.
  ['1e', 'implicitMultiplication', 1, 1, 'write 1*e'],
  ['1.5.', 'malformedNumber', 0, 4, "Malformed number '1.5.'"],
  ['x²', 'unexpectedCharacter', 1, 1, "Unexpected character '²' at position 1"],
  ['x ＋ y', 'unexpectedCharacter', 2, 1, "Unexpected character '＋'"],
  // An emoji is two UTF-16 units: the mark covers both, the message quotes the whole glyph.
  ['😀 + x', 'unexpectedCharacter', 0, 2, "Unexpected character '😀' at position 0"],
  ['x + \u0000', 'unexpectedCharacter', 4, 1, 'Unexpected character'],
  ['constructor', 'unknownName', 0, 11, "Unknown name 'constructor' at position 0"],
  ['__proto__', 'unknownName', 0, 9, "Unknown name '__proto__' at position 0"],
  ['toString(x)', 'unknownFunction', 0, 8, "Unknown function 'toString'"],
  ['constructor(x) + x', 'unknownFunction', 0, 11, "Unknown function 'constructor'"],
  ['process.exit()', 'malformedNumber', 7, 1, "'.' at position 7"],
  ['alert(1)', 'unknownFunction', 0, 5, "Unknown function 'alert' at position 0"],
  ['x; y', 'unexpectedCharacter', 1, 1, "Unexpected character ';' at position 1"],
  ['x = 1', 'unexpectedCharacter', 2, 1, "Unexpected character '='"],
  ["constructor.constructor('return 1')()", 'malformedNumber', 11, 1, "'.' at position 11"],
  ['eval("1")', 'unexpectedCharacter', 5, 1, `Unexpected character '"' at position 5`],
  ['${x}', 'unexpectedCharacter', 0, 1, "Unexpected character '$'"],
  ['NaN + x', 'unknownName', 0, 3, "Unknown name 'NaN'"],
  ['('.repeat(MAX_NESTING + 1) + 'x' + ')'.repeat(MAX_NESTING + 1), 'tooDeep', MAX_NESTING, 1, `Nested too deeply at position ${MAX_NESTING}`],
  ['x' + '+x'.repeat(MAX_FORMULA_LENGTH / 2), 'tooLong', MAX_FORMULA_LENGTH, 1, `at most ${MAX_FORMULA_LENGTH} are allowed`],
];

describe('the table of bad formulas: code, exact position and length', () => {
  const title = (s: string) => (s.length > 30 ? `${s.slice(0, 12)}… (${s.length} chars)` : JSON.stringify(s));
  it.each(TABLE.map((row) => [title(row[0]), ...row] as const))('%s', (_title, source, code, position, length, fragment) => {
    let caught: unknown;
    try {
      compileFormula(source);
    } catch (e) {
      caught = e;
    }
    expect(caught, `${source} compiled`).toBeInstanceOf(FormulaError);
    const err = caught as FormulaError;
    expect(err.code).toBe(code);
    expect(err.position).toBe(position);
    expect(err.length).toBe(length);
    expect(err.message).toContain(fragment);
    // The mark lies inside the text, or is the one place after its end (a missing operand).
    expect(err.position + err.length).toBeLessThanOrEqual(Math.max(source.length, err.position + 1));
  });

  it('covers every kind of mistake the issue lists, and every error code but invalidParameter', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    const codes = new Set(TABLE.map((row) => row[1]));
    for (const code of ['empty', 'unexpectedEnd', 'implicitMultiplication', 'unexpectedToken', 'powerOperator', 'missingClose', 'unknownFunction',
      'unknownName', 'arity', 'malformedNumber', 'unexpectedCharacter', 'tooLong', 'tooDeep'] as const) {
      expect(codes, code).toContain(code);
    }
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
