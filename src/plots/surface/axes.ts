/**
 * Axes of the surface view (d3-axis): x below and y left of the plot area, ticks outward so
 * they never cover the heatmap, tabular digits so labels do not jitter while zooming. Tick
 * counts follow the axis length and the labels' width (../ticks.ts), so labels never overlap,
 * however far the view is zoomed out.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { PlotColors } from '../theme';
import type { TextWidth } from '../textMetrics';
import { compactSpecifier, planTicks, type TickPlan } from '../ticks';
import type { Box } from '../types';
import type { PlotFrame } from './transform';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Tick mark length, px. */
export const TICK_SIZE = 5;

/** Plot text: its size in px and how wide a string is at a size. */
export interface PlotFont {
  readonly size: number;
  readonly width: TextWidth;
}

/** Applies the theme's colours and the plot font to an axis group. */
export function styleAxis(g: G, colors: PlotColors, fontPx: number): void {
  g.attr('font-size', fontPx).attr('font-family', 'inherit');
  g.selectAll('.domain').attr('stroke', colors.muted);
  g.selectAll('.tick line').attr('stroke', colors.muted);
  g.selectAll('.tick text').attr('fill', colors.fg).style('font-variant-numeric', 'tabular-nums');
}

/** Y ticks for a plot area `height` px tall over `view` (decides the left margin). */
export function planYTicks(view: Box, height: number, font: PlotFont): TickPlan {
  const y = scaleLinear().domain(view.y).range([height, 0]);
  return planTicks(y, height, () => font.size * 1.2, font.size * 0.8, compactSpecifier(view.y));
}

/** X ticks for a plot area `width` px wide over `view`. */
export function planXTicks(view: Box, width: number, font: PlotFont): TickPlan {
  const x = scaleLinear().domain(view.x).range([0, width]);
  return planTicks(
    x,
    width,
    (l) => font.width(l, font.size),
    font.size * 1.2,
    compactSpecifier(view.x),
  );
}

/** Renders both axes for the frame. gx/gy are already translated to the plot's edges. */
export function renderAxes(
  gx: G,
  gy: G,
  frame: PlotFrame,
  colors: PlotColors,
  font: PlotFont,
  yPlan: TickPlan = planYTicks(frame.view, frame.height, font),
): void {
  const x = scaleLinear().domain(frame.view.x).range([0, frame.width]);
  const y = scaleLinear().domain(frame.view.y).range([frame.height, 0]);
  const xPlan = planXTicks(frame.view, frame.width, font);
  gx.call(
    axisBottom(x)
      .tickValues(xPlan.values)
      .tickFormat((_, i) => xPlan.labels[i] ?? '')
      .tickSizeOuter(0)
      .tickSize(TICK_SIZE),
  );
  gy.call(
    axisLeft(y)
      .tickValues(yPlan.values)
      .tickFormat((_, i) => yPlan.labels[i] ?? '')
      .tickSizeOuter(0)
      .tickSize(TICK_SIZE),
  );
  styleAxis(gx, colors, font.size);
  styleAxis(gy, colors, font.size);
}
