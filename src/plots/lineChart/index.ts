/**
 * createLineChart: loss (or any per-step value) of every run against the step index, SVG with
 * d3-shape lines, log or linear y, diverged runs marked with × and a label, and a hover
 * read-out. update() only stores the state; the chart redraws at most once per animation frame.
 * Each series is min/max-downsampled to ≤ 2 points per pixel column first (downsample.ts).
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { format as d3format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { area, line, symbol, symbolCross } from 'd3-shape';
import { clampForLog, divergenceCap, formatLogTick, linearDomain, logDomain } from './domain';
import { downsampleBand, downsampleMinMax, type BandPoints, type Points } from './downsample';
import { renderHover, xOfIndex } from './tooltip';
import { styleAxis } from '../surface/axes';
import { wrapLabel } from '../labelFit';
import { createTextWidth, FALLBACK_FONT_PX, readPlotFontSize } from '../textMetrics';
import { planTicks, tickCount } from '../ticks';
import { ensurePlotStyles } from '../styles';
import { readPlotColors } from '../theme';
import type { LineChart, LineChartOptions, LineChartState, LineSeries } from '../types';
import { createFrameLoop } from '../frameLoop';

/** Fixed margins, px; the left and bottom ones follow the font and the labels (layout()). */
const MARGIN_TOP = 10;
const MARGIN_RIGHT = 18;
const TICK = 6;
const SVG_NS = 'http://www.w3.org/2000/svg';
// Steps: 500, 1k, 2.5k (tickFormat('~s') would write 0k and 0.5k).
const DEFAULT_X_FORMAT = '~s';
// The hover read-out on a compute axis: 4 significant digits with separators (123,500; 2.5).
const hoverFmt = d3format(',.4~r');
const cross = symbol(symbolCross, 64)() ?? '';
let instances = 0;

/** Last finite value of a series at or before `step` (where its × is drawn). */
export function lastFiniteAtOrBefore(s: LineSeries, step: number): number {
  for (let i = Math.min(step, s.length - 1); i >= 0; i--)
    if (Number.isFinite(s.values[i])) return s.values[i];
  return NaN;
}

