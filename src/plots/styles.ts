/**
 * The few rules the plots need that inline styles cannot express (focus ring, tooltip), added
 * once per document. Colours come from the --gs-* custom properties (see theme.ts).
 */
const STYLE_ID = 'gs-plot-styles';

const CSS = `
.gs-plot { position: relative; font-size: var(--gs-text-plot, 12px); outline: none; user-select: none; -webkit-user-select: none; }
.gs-plot:focus-visible { box-shadow: 0 0 0 2px var(--gs-accent, #e4572e); border-radius: 3px; }
.gs-surface { touch-action: pan-y; }
.gs-plot canvas, .gs-plot svg { position: absolute; display: block; }
.gs-plot svg text { font-variant-numeric: tabular-nums; }
.gs-tooltip { position: absolute; pointer-events: none; z-index: 2; padding: 6px 8px; border-radius: 6px;
  font: var(--gs-text-plot, 12px)/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-variant-numeric: tabular-nums;
  color: var(--gs-fg, #1f2430); background: var(--gs-bg, #fff); border: 1px solid var(--gs-grid, #d5d9e0);
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.14); white-space: nowrap; }
.gs-tooltip .gs-tt-head { color: var(--gs-muted, #5b6372); margin-bottom: 2px; }
.gs-tooltip .gs-tt-row { display: flex; align-items: center; gap: 6px; }
.gs-tooltip .gs-tt-sw { width: 10px; height: 3px; border-radius: 2px; flex: none; }
.gs-tooltip .gs-tt-val { margin-left: auto; padding-left: 12px; }
`;

/** Inserts the plot stylesheet into `doc` unless it is already there. */
export function ensurePlotStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}
