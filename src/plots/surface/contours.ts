/**
 * The contour layer: isolines as SVG paths over the heatmap. Thin, translucent strokes in the
 * theme's ink so they read as a topographic map without hiding the trajectories; every other
 * level is a touch stronger to help the eye count levels.
 */
import type { Selection } from 'd3-selection';
import { contourPaths } from './contourPaths';
import { contourThresholds } from './thresholds';
import type { SampledField } from './heatmap';
import type { ColorMap } from './colorScale';
import type { PlotTheme } from '../types';

/** About this many contour levels per view. */
export const CONTOUR_COUNT = 14;

const INK: Record<PlotTheme, string> = { light: '#0b1020', dark: '#ffffff' };

/**
 * Draws the contours of `s` into `g` (replacing previous ones) at levels matching the heatmap's
 * colour map; returns the thresholds used.
 */
export function renderContours(
  g: Selection<SVGGElement, unknown, null, undefined>,
  s: SampledField,
  map: ColorMap,
  theme: PlotTheme,
): number[] {
  const thresholds = contourThresholds(s.values, map.scale, CONTOUR_COUNT, map.knots);
  const paths = contourPaths(s.values, s.grid, thresholds);
  g.selectAll<SVGPathElement, unknown>('path')
    .data(paths)
    .join('path')
    .attr('class', 'gs-contour')
    .attr('d', (p) => p.d)
    .attr('data-level', (p) => p.value)
    .attr('fill', 'none')
    .attr('stroke', INK[theme])
    .attr('stroke-opacity', (_, i) => (theme === 'light' ? 0.22 : 0.2) + (i % 2 === 0 ? 0.1 : 0))
    .attr('stroke-width', (_, i) => (i % 2 === 0 ? 0.9 : 0.6))
    .attr('stroke-linejoin', 'round')
    .attr('vector-effect', 'non-scaling-stroke');
  return thresholds;
}
