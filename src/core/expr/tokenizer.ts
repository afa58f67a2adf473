import { FormulaError } from './errors';

/** Kinds of token the parser sees. */
export type TokenKind = 'num' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

/** One token with its place in the source (for error messages). */
export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token ('' for 'end'). */
  readonly text: string;
  /** 0-based offset in the source. */
  readonly pos: number;
  /** Numeric value for 'num' tokens. */
  readonly value: number;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);

/** Largest finite float32: literals beyond it would become Infinity on the GPU. */
const F32_MAX = 3.4028234663852886e38;

/**
 * Splits a formula into tokens. Numbers: `123`, `1.5`, `.5`, `1e-3`, `2.5E+4`. An `e` after a
 * number is an exponent only when digits follow, so `2e` stays `2` `e` (and the parser then
 * reports implicit multiplication rather than a baffling number error).
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      while (isDigit(source[i] ?? '')) i++;
      if (source[i] === '.') {
        i++;
        while (isDigit(source[i] ?? '')) i++;
      }
      if (/[eE]/.test(source[i] ?? '')) {
        const sign = /[+-]/.test(source[i + 1] ?? '') ? 1 : 0;
        if (isDigit(source[i + 1 + sign] ?? '')) {
          i += 1 + sign;
          while (isDigit(source[i] ?? '')) i++;
        }
      }
      // A second dot ("1..2", "1.2.3") is a typo inside one number, not two numbers.
      if (source[i] === '.') {
        while (/[0-9.]/.test(source[i] ?? '')) i++;
        const text = source.slice(start, i);
        throw new FormulaError(`Malformed number '${text}' at position ${start}`, start, text.length, 'malformedNumber', { text });
      }
      const text = source.slice(start, i);
      const value = Number(text);
      if (!(Math.abs(value) <= F32_MAX)) {
        throw new FormulaError(`Number '${text}' at position ${start} is too large for 32-bit floats`, start, text.length, 'numberTooLarge', { text });
      }
      tokens.push({ kind: 'num', text, pos: start, value });
      continue;
    }
    if (c === '.') {
      throw new FormulaError(`Malformed number '.' at position ${start}`, start, 1, 'malformedNumber', { text: '.' });
    }
    if (isIdentStart(c)) {
      while (isIdentChar(source[i] ?? '')) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), pos: start, value: 0 });
      continue;
    }
    const single: Partial<Record<string, TokenKind>> = {
      '+': 'op', '-': 'op', '*': 'op', '/': 'op', '^': 'op', '(': 'lparen', ')': 'rparen', ',': 'comma',
    };
    const kind = single[c];
    if (kind === undefined) {
      // The whole code point: an emoji or other astral character is two UTF-16 units, and
      // marking only the first would split it into two broken glyphs in the message and mark.
      const char = String.fromCodePoint(source.codePointAt(i)!);
      throw new FormulaError(`Unexpected character '${char}' at position ${start}`, start, char.length, 'unexpectedCharacter', { char });
    }
    tokens.push({ kind, text: c, pos: start, value: 0 });
    i++;
  }
  tokens.push({ kind: 'end', text: '', pos: source.length, value: 0 });
  return tokens;
}
