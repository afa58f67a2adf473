/**
 * Pure contour geometry: d3-contour isolines on the sample grid, turned into SVG path strings in
 * plot pixels. Grid coordinate c (samples at c = i + 0.5) maps to pixel c · cell size, the same
 * placement as the heatmap's cells. No d3-geo: the rings are written as M/L/Z directly.
 */
import { contours } from 'd3-contour';
import type { GridSpec } from './transform';

/** One contour level as an SVG path in plot pixels. */
export interface ContourPath {
  readonly value: number;
  readonly d: string;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** Path data of a MultiPolygon in grid coordinates, scaled to pixels. */
export function multiPolygonPath(
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[],
  sx: number,
  sy: number,
): string {
  let d = '';
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      if (ring.length < 2) continue;
      d += `M${r(ring[0][0] * sx)},${r(ring[0][1] * sy)}`;
      for (let i = 1; i < ring.length; i++) d += `L${r(ring[i][0] * sx)},${r(ring[i][1] * sy)}`;
      d += 'Z';
    }
  }
  return d;
}

/**
 * Isolines of `values` (nx × ny, row-major from the top, finite — see sanitizeGrid) at the
 * given thresholds. Levels with no line in view are left out.
 */
export function contourPaths(
  values: Float64Array,
  grid: GridSpec,
  thresholds: readonly number[],
): ContourPath[] {
  if (thresholds.length === 0) return [];
  const gen = contours()
    .size([grid.nx, grid.ny])
    .thresholds(thresholds as number[]);
  const out: ContourPath[] = [];
  for (const mp of gen(values as unknown as number[])) {
    const d = multiPolygonPath(mp.coordinates, grid.cellW, grid.cellH);
    if (d) out.push({ value: mp.value, d });
  }
  return out;
}