export function createLineChart(el: HTMLElement, options: LineChartOptions): LineChart {
  const doc = el.ownerDocument;
  ensurePlotStyles(doc);
  const fmt = options.formatValue ?? d3format('.4~g');
  const root = doc.createElement('div');
  root.className = 'gs-plot gs-linechart';
  root.dataset.testid = options.testId ?? 'line-chart';
  Object.assign(root.style, { width: '100%', height: '100%', minHeight: '140px' });
  const svgEl = doc.createElementNS(SVG_NS, 'svg');
  const tip = doc.createElement('div');
  tip.className = 'gs-tooltip';
  tip.dataset.testid = 'chart-tooltip';
  tip.style.display = 'none';
  root.append(svgEl, tip);
  el.appendChild(root);

  const svg = select(svgEl)
    .attr('role', 'img')
    .attr('aria-label', options.ariaLabel)
    .style('left', 0)
    .style('top', 0);
  const plot = svg.append('g');
  const gGrid = plot.append('g').attr('class', 'gs-grid');
  const gx = plot.append('g');
  const gy = plot.append('g');
  const clipId = `gs-linechart-${++instances}-clip`;
  const clipRect = svg
    .append('defs')
    .append('clipPath')
    .attr('id', clipId)
    .append('rect')
    .attr('y', -2);
  const gBands = plot.append('g').attr('clip-path', `url(#${clipId})`);
  const gLines = plot.append('g').attr('fill', 'none').attr('clip-path', `url(#${clipId})`);
  const gMarks = plot.append('g');
  const gHover = plot.append('g').attr('pointer-events', 'none');
  const capture = plot.append('rect').attr('fill', 'transparent');
  // Axis titles: wrapped or shortened to their axis (labelFit.ts); the full text stays in a
  // <title> (hover) and in the chart's aria-label.
  const xLab = svg.append('text').attr('text-anchor', 'middle').attr('data-testid', 'axis-title-x');
  const yLab = svg.append('text').attr('text-anchor', 'middle').attr('data-testid', 'axis-title-y');
  const xTitle = xLab.append('title').text(options.xLabel);
  yLab.append('title').text(options.yLabel);
  const textWidth = createTextWidth(root);
  let fontPx = FALLBACK_FONT_PX;
  let fontRead = false;

  let state: LineChartState | null = null;
  let hoverPx = -1;
  let W = 0;
  let H = 0;
  let colorsFor: string | null = null;
  let colors = readPlotColors(root, 'light');

  const loop = createFrameLoop(root, render, (w, h) => {
    W = w;
    H = h;
    fontRead = false;
  });
  const schedule = loop.schedule;

  function render(): void {
    if (!state) return;
    if (W === 0 || H === 0) {
      const r = root.getBoundingClientRect();
      W = Math.round(r.width);
      H = Math.round(r.height);
    }
    const s = state;
    // getComputedStyle forces a style recalculation: read the theme and the font size only
    // when the theme or the size changes.
    if (colorsFor !== s.theme) {
      colors = readPlotColors(root, s.theme);
      colorsFor = s.theme;
      fontRead = false;
    }
    if (!fontRead) {
      fontPx = readPlotFontSize(root);
      fontRead = true;
    }
    const fs = fontPx;
    const lineH = fs * 1.2;
    const width = (t: string) => textWidth(t, fs);
    const bottom = Math.ceil(TICK + 3 + lineH + 4 + lineH + 2);
    const h = H - MARGIN_TOP - bottom;
    if (h < 20 || W < 60) return;
    const yTitle = wrapLabel(options.yLabel, h, width, 2);
    const log = s.yScale === 'log';
    const xLabel = s.xLabel ?? options.xLabel;
    const xFmt = d3format(s.xFormat ?? DEFAULT_X_FORMAT);
    const xMax = Math.max(
      s.series.some((x) => x.xs) ? 0 : 1,
      s.xMax,
      ...s.series.map((x) => (x.length > 0 ? xOfIndex(x, x.length - 1) : 0)),
    );
    // Downsampled to the widest the plot area can be (the left margin is known only later).
    const wMax = W - MARGIN_RIGHT;
    const x = scaleLinear().domain([0, xMax]);
    const visible = s.series.filter((x) => !x.hidden);
    const pts = new Map<string, Points>();
    let total = 0;
    for (const ser of visible) {
      const p = downsampleMinMax(ser.values, ser.length, xMax, wMax, ser.xs);
      pts.set(ser.id, p);
      total += p.length;
    }
    const bands = new Map<string, BandPoints>();
    for (const ser of visible) {
      if (!ser.band) continue;
      const b = downsampleBand(ser.band.lo, ser.band.hi, ser.length, xMax, wMax / 2, ser.xs);
      bands.set(ser.id, b);
      total += 2 * b.length;
    }
    const all = new Float64Array(total);
    let k = 0;
    for (const p of pts.values()) {
      all.set(p.y, k);
      k += p.length;
    }
    for (const b of bands.values()) {
      all.set(b.lo, k);
      all.set(b.hi, k + b.length);
      k += 2 * b.length;
    }
    const cap = divergenceCap(
      visible.map((ser) => (ser.length > 0 ? ser.values[0] : NaN)),
      all,
      log ? 'log' : 'linear',
    );
    const y0 = log
      ? scaleLog().domain(logDomain(all, cap)).range([h, 0]).nice()
      : scaleLinear().domain(linearDomain(all, cap)).range([h, 0]).nice();
    const y = y0;
    const dom = y.domain() as [number, number];
    // Log axes: d3 proposes 1…9 × 10ⁿ; keep only the decades when those already fill the axis.
    let yTickValues: number[];
    let yLabels: string[];
    if (log) {
      const yTicks = tickCount(h, lineH, fs * 1.8);
      yTickValues = y.ticks(yTicks);
      const decades = yTickValues.filter((t) => formatLogTick(t) !== '');
      if (decades.length >= 3)
        yTickValues = decades.filter(
          (_, i, a) => a.length <= yTicks + 2 || i % Math.ceil(a.length / (yTicks + 1)) === 0,
        );
      yLabels = yTickValues.map((t) => formatLogTick(t));
    } else {
      const plan = planTicks(y, h, () => lineH, fs * 1.2, '~g');
      yTickValues = plan.values;
      yLabels = plan.labels;
    }
    // Left margin: title lines, the widest tick label, the tick.
    const left = Math.ceil(
      4 + yTitle.length * lineH + 4 + Math.max(width('0.0'), ...yLabels.map(width)) + TICK + 3,
    );
    const w = W - left - MARGIN_RIGHT;
    if (w < 20) return;
    x.range([0, w]);
    const xPlan = planTicks(x, w, width, fs * 1.5, () => xFmt);
    plot.attr('transform', `translate(${left},${MARGIN_TOP})`);
    clipRect.attr('width', w).attr('height', h + 4);

    svg.attr('width', W).attr('height', H);
    capture.attr('width', w).attr('height', h);
    gx.attr('transform', `translate(0,${h})`).call(
      axisBottom(x)
        .tickValues(xPlan.values)
        .tickFormat((_, i) => xPlan.labels[i] ?? '')
        .tickSize(TICK)
        .tickSizeOuter(0),
    );
    gy.call(
      axisLeft(y)
        .tickValues(yTickValues)
        .tickFormat((_, i) => yLabels[i] ?? '')
        .tickSize(TICK)
        .tickSizeOuter(0),
    );
    styleAxis(gx, colors, fs);
    styleAxis(gy, colors, fs);
    gGrid
      .selectAll('line')
      .data(yTickValues)
      .join('line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', (t) => Math.round(y(t)) + 0.5)
      .attr('y2', (t) => Math.round(y(t)) + 0.5)
      .attr('stroke', colors.grid)
      .attr('stroke-width', 1);
    xLab
      .attr('x', left + w / 2)
      .attr('y', H - 4 - fs * 0.25)
      .attr('font-size', fs)
      .attr('fill', colors.muted);
    xLab.selectAll('tspan').data([0]).join('tspan').text(wrapLabel(xLabel, w, width, 1)[0]);
    xTitle.text(xLabel);
    yLab
      .attr('transform', `translate(4,${MARGIN_TOP + h / 2}) rotate(-90)`)
      .attr('font-size', fs)
      .attr('fill', colors.muted);
    yLab
      .selectAll('tspan')
      .data(yTitle)
      .join('tspan')
      .attr('x', 0)
      .attr('y', (_, i) => (i + 0.85) * lineH)
      .text((d) => d);

    const yv = (v: number) => y(log ? clampForLog(v, dom) : v);
    const banded = visible.filter((d) => bands.has(d.id));
    gBands
      .selectAll<SVGPathElement, LineSeries>('path')
      .data(banded, (d) => d.id)
      .join('path')
      .attr('data-testid', 'chart-band')
      .attr('data-series', (d) => d.id)
      .attr('fill', (d) => d.color)
      .attr('fill-opacity', 0.2)
      .attr('stroke', 'none')
      .attr('d', (d) => {
        const b = bands.get(d.id)!;
        if (b.length === 0) return null;
        const idx = Array.from({ length: b.length }, (_, i) => i);
        return area<number>()
          .defined((i) => Number.isFinite(yv(b.lo[i])) && Number.isFinite(yv(b.hi[i])))
          .x((i) => x(b.x[i]))
          .y0((i) => yv(b.lo[i]))
          .y1((i) => yv(b.hi[i]))(idx);
      });
    gLines
      .selectAll<SVGPathElement, LineSeries>('path')
      .data(visible, (d) => d.id)
      .join('path')
      .attr('data-series', (d) => d.id)
      // Samples drawn (a restarted run's curve starts again at its own step 0): for tests.
      .attr('data-length', (d) => d.length)
      .attr('stroke', (d) => d.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-linejoin', 'round')
      .attr('stroke-linecap', 'round')
      .attr('d', (d) => {
        const p = pts.get(d.id);
        if (!p || p.length === 0) return null;
        const idx = Array.from({ length: p.length }, (_, i) => i);
        return line<number>()
          .defined((i) => Number.isFinite(yv(p.y[i])))
          .x((i) => x(p.x[i]))
          .y((i) => yv(p.y[i]))(idx);
      });
    const marks = visible.filter((d) => d.divergedAt !== undefined && d.divergedAt >= 0);
    const mk = gMarks
      .selectAll<SVGGElement, LineSeries>('g')
      .data(marks, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('data-testid', 'chart-diverged');
        g.append('path');
        g.append('text');
        return g;
      })
      .attr('transform', (d) => {
        const v = lastFiniteAtOrBefore(d, d.divergedAt ?? 0);
        const py = Number.isFinite(yv(v)) ? Math.min(h, Math.max(0, yv(v))) : 0;
        return `translate(${x(xOfIndex(d, d.divergedAt ?? 0))},${py})`;
      });
    mk.select('path')
      .attr('d', cross)
      .attr('transform', 'rotate(45)')
      .attr('fill', (d) => d.color)
      .attr('stroke', colors.bg)
      .attr('stroke-width', 1);
    mk.select('text')
      .attr('x', (d) => (x(xOfIndex(d, d.divergedAt ?? 0)) > w - 90 ? -7 : 7))
      .attr('text-anchor', (d) => (x(xOfIndex(d, d.divergedAt ?? 0)) > w - 90 ? 'end' : 'start'))
      .attr('dy', (d) =>
        yv(lastFiniteAtOrBefore(d, d.divergedAt ?? 0)) < 16 ||
        !Number.isFinite(yv(lastFiniteAtOrBefore(d, d.divergedAt ?? 0)))
          ? '1.25em'
          : '-0.45em',
      )
      .attr('font-size', fs * 0.92)
      .attr('fill', (d) => d.color)
      .attr('stroke', colors.bg)
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text((d) => d.divergedLabel ?? '');

    // The x under the pointer: a whole step on the step axis, any value on a compute axis.
    const raw = Math.max(0, Math.min(xMax, x.invert(hoverPx)));
    const at = hoverPx < 0 ? -1 : s.series.some((ser) => ser.xs) ? raw : Math.round(raw);
    renderHover(
      gHover,
      tip,
      at,
      s.series,
      { x, y, log, width: w, height: h, left, top: MARGIN_TOP },
      fmt,
      `${xLabel} ${at < 0 ? '' : s.series.some((ser) => ser.xs) ? hoverFmt(at) : String(at)}`,
      colors.muted,
    );
  }

  capture
    .on('pointermove', (event: PointerEvent) => {
      hoverPx = pointer(event, capture.node())[0];
      schedule();
    })
    .on('pointerleave', () => {
      hoverPx = -1;
      schedule();
    });

  return {
    update(next) {
      state = next;
      schedule();
    },
    destroy() {
      loop.destroy();
      root.remove();
    },
  };
}
