/**
 * The heatmap layer: samples the field on the grid and paints it onto a canvas through the
 * colour LUT. The grid (≈ one sample per 2.5 CSS px) is painted into an nx × ny image and
 * scaled up with bilinear smoothing onto a device-pixel-sized canvas: smooth gradients at a
 * fraction of the evaluations of one per device pixel.
 */
import { gridStats, mapNormalizer, sanitizeGrid, type ColorMap, type GridStats } from './colorScale';
import { LUT_SIZE } from './palette';
import { sampleGrid, type GridSpec } from './transform';
import type { Box, SurfaceField } from '../types';

/** A sampled field: finite values (see sanitizeGrid) and their stats. */
export interface SampledField {
  readonly grid: GridSpec;
  readonly view: Box;
  readonly values: Float64Array;
  readonly stats: GridStats;
}

/** Samples and sanitises the field on the grid over the view. */
export function sampleField(field: SurfaceField, view: Box, grid: GridSpec): SampledField {
  const raw = sampleGrid(view, grid, (x, y) => field.evaluate(x, y));
  const stats = gridStats(raw);
  return { grid, view, values: sanitizeGrid(raw, stats), stats };
}

/**
 * Paints the sampled field onto `canvas` (sized by the caller to width·dpr × height·dpr).
 * `scratch` is a reusable offscreen canvas for the nx × ny image.
 */
export function paintHeatmap(
  canvas: HTMLCanvasElement,
  scratch: HTMLCanvasElement,
  s: SampledField,
  map: ColorMap,
  lut: Uint8ClampedArray,
): void {
  const { nx, ny } = s.grid;
  if (scratch.width !== nx) scratch.width = nx;
  if (scratch.height !== ny) scratch.height = ny;
  const sctx = scratch.getContext('2d');
  const ctx = canvas.getContext('2d');
  if (!sctx || !ctx) return;
  const img = sctx.createImageData(nx, ny);
  const px = img.data;
  const norm = mapNormalizer(map);
  const top = LUT_SIZE - 1;
  for (let i = 0; i < s.values.length; i++) {
    const k = Math.round(norm(s.values[i]) * top) * 4;
    const o = 4 * i;
    px[o] = lut[k];
    px[o + 1] = lut[k + 1];
    px[o + 2] = lut[k + 2];
    px[o + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(scratch, 0, 0, canvas.width, canvas.height);
}
