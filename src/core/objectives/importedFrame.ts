/**
 * The surface view's window and the start point for imported data. The generated datasets have
 * hand-picked windows (src/core/objectives/datasets.ts); a user's file can put the optimum
 * anywhere (x in thousands makes w tiny, y in thousands makes b huge), so the window is derived
 * from the data: centred on the known minimum, wide enough to show the loss rise around it,
 * with the start up and to the left of it, as on the generated surfaces.
 */
import { mean, std, type Dataset } from '../data';
import type { Box, KnownMinimum } from './types';

/** Where the start sits in the window, as a fraction of each half-width from the centre. */
const START_OFFSET: readonly [number, number] = [-0.75, 0.75];

/** The smallest of 1, 2, 2.5, 5 × 10^k at least `v` (> 0): window edges land on round numbers. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** `v` rounded to a multiple of `step`, without float residue (−1.2, not −1.2000000000000002). */
const roundTo = (v: number, step: number): number => Number((Math.round(v / step) * step).toPrecision(12)) + 0;

/** Population std, or `fallback` where the column has no spread. */
function spread(col: Float64Array, fallback: number): number {
  const s = std(col, mean(col));
  return s > 0 && Number.isFinite(s) ? s : fallback;
}

/** A window of half-widths (hx, hy) around (cx, cy), on round numbers, and the start in it. */
function frameAround(cx: number, cy: number, hx: number, hy: number): { view: Box; start: [number, number] } {
  const ax = niceCeil(hx), ay = niceCeil(hy);
  const x0 = roundTo(cx, ax / 4), y0 = roundTo(cy, ay / 4);
  const view: Box = { x: [x0 - ax, x0 + ax], y: [y0 - ay, y0 + ay] };
  // Starts on a grid of a fiftieth of the window: a short number in the link.
  const start: [number, number] = [roundTo(x0 + START_OFFSET[0] * ax, ax / 25), roundTo(y0 + START_OFFSET[1] * ay, ay / 25)];
  return { view, start };
}

/**
 * The window and start for an objective on dataset `d` (as the objective sees it, standardized
 * or not) with known minima `minima`. Regression: (w, b) around the least-squares line, w within
 * ±2·σy/σx of it, b over ±2·σy plus the |x̄|·Δw the valley moves b by as w changes. Logistic:
 * (w1, w2) around the optimum (the origin when the classes are separable), each weight within
 * ±4/σ of its feature. Null when the data give no finite window (the caller keeps its own).
 */
export function importedFrame(d: Dataset, minima: readonly KnownMinimum[]): { view: Box; start: [number, number] } | null {
  const best = minima.find((m) => m.global) ?? minima[0];
  let frame: { view: Box; start: [number, number] };
  if (d.kind === 'regression') {
    const [x, y] = d.columns;
    const sx = spread(x, 1);
    const my = mean(y);
    const sy = spread(y, Math.max(1, Math.abs(my)));
    const hw = (2 * sy) / sx;
    const hb = 2 * sy + Math.abs(mean(x)) * hw;
    frame = frameAround(best?.x ?? 0, best?.y ?? my, hw, hb);
  } else {
    const [x1, x2] = d.columns;
    const c1 = best?.x ?? 0, c2 = best?.y ?? 0;
    frame = frameAround(c1, c2, Math.max(1.5 * Math.abs(c1), 4 / spread(x1, 1)), Math.max(1.5 * Math.abs(c2), 4 / spread(x2, 1)));
  }
  const values = [...frame.view.x, ...frame.view.y, ...frame.start];
  return values.every(Number.isFinite) && frame.view.x[1] > frame.view.x[0] && frame.view.y[1] > frame.view.y[0] ? frame : null;
}
