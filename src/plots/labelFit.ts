/**
 * Axis titles that fit their axis: wrapped at spaces (or between CJK characters, which take
 * no spaces) onto at most `maxLines` lines, the last one shortened with an ellipsis when the
 * text is still too long. Pure: text is measured by a function the caller passes in.
 */

const ELLIPSIS = '…';
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Breakable pieces: words with their trailing space, and CJK characters one by one. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/(?<= )/)) {
    let run = '';
    for (const ch of word) {
      if (CJK.test(ch)) {
        if (run) out.push(run);
        run = '';
        out.push(ch);
      } else run += ch;
    }
    if (run) out.push(run);
  }
  return out;
}

/** `text` shortened (with …) to the longest prefix whose width is ≤ maxPx. */
export function ellipsize(text: string, maxPx: number, width: (s: string) => number): string {
  if (width(text) <= maxPx) return text;
  const chars = Array.from(text);
  for (let n = chars.length - 1; n > 0; n--) {
    const s = chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
    if (width(s) <= maxPx) return s;
  }
  return ELLIPSIS;
}

/**
 * Lines of `text` no wider than `maxPx`: greedy wrapping, at most `maxLines` lines; words
 * longer than a line and the rest beyond the last line are shortened with an ellipsis.
 */
export function wrapLabel(
  text: string,
  maxPx: number,
  width: (s: string) => number,
  maxLines = 2,
): string[] {
  const t = text.trim();
  if (width(t) <= maxPx || maxLines <= 1) return [ellipsize(t, maxPx, width)];
  const lines: string[] = [];
  let line = '';
  const parts = pieces(t);
  for (let i = 0; i < parts.length; i++) {
    const next = line + parts[i];
    if (line && width(next.trimEnd()) > maxPx) {
      if (lines.length === maxLines - 1) {
        lines.push(ellipsize(line + parts.slice(i).join(''), maxPx, width));
        return lines;
      }
      lines.push(ellipsize(line.trimEnd(), maxPx, width));
      line = parts[i];
    } else line = next;
  }
  if (line) lines.push(ellipsize(line.trimEnd(), maxPx, width));
  return lines;
}
