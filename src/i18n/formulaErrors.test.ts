/**
 * Every formula error a user can make has a translated message: the compiler tags each error
 * with a code, and both catalogues have the text for it (with the values it names).
 */
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../core/expr';
import type { FormulaErrorInfo } from '../core/expr/types';
import { en } from './en';
import { zhCN } from './zhCN';

const BAD = [
  '', 'x +', '2x', '(x + y', 'x ** 2', 'x )', 'sinh(x)', 'z + 1', 'xy', 'sin x', 'max(x)',
  '1..2', '1e39', 'x @ y', '.',
  '('.repeat(2000) + 'x' + ')'.repeat(2000), // tooDeep
  'x + '.repeat(600) + 'y', // tooLong
];
/** Test titles: long sources shortened. */
const CASES = BAD.map((s) => [s.length > 30 ? `${s.slice(0, 12)}… (${s.length} chars)` : JSON.stringify(s), s] as const);

function errorOf(source: string): FormulaErrorInfo {
  try {
    compileFormula(source);
  } catch (e) {
    return e as FormulaErrorInfo;
  }
  throw new Error(`'${source}' compiled`);
}

function keyOf(e: FormulaErrorInfo): string {
  if (e.code === 'implicitMultiplication' && !e.args?.fix) return 'implicitMultiplicationNoFix';
  if (e.code === 'unknownName' && e.args?.suggestion) return 'unknownNameProduct';
  return e.code!;
}

describe('formula error messages', () => {
  it.each(CASES)('%s has a code with a message in both languages', (_title, source) => {
    const e = errorOf(source);
    expect(e.code).toBeDefined();
    const key = keyOf(e) as keyof typeof en.formulaErrors;
    expect(en.formulaErrors[key]).toBeTypeOf('string');
    expect(zhCN.formulaErrors[key]).toBeTypeOf('string');
    // Every {{value}} the message names is provided by the error.
    for (const [, name] of en.formulaErrors[key].matchAll(/\{\{(\w+)\}\}/g)) {
      expect(e.args?.[name], `${source}: ${name}`).not.toBeUndefined();
      expect(String(e.args?.[name])).not.toBe('');
    }
  });

  it('covers the codes with different messages', () => {
    const keys = new Set(BAD.map((s) => keyOf(errorOf(s))));
    expect(keys.size).toBeGreaterThanOrEqual(14);
  });
});
