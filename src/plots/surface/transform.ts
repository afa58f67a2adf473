/**
 * Pure pixel <-> data transforms of the surface view. Pixel space is the plot area in CSS
 * pixels, origin top-left, y down; data space has y up. Grid samples sit at cell centres
 * ((i + 0.5) cells), which is where d3-contour's linear smoothing places them too, so heatmap
 * pixels and contour lines line up exactly.
 */
import type { Box } from '../types';

/** The plot area: a data window mapped onto width × height CSS pixels. */
export interface PlotFrame {
  readonly view: Box;
  readonly width: number;
  readonly height: number;
}

/** Data -> pixel (CSS px within the plot area). */
export function dataToPixel(f: PlotFrame, x: number, y: number): [number, number] {
  const [x0, x1] = f.view.x;
  const [y0, y1] = f.view.y;
  return [((x - x0) / (x1 - x0)) * f.width, ((y1 - y) / (y1 - y0)) * f.height];
}

/** Pixel (CSS px within the plot area) -> data. */
export function pixelToData(f: PlotFrame, px: number, py: number): [number, number] {
  const [x0, x1] = f.view.x;
  const [y0, y1] = f.view.y;
  return [x0 + (px / f.width) * (x1 - x0), y1 - (py / f.height) * (y1 - y0)];
}

/** Data size of one CSS pixel, per axis. */
export function pixelDataSize(f: PlotFrame): [number, number] {
  return [(f.view.x[1] - f.view.x[0]) / f.width, (f.view.y[1] - f.view.y[0]) / f.height];
}

/** The sampling grid of the heatmap/contours. */
export interface GridSpec {
  /** Samples per row / column. */
  readonly nx: number;
  readonly ny: number;
  /** CSS px per cell (≈ cssPxPerSample, exact so nx·cellW = width). */
  readonly cellW: number;
  readonly cellH: number;
}

/**
 * Grid for a plot of width × height CSS px at about one sample per `cssPxPerSample` px.
 * At least 2 × 2 so contours have something to trace; fails fast on a bad size.
 */
export function gridSpec(width: number, height: number, cssPxPerSample: number): GridSpec {
  if (!(width > 0 && height > 0)) throw new Error(`gridSpec: bad plot size ${width}×${height}`);
  if (!(cssPxPerSample > 0)) throw new Error(`gridSpec: bad sample spacing ${cssPxPerSample}`);
  const nx = Math.max(2, Math.round(width / cssPxPerSample));
  const ny = Math.max(2, Math.round(height / cssPxPerSample));
  return { nx, ny, cellW: width / nx, cellH: height / ny };
}

/**
 * Evaluates `f` on the grid, row-major from the TOP row (max y) down, the layout both
 * ImageData and d3-contour expect.
 */
export function sampleGrid(
  view: Box,
  grid: GridSpec,
  f: (x: number, y: number) => number,
): Float64Array {
  const { nx, ny } = grid;
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const out = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y1 - (j + 0.5) * dy;
    const row = j * nx;
    for (let i = 0; i < nx; i++) out[row + i] = f(x0 + (i + 0.5) * dx, y);
  }
  return out;
}

/**
 * The data window after a d3-zoom transform {k, x: tx, y: ty} applied to `base` (the window at
 * the start of the gesture): screen px p shows what base showed at (p − t)/k.
 */
export function zoomedView(base: PlotFrame, k: number, tx: number, ty: number): Box {
  const [ax, ay] = pixelToData(base, (0 - tx) / k, (0 - ty) / k);
  const [bx, by] = pixelToData(base, (base.width - tx) / k, (base.height - ty) / k);
  return { x: [ax, bx], y: [by, ay] };
}

/** The start moved by (dx, dy) fractions of the view's width / height (keyboard nudges). */
export function nudgePoint(
  p: readonly [number, number],
  view: Box,
  fx: number,
  fy: number,
): [number, number] {
  return [p[0] + fx * (view.x[1] - view.x[0]), p[1] + fy * (view.y[1] - view.y[0])];
}

/**
 * Keeps a pixel coordinate within [lo − pad, hi + pad]: far-away trajectory points (diverged
 * runs reach 1e30) would otherwise overflow canvas geometry and draw nothing at all.
 */
export function clampPixel(v: number, lo: number, hi: number, pad = 1000): number {
  return v < lo - pad ? lo - pad : v > hi + pad ? hi + pad : v;
}

/** Whether two windows are equal (for change detection). */
export function sameBox(a: Box, b: Box): boolean {
  return a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];
}
