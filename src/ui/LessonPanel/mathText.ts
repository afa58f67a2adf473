/**
 * Lesson texts mark inline LaTeX with `$…$` (the catalogues keep prose and formulas in one
 * sentence, so a translation can move a formula where its grammar needs it).
 */

/**
 * A piece of a lesson text: prose, or LaTeX to render inline. A formula carries the brackets
 * and punctuation that touch it (`lead`, `tail`), so the card can keep them on its line: a
 * line must not start with "，" or end with "（" (Chinese text breaks between any characters).
 */
export type TextPiece =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'math'; readonly value: string; readonly lead: string; readonly tail: string };

const LEAD = /[(（“‘"]+$/;
const TAIL = /^[)）”’",.;:!?，。；：、！？]+/;

/**
 * Splits `text` at its `$` delimiters: odd pieces are math. An unpaired `$` (a translation
 * slip) is kept as prose rather than swallowing the rest of the sentence into a formula.
 */
export function splitMath(text: string): TextPiece[] {
  const parts = text.split('$');
  if (parts.length % 2 === 0) return [{ kind: 'text', value: text }];
  const out: TextPiece[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    let prose = parts[i];
    if (i > 0) {
      const tail = TAIL.exec(prose)?.[0] ?? '';
      const math = out.pop() as Extract<TextPiece, { kind: 'math' }>;
      out.push({ ...math, tail });
      prose = prose.slice(tail.length);
    }
    const lead = i + 1 < parts.length ? (LEAD.exec(prose)?.[0] ?? '') : '';
    prose = prose.slice(0, prose.length - lead.length);
    if (prose !== '') out.push({ kind: 'text', value: prose });
    if (i + 1 < parts.length) out.push({ kind: 'math', value: parts[i + 1], lead, tail: '' });
  }
  return out;
}
