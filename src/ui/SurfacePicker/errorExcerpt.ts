/**
 * The part of a formula shown under its error: the whole text when it is short, else a window
 * around the marked characters with ellipses, so a 2,000-character paste does not fill the
 * panel. The mark itself is shortened in its middle when it is longer than the window.
 */
export interface Excerpt {
  readonly before: string;
  readonly mark: string;
  readonly after: string;
}

const ELLIPSIS = '…';

export function errorExcerpt(text: string, position: number, length: number, context = 24): Excerpt {
  const start = Math.min(Math.max(0, position), text.length);
  const end = Math.min(text.length, start + Math.max(0, length));
  let mark = text.slice(start, end);
  if (mark.length > 2 * context) mark = mark.slice(0, context) + ELLIPSIS + mark.slice(-context);
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? ELLIPSIS : '') + text.slice(from, start),
    mark,
    after: text.slice(end, to) + (to < text.length ? ELLIPSIS : ''),
  };
}
