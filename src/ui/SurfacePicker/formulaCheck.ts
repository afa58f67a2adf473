/**
 * The check behind the formula box's errors while typing: the text goes through the same
 * compiler the store uses when the formula is applied, and the result is only reported, never
 * applied, so the surface being raced stays until the user presses Enter or Apply.
 */
import { compileFormula, FormulaError } from '../../core/expr';
import type { FormulaErrorInfo } from '../../core/expr/types';

/** Milliseconds of typing pause before the text is checked. */
export const LIVE_CHECK_MS = 250;

/** The error `text` would be refused with (position, length, code, args), or null when it compiles. */
export function checkFormula(text: string): FormulaErrorInfo | null {
  try {
    compileFormula(text);
    return null;
  } catch (e) {
    if (e instanceof FormulaError) return { message: e.message, position: e.position, length: e.length, code: e.code, args: e.args };
    // Not the compiler's own error (a bug): still shown at the field, at its start.
    return { message: e instanceof Error ? e.message : String(e), position: 0, length: 1 };
  }
}
