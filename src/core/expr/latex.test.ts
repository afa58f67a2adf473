import { describe, expect, it } from 'vitest';
import { compileFormula } from './index';
import { latexName } from './latex';

const tex = (source: string, params: string[] = []): string => compileFormula(source, { params }).toLatex();

describe('toLatex', () => {
  it('Rosenbrock with parameters', () => {
    expect(tex('(a-x)^2 + b*(y-x^2)^2', ['a', 'b'])).toMatchInlineSnapshot(
      `"\\left(a - x\\right)^{2} + b \\cdot \\left(y - x^{2}\\right)^{2}"`,
    );
  });

  it('functions, constants and fractions', () => {
    expect(tex('sqrt(x^2 + y^2) + abs(x) / 2 - min(x, y) * max(x, pi)')).toMatchInlineSnapshot(
      `"\\sqrt{x^{2} + y^{2}} + \\frac{\\left|x\\right|}{2} - \\min\\left(x, y\\right) \\cdot \\max\\left(x, \\pi\\right)"`,
    );
    expect(tex('sin(x)*cos(y) + exp(-x^2) + log(1 + e^y) + tan(x) + tanh(y)')).toMatchInlineSnapshot(
      `"\\sin\\left(x\\right) \\cdot \\cos\\left(y\\right) + \\exp\\left(-x^{2}\\right) + \\log\\left(1 + e^{y}\\right) + \\tan\\left(x\\right) + \\tanh\\left(y\\right)"`,
    );
  });

  it('keeps the structure as written: precedence brackets, juxtaposed coefficients, no nested \\frac', () => {
    expect(tex('2*x - (y - 1) + -x^2 + (-x)^2')).toMatchInlineSnapshot(
      `"2 x - \\left(y - 1\\right) + \\left(-x^{2}\\right) + \\left(-x\\right)^{2}"`,
    );
    expect(tex('x/y/2 + 1e-3*x + 2^3^2')).toMatchInlineSnapshot(
      `"\\frac{x}{y} / 2 + 1 \\times 10^{-3} \\cdot x + 2^{3^{2}}"`,
    );
  });

  it('names parameters: single letters as is, Greek as symbols, others upright', () => {
    expect(tex('kappa*x + theta*y + lr + a1 + c', ['kappa', 'theta', 'lr', 'a1', 'c'])).toMatchInlineSnapshot(
      `"\\kappa \\cdot x + \\theta \\cdot y + \\mathrm{lr} + a_{1} + c"`,
    );
    expect(latexName('my_rate')).toBe('\\mathrm{my\\_rate}');
    expect(latexName('Omega')).toBe('\\Omega');
  });
});
