import { describe, expect, it } from 'vitest';
import { checkFormula } from './formulaCheck';

describe('checkFormula (the formula box while typing)', () => {
  it('is null for a formula that compiles', () => {
    expect(checkFormula('x^2 + 3*y^2 + 0.5*sin(3*x)')).toBeNull();
  });

  it('reports the position, length, code and values of the first mistake', () => {
    expect(checkFormula('x^2 + * y')).toEqual({ message: "Unexpected '*' at position 6", position: 6, length: 1, code: 'unexpectedToken', args: { token: '*' } });
    expect(checkFormula('x + sinh(y)')).toMatchObject({ position: 4, length: 4, code: 'unknownFunction', args: { name: 'sinh' } });
    expect(checkFormula('x ; y')).toMatchObject({ position: 2, length: 1, code: 'unexpectedCharacter' });
  });

  it('is a plain value (no Error instance) the store and React can hold', () => {
    const e = checkFormula('(x')!;
    expect(e).not.toBeInstanceOf(Error);
    expect(Object.keys(e).sort()).toEqual(['args', 'code', 'length', 'message', 'position']);
  });
});
