import type { FormulaErrorCode, FormulaErrorInfo } from './types';

/**
 * A formula that failed to tokenize, parse or compile. The message is plain English and already
 * names the position, so the UI can show it as is; `position`/`length` let it underline the
 * offending text.
 */
export class FormulaError extends Error implements FormulaErrorInfo {
  readonly position: number;
  readonly length: number;
  readonly code: FormulaErrorCode;
  readonly args: Readonly<Record<string, string | number>>;

  constructor(message: string, position: number, length = 1, code: FormulaErrorCode = 'invalidParameter', args: Record<string, string | number> = {}) {
    super(message);
    this.name = 'FormulaError';
    this.position = Math.max(0, position);
    this.length = Math.max(1, length);
    this.code = code;
    this.args = args;
  }
}
