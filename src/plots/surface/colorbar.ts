/**
 * Colour bar right of the plot: the LUT as a vertical gradient with value ticks, so colours
 * are readable as numbers. For the log scale the ticks sit at (a subset of) the contour levels,
 * placed through the same normaliser as the heatmap, so each tick marks a contour line. On the
 * rank scale (colour by quantile) a caption under the bar says so: equal heights of the bar are
 * equal shares of the view, not equal steps of value.
 */
import { format } from 'd3-format';
import type { Selection } from 'd3-selection';
import { mapNormalizer, type ColorMap } from './colorScale';
import { lutColor } from './palette';
import type { PlotColors } from '../theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Width of the bar itself in px. */
export const COLORBAR_WIDTH = 10;

/** Minimum vertical distance between two colour-bar labels, px (at a 10 px font). */
const MIN_GAP = 18;

/**
 * Colour-bar labels: greedy from the bottom, dropping ticks closer than MIN_GAP px to the last
 * kept one (the top end replaces its too-close neighbour), then formatted with the fewest
 * significant digits (3 to 6) that keep neighbours distinct: log levels near a negative minimum
 * (−1.0316 + 10⁻³) would all read "−1.03" at three digits. A label that `fits` refuses (wider
 * than the room beside the bar) is written compactly instead (compactLabel).
 */
export function colorbarTicks(
  ticks: readonly { v: number; y: number }[],
  minGap = MIN_GAP,
  fits: (label: string) => boolean = () => true,
): { v: number; y: number; label: string }[] {
  const kept: { v: number; y: number }[] = [];
  for (const t of ticks) {
    const last = kept[kept.length - 1];
    if (!last || Math.abs(last.y - t.y) >= minGap) kept.push(t);
  }
  const top = ticks[ticks.length - 1];
  if (top && kept[kept.length - 1] !== top) {
    if (kept.length > 1) kept.pop();
    kept.push(top);
  }
  const fit = (labels: string[]) => labels.map((l) => (fits(l) ? l : compactLabel(l)));
  for (let p = 3; p <= 6; p++) {
    const f = format(`.${p}~g`);
    const labels = fit(kept.map((t) => f(t.v)));
    if (p === 6 || labels.every((l, i) => i === 0 || l !== labels[i - 1]))
      return kept.map((t, i) => ({ ...t, label: labels[i] }));
  }
  return [];
}

/**
 * A label in the fewest characters d3 can give: two significant digits, and an exponent
 * without its '+' ("1.12037e+280" -> "1.1e280"), for labels wider than the room beside the bar.
 */
export function compactLabel(label: string): string {
  const v = Number(label.replace('−', '-'));
  if (!Number.isFinite(v)) return label;
  return format('.2~g')(v).replace('e+', 'e');
}

/** At most `max` evenly spread items of a list, ends included. */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}

/** Text of the colour bar: label fitting, and the caption shown on the rank scale. */
export interface ColorbarText {
  readonly fontPx: number;
  /** Width of the room for tick labels right of the bar, px, and a measure of text at fontPx. */
  readonly maxLabelWidth: number;
  readonly width: (s: string) => number;
  /** Caption under the bar on the rank scale, e.g. "by rank". */
  readonly rankCaption: string;
  /** Its tooltip: what the rank scale means. */
  readonly rankTitle: string;
}

/** Renders the bar (height px tall), its ticks and (rank scale) its caption into `g`. */
export function renderColorbar(
  g: G,
  gradientId: string,
  height: number,
  map: ColorMap,
  thresholds: readonly number[],
  lut: Uint8ClampedArray,
  colors: PlotColors,
  text: ColorbarText,
): void {
  const { fontPx } = text;
  const { stats } = map;
  const stops = Array.from({ length: 17 }, (_, i) => i / 16);
  const grad = g
    .selectAll<SVGLinearGradientElement, unknown>('linearGradient')
    .data([0])
    .join('linearGradient')
    .attr('id', gradientId)
    .attr('x1', 0)
    .attr('x2', 0)
    .attr('y1', 1)
    .attr('y2', 0);
  grad
    .selectAll('stop')
    .data(stops)
    .join('stop')
    .attr('offset', (t) => t)
    .attr('stop-color', (t) => lutColor(lut, t));
  g.selectAll('rect.gs-bar')
    .data([0])
    .join('rect')
    .attr('class', 'gs-bar')
    .attr('width', COLORBAR_WIDTH)
    .attr('height', height)
    .attr('fill', `url(#${gradientId})`)
    .attr('stroke', colors.muted)
    .attr('stroke-width', 0.5);
  const norm = mapNormalizer(map);
  const values =
    stats.max > stats.min ? [stats.min, ...spread(thresholds, 6), stats.max] : [stats.min];
  const ticks = colorbarTicks(
    values.map((v) => ({ v, y: height * (1 - norm(v)) })),
    Math.max(MIN_GAP, fontPx * 1.8),
    (label) => text.width(label) <= text.maxLabelWidth,
  );
  const tick = g
    .selectAll<SVGGElement, { v: number; y: number; label: string }>('g.gs-ctick')
    .data(ticks)
    .join((enter) => {
      const t = enter.append('g').attr('class', 'gs-ctick');
      t.append('line');
      t.append('text');
      return t;
    })
    .attr('transform', (t) => `translate(0,${t.y})`);
  tick
    .select('line')
    .attr('x1', COLORBAR_WIDTH)
    .attr('x2', COLORBAR_WIDTH + 4)
    .attr('stroke', colors.muted);
  tick
    .select('text')
    .attr('x', COLORBAR_WIDTH + 6)
    .attr('dy', '0.32em')
    .attr('font-size', fontPx)
    .attr('fill', colors.fg)
    .style('font-variant-numeric', 'tabular-nums')
    .text((t) => t.label);
  const caption = g
    .selectAll<SVGTextElement, string>('text.gs-bar-caption')
    .data(map.scale === 'rank' ? [text.rankCaption] : [])
    .join((enter) => {
      const t = enter.append('text');
      t.append('tspan');
      t.append('title');
      return t;
    })
    .attr('class', 'gs-bar-caption')
    .attr('data-testid', 'colorbar-caption')
    .attr('x', 0)
    .attr('y', height + fontPx * 1.6)
    .attr('font-size', fontPx)
    .attr('fill', colors.muted)
    .style('pointer-events', 'auto');
  caption.select('tspan').text((d) => d);
  caption.select('title').text(text.rankTitle);
}
