/**
 * Plot text size and width in the DOM. The size is the computed font size of the plot's root,
 * which the host page sets from its type scale (--gs-text-plot); widths come from a canvas 2D
 * context, which measures without a layout pass.
 */

/** Plot font size when the page sets none, px. */
export const FALLBACK_FONT_PX = 12;

/** The plot root's computed font size in px (`.gs-plot` uses var(--gs-text-plot)). */
export function readPlotFontSize(el: Element): number {
  const v = parseFloat(getComputedStyle(el).fontSize);
  return Number.isFinite(v) && v > 0 ? v : FALLBACK_FONT_PX;
}

/** Width of `text` at `sizePx` in `el`'s font family, px. */
export type TextWidth = (text: string, sizePx: number) => number;

/** A text-width function for the fonts of `el` (0.6 em per character without a canvas). */
export function createTextWidth(el: Element): TextWidth {
  const ctx = el.ownerDocument.createElement('canvas').getContext('2d');
  const family = getComputedStyle(el).fontFamily || 'system-ui, sans-serif';
  const cache = new Map<string, number>();
  return (text, sizePx) => {
    const key = `${sizePx}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        ctx.font = `${sizePx}px ${family}`;
        w = ctx.measureText(text).width;
      } else w = text.length * sizePx * 0.6;
      if (cache.size > 2000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}
