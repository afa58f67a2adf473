/**
 * Colour bar right of the plot: the LUT as a vertical gradient with value ticks, so colours
 * are readable as numbers. For the log scale the ticks sit at (a subset of) the contour levels,
 * placed through the same normaliser as the heatmap, so each tick marks a contour line.
 */
import { format } from 'd3-format';
import type { Selection } from 'd3-selection';
import { colorNormalizer, type GridStats } from './colorScale';
import { lutColor } from './palette';
import type { PlotColors } from '../theme';
import type { ColorScaleKind } from '../types';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Width of the bar itself in px. */
export const COLORBAR_WIDTH = 10;

/** Minimum vertical distance between two colour-bar labels, px (at a 10 px font). */
const MIN_GAP = 18;

/**
 * Colour-bar labels: greedy from the bottom, dropping ticks closer than MIN_GAP px to the last
 * kept one (the top end replaces its too-close neighbour), then formatted with the fewest
 * significant digits (3 to 6) that keep neighbours distinct: log levels near a negative minimum
 * (−1.0316 + 10⁻³) would all read "−1.03" at three digits.
 */
export function colorbarTicks(
  ticks: readonly { v: number; y: number }[],
  minGap = MIN_GAP,
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
  for (let p = 3; p <= 6; p++) {
    const f = format(`.${p}~g`);
    const labels = kept.map((t) => f(t.v));
    if (p === 6 || labels.every((l, i) => i === 0 || l !== labels[i - 1]))
      return kept.map((t, i) => ({ ...t, label: labels[i] }));
  }
  return [];
}

/** At most `max` evenly spread items of a list, ends included. */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}

/** Renders the bar (height px tall) and its ticks into `g`. */
export function renderColorbar(
  g: G,
  gradientId: string,
  height: number,
  stats: GridStats,
  kind: ColorScaleKind,
  thresholds: readonly number[],
  lut: Uint8ClampedArray,
  colors: PlotColors,
  fontPx = 10,
): void {
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
  const norm = colorNormalizer(kind, stats);
  const values =
    stats.max > stats.min ? [stats.min, ...spread(thresholds, 6), stats.max] : [stats.min];
  const ticks = colorbarTicks(
    values.map((v) => ({ v, y: height * (1 - norm(v)) })),
    Math.max(MIN_GAP, fontPx * 1.8),
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
}
