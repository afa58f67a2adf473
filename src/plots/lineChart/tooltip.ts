/**
 * Hover read-out of the line chart: a vertical rule at the step under the pointer, a dot on
 * every visible line, and an HTML tooltip listing each visible run's value at that step.
 */
import type { Selection } from 'd3-selection';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import type { LineSeries } from '../types';
import { clampForLog } from './domain';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The x of index i of a series: the step itself, or xs[i] on a compute axis. */
export function xOfIndex(s: LineSeries, i: number): number {
  return s.xs ? s.xs[i] : i;
}

/**
 * The index a series shows at axis position `at`: the step `at` itself on the step axis; on a
 * compute axis (xs) the last index whose x ≤ at. −1 when the series has not reached `at`.
 */
export function indexAtX(s: LineSeries, at: number): number {
  if (at < 0 || s.length === 0) return -1;
  if (!s.xs) return at < s.length ? Math.round(at) : -1;
  const xs = s.xs;
  if (at > xs[s.length - 1]) return -1;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The value of a series at axis position `at`, or NaN when the series has not reached it. */
export function valueAt(s: LineSeries, at: number): number {
  const i = indexAtX(s, at);
  return i < 0 ? NaN : s.values[i];
}

export interface HoverGeometry {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  readonly log: boolean;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
}

/**
 * Draws (step ≥ 0) or hides (step < 0) the rule, dots and tooltip. `step` is the axis position
 * (a step, or gradient evaluations / epochs on a compute axis); `head` titles the tooltip.
 */
export function renderHover(
  g: G,
  tip: HTMLDivElement,
  step: number,
  series: readonly LineSeries[],
  geo: HoverGeometry,
  format: (v: number) => string,
  head: string,
  ruleColor: string,
): void {
  const visible = step >= 0 ? series.filter((s) => !s.hidden) : [];
  g.attr('display', step >= 0 ? null : 'none');
  tip.style.display = step >= 0 ? 'block' : 'none';
  if (step < 0) return;
  const px = geo.x(step);
  g.selectAll('line.gs-rule')
    .data([0])
    .join('line')
    .attr('class', 'gs-rule')
    .attr('x1', px)
    .attr('x2', px)
    .attr('y1', 0)
    .attr('y2', geo.height)
    .attr('stroke', ruleColor)
    .attr('stroke-width', 1)
    .attr('shape-rendering', 'crispEdges');
  const domain = geo.y.domain() as [number, number];
  const dots = visible
    .map((s) => ({ s, v: valueAt(s, step) }))
    .filter((d) => Number.isFinite(d.v) && (!geo.log || Number.isFinite(clampForLog(d.v, domain))));
  g.selectAll<SVGCircleElement, (typeof dots)[number]>('circle')
    .data(dots, (d) => d.s.id)
    .join('circle')
    .attr('r', 3.5)
    .attr('cx', px)
    .attr('cy', (d) => geo.y(geo.log ? clampForLog(d.v, domain) : d.v))
    .attr('fill', (d) => d.s.color)
    .attr('stroke', 'white')
    .attr('stroke-width', 1.25);

  tip.replaceChildren();
  const headEl = tip.ownerDocument.createElement('div');
  headEl.className = 'gs-tt-head';
  headEl.textContent = head;
  tip.appendChild(headEl);
  for (const s of visible) {
    const row = tip.ownerDocument.createElement('div');
    row.className = 'gs-tt-row';
    row.dataset.series = s.id;
    const sw = tip.ownerDocument.createElement('span');
    sw.className = 'gs-tt-sw';
    sw.style.background = s.color;
    const name = tip.ownerDocument.createElement('span');
    name.textContent = s.label;
    const val = tip.ownerDocument.createElement('span');
    val.className = 'gs-tt-val';
    const v = valueAt(s, step);
    val.textContent = indexAtX(s, step) < 0 ? '—' : format(v);
    row.append(sw, name, val);
    tip.appendChild(row);
  }
  // Right of the rule, flipped to the left near the right edge.
  const tw = tip.offsetWidth;
  const left =
    geo.left + px + 12 + tw > geo.left + geo.width ? geo.left + px - 12 - tw : geo.left + px + 12;
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${geo.top + 6}px`;
}
