/**
 * Axes of the surface view (d3-axis): x below and y left of the plot area, ticks outward so
 * they never cover the heatmap, tabular digits so labels do not jitter while zooming.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import type { PlotColors } from '../theme';
import type { PlotFrame } from './transform';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Applies the theme's colours and font to an axis group. */
export function styleAxis(g: G, colors: PlotColors): void {
  g.attr('font-size', 11).attr('font-family', 'inherit');
  g.selectAll('.domain').attr('stroke', colors.muted);
  g.selectAll('.tick line').attr('stroke', colors.muted);
  g.selectAll('.tick text').attr('fill', colors.fg).style('font-variant-numeric', 'tabular-nums');
}

/** Renders both axes for the frame. gx/gy are already translated to the plot's edges. */
export function renderAxes(gx: G, gy: G, frame: PlotFrame, colors: PlotColors): void {
  const x = scaleLinear().domain(frame.view.x).range([0, frame.width]);
  const y = scaleLinear().domain(frame.view.y).range([frame.height, 0]);
  gx.call(
    axisBottom(x)
      .ticks(Math.max(2, Math.round(frame.width / 90)))
      .tickSizeOuter(0)
      .tickSize(5),
  );
  gy.call(
    axisLeft(y)
      .ticks(Math.max(2, Math.round(frame.height / 60)))
      .tickSizeOuter(0)
      .tickSize(5),
  );
  styleAxis(gx, colors);
  styleAxis(gy, colors);
}
