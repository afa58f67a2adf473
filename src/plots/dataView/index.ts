/**
 * createDataView: a dataset objective's samples in data space (an SVG scatter, at most
 * MAX_DRAWN points: an evenly strided subset of larger datasets, with a caption saying so) and
 * every visible run's current model over them: the line y = w·x + b for regression, the
 * decision boundary w1·x1 + w2·x2 = 0 for classification (the selected run's class-1 side
 * shaded). The points are redrawn only when the data, the size or the theme change; the
 * models every frame they move. Each class's points are one path, so 2,000 samples are two
 * DOM nodes, not 2,000.
 */
import { select } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { planYTicks, renderAxes, TICK_SIZE, type PlotFont } from '../surface/axes';
import { ellipsize } from '../labelFit';
import { ensurePlotStyles } from '../styles';
import { createTextWidth, FALLBACK_FONT_PX, readPlotFontSize } from '../textMetrics';
import { readPlotColors } from '../theme';
import type { Box, PlotTheme } from '../types';
import { boundarySegment, dataWindow, halfPlane, MAX_DRAWN, regressionSegment, stridedIndices, type Segment } from './geometry';
import type { DataView, DataViewOptions, DataViewRun, DataViewState } from './types';
import { createFrameLoop } from '../frameLoop';

export type * from './types';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN_TOP = 10;
const MARGIN_RIGHT = 14;
/** Marker radius, px. */
const R = 2.6;

/**
 * Okabe–Ito colours, distinguishable with every common colour-vision deficiency; the page may
 * override them with --gs-class0 / --gs-class1. Class 1 is also drawn as a triangle.
 */
const CLASS_FALLBACK: Readonly<Record<PlotTheme, readonly [string, string]>> = {
  light: ['#0072b2', '#d55e00'],
  dark: ['#56b4e9', '#e69f00'],
};

function classColors(el: Element, theme: PlotTheme): readonly [string, string] {
  const css = getComputedStyle(el);
  const fb = CLASS_FALLBACK[theme];
  return [css.getPropertyValue('--gs-class0').trim() || fb[0], css.getPropertyValue('--gs-class1').trim() || fb[1]];
}

/** SVG path data of one marker per point: circles, or upward triangles of the same area. */
function markerPath(px: ArrayLike<number>, py: ArrayLike<number>, shape: 'circle' | 'triangle'): string {
  const parts: string[] = [];
  const t = R * 1.35;
  for (let i = 0; i < px.length; i++) {
    const x = px[i];
    const y = py[i];
    if (shape === 'circle') parts.push(`M${(x - R).toFixed(1)},${y.toFixed(1)}a${R},${R} 0 1,0 ${2 * R},0a${R},${R} 0 1,0 ${-2 * R},0`);
    else parts.push(`M${x.toFixed(1)},${(y - t).toFixed(1)}l${(t * 0.866).toFixed(2)},${(t * 1.5).toFixed(2)}h${(-t * 1.732).toFixed(2)}z`);
  }
  return parts.join('');
}

function legendSwatch(doc: Document, shape: 'circle' | 'triangle', color: string): SVGSVGElement {
  const s = doc.createElementNS(SVG_NS, 'svg');
  s.setAttribute('width', '12');
  s.setAttribute('height', '12');
  s.setAttribute('aria-hidden', 'true');
  // .gs-plot positions its svgs absolutely (styles.ts); this one sits in the legend's text flow.
  s.style.position = 'static';
  const p = doc.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', shape === 'circle' ? 'M2,6a4,4 0 1,0 8,0a4,4 0 1,0 -8,0' : 'M6,1.5l4.5,8h-9z');
  p.setAttribute('fill', color);
  s.appendChild(p);
  return s;
}

export function createDataView(el: HTMLElement, options: DataViewOptions): DataView {
  const doc = el.ownerDocument;
  ensurePlotStyles(doc);
  const { labels } = options;
  const root = doc.createElement('div');
  root.className = 'gs-plot gs-dataview';
  root.dataset.testid = 'data-plot';
  Object.assign(root.style, { display: 'flex', flexDirection: 'column', width: '100%', height: '100%', minHeight: '180px' });
  const frameEl = doc.createElement('div');
  Object.assign(frameEl.style, { position: 'relative', flex: '1 1 auto', minHeight: '0' });
  const foot = doc.createElement('div');
  foot.className = 'gs-dataview__foot';
  Object.assign(foot.style, { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 14px', padding: '2px 4px 0' });
  const legend = doc.createElement('div');
  legend.className = 'gs-dataview__legend';
  legend.dataset.testid = 'data-legend';
  Object.assign(legend.style, { display: 'flex', gap: '12px', alignItems: 'center' });
  const caption = doc.createElement('div');
  caption.className = 'gs-dataview__caption';
  caption.dataset.testid = 'data-caption';
  caption.style.marginLeft = 'auto';
  foot.append(legend, caption);
  const svgEl = doc.createElementNS(SVG_NS, 'svg');
  frameEl.appendChild(svgEl);
  root.append(frameEl, foot);
  el.appendChild(root);

  const svg = select(svgEl).attr('role', 'img').attr('aria-label', options.ariaLabel).style('left', 0).style('top', 0);
  const plot = svg.append('g');
  const gGrid = plot.append('g');
  const gShade = plot.append('path').attr('data-testid', 'data-halfplane').attr('stroke', 'none');
  const gPoints = plot.append('g').attr('data-testid', 'data-points');
  const gFits = plot.append('g').attr('fill', 'none').attr('stroke-linecap', 'round');
  const gx = plot.append('g');
  const gy = plot.append('g');
  const xLab = svg.append('text').attr('text-anchor', 'middle').attr('font-style', 'italic').attr('data-testid', 'data-axis-x');
  const yLab = svg.append('text').attr('text-anchor', 'middle').attr('font-style', 'italic').attr('data-testid', 'data-axis-y');
  const textWidth = createTextWidth(root);

  let state: DataViewState | null = null;
  let W = 0;
  let H = 0;
  let styleFor: string | null = null;
  let colors = readPlotColors(root, 'light');
  let classes = CLASS_FALLBACK.light;
  let fontPx = FALLBACK_FONT_PX;
  // What the points were last drawn for: data key, kind, size and theme.
  let drawnFor = '';
  let dataKey: string | null = null;
  let subset: Uint32Array = new Uint32Array(0);
  let box: Box = { x: [-1, 1], y: [-1, 1] };

  const loop = createFrameLoop(frameEl, render, (w, h) => {
    W = w;
    H = h;
    styleFor = null;
  });
  const schedule = loop.schedule;

  function prepareData(s: DataViewState): void {
    if (dataKey === s.key) return;
    dataKey = s.key;
    const [c0, c1] = s.dataset.columns;
    subset = stridedIndices(s.dataset.n);
    box = dataWindow(c0, c1, 0.06, s.kind === 'classification');
    const shown = subset.length;
    caption.textContent = s.dataset.n > MAX_DRAWN ? labels.shownOf(shown, s.dataset.n) : '';
  }

  function renderLegend(s: DataViewState): void {
    legend.replaceChildren();
    if (s.kind !== 'classification') return;
    const items: [string, 'circle' | 'triangle', string][] = [
      [labels.class0, 'circle', classes[0]],
      [labels.class1, 'triangle', classes[1]],
    ];
    for (const [text, shape, color] of items) {
      const item = doc.createElement('span');
      Object.assign(item.style, { display: 'inline-flex', gap: '5px', alignItems: 'center' });
      item.append(legendSwatch(doc, shape, color), doc.createTextNode(text));
      legend.appendChild(item);
    }
  }

  function render(): void {
    if (!state) return;
    const s = state;
    if (W === 0 || H === 0) {
      const r = frameEl.getBoundingClientRect();
      W = Math.round(r.width);
      H = Math.round(r.height);
    }
    const styleKey = `${s.theme}|${s.kind}`;
    if (styleFor !== styleKey) {
      colors = readPlotColors(root, s.theme);
      classes = classColors(root, s.theme);
      fontPx = readPlotFontSize(root);
      styleFor = styleKey;
      renderLegend(s);
      foot.style.color = colors.muted;
    }
    prepareData(s);
    const fs = fontPx;
    const lineH = fs * 1.2;
    const font: PlotFont = { size: fs, width: textWidth };
    const bottom = Math.ceil(TICK_SIZE + 3 + lineH + 4 + lineH);
    const h = H - MARGIN_TOP - bottom;
    if (h < 30 || W < 80) return;
    const yPlan = planYTicks(box, h, font);
    const left = Math.ceil(4 + lineH + 4 + Math.max(textWidth('0.0', fs), ...yPlan.labels.map((l) => textWidth(l, fs))) + TICK_SIZE + 3);
    const w = W - left - MARGIN_RIGHT;
    if (w < 30) return;
    const frame = { view: box, width: w, height: h };
    const x = scaleLinear().domain(box.x).range([0, w]);
    const y = scaleLinear().domain(box.y).range([h, 0]);
    const classify = s.kind === 'classification';

    const sizeKey = `${s.key}|${styleKey}|${W}x${H}|${fs}`;
    if (drawnFor !== sizeKey) {
      drawnFor = sizeKey;
      svg.attr('width', W).attr('height', H);
      plot.attr('transform', `translate(${left},${MARGIN_TOP})`);
      gx.attr('transform', `translate(0,${h})`);
      renderAxes(gx, gy, frame, colors, font, yPlan);
      gGrid
        .selectAll('line')
        .data(yPlan.values)
        .join('line')
        .attr('x1', 0)
        .attr('x2', w)
        .attr('y1', (t) => Math.round(y(t)) + 0.5)
        .attr('y2', (t) => Math.round(y(t)) + 0.5)
        .attr('stroke', colors.grid)
        .attr('stroke-width', 1)
        .attr('opacity', 0.6);
      const [xt, yt] = classify ? [labels.x1, labels.x2] : [labels.x, labels.y];
      xLab
        .attr('x', left + w / 2)
        .attr('y', H - 4 - fs * 0.25)
        .attr('font-size', fs)
        .attr('fill', colors.muted)
        .text(ellipsize(xt, w, (t) => textWidth(t, fs)));
      yLab
        .attr('transform', `translate(${4 + fs * 0.85},${MARGIN_TOP + h / 2}) rotate(-90)`)
        .attr('font-size', fs)
        .attr('fill', colors.muted)
        .text(ellipsize(yt, h, (t) => textWidth(t, fs)));
      drawPoints(s, x, y);
    }
    drawFits(s, x, y, classify);
  }

  function drawPoints(s: DataViewState, x: (v: number) => number, y: (v: number) => number): void {
    const [c0, c1, label] = s.dataset.columns;
    const groups: { shape: 'circle' | 'triangle'; color: string; cls: number }[] =
      s.kind === 'classification'
        ? [
            { shape: 'circle', color: classes[0], cls: 0 },
            { shape: 'triangle', color: classes[1], cls: 1 },
          ]
        : [{ shape: 'circle', color: colors.muted, cls: -1 }];
    const paths = groups.map((g) => {
      const px: number[] = [];
      const py: number[] = [];
      for (const i of subset) {
        if (g.cls >= 0 && (label[i] >= 0.5 ? 1 : 0) !== g.cls) continue;
        const a = x(c0[i]);
        const b = y(c1[i]);
        if (Number.isFinite(a) && Number.isFinite(b)) {
          px.push(a);
          py.push(b);
        }
      }
      return { ...g, d: markerPath(px, py, g.shape), count: px.length };
    });
    gPoints
      .selectAll('path')
      .data(paths)
      .join('path')
      .attr('data-class', (d) => (d.cls >= 0 ? String(d.cls) : null))
      .attr('data-count', (d) => d.count)
      .attr('d', (d) => d.d)
      .attr('fill', (d) => d.color)
      .attr('fill-opacity', s.kind === 'classification' ? 0.75 : 0.55)
      .attr('stroke', colors.bg)
      .attr('stroke-width', 0.5);
  }

  function drawFits(s: DataViewState, x: (v: number) => number, y: (v: number) => number, classify: boolean): void {
    const segOf = (r: DataViewRun): Segment | null =>
      classify ? boundarySegment(r.theta[0], r.theta[1], box) : regressionSegment(r.theta[0], r.theta[1], box);
    const visible = s.runs.filter((r) => !r.hidden);
    const fits = gFits
      .selectAll<SVGLineElement, DataViewRun>('line')
      .data(visible, (d) => d.id)
      .join('line')
      .attr('data-testid', 'data-fit')
      .attr('data-run', (d) => d.id)
      .attr('data-selected', (d) => (d.id === s.selectedId ? 'true' : null))
      .attr('stroke', (d) => d.color)
      .attr('stroke-width', (d) => (d.id === s.selectedId ? 3.2 : 1.5))
      .attr('stroke-opacity', (d) => (d.id === s.selectedId || s.selectedId === null ? 1 : 0.8))
      .each(function (d) {
        const seg = segOf(d);
        const line = select(this);
        if (!seg) {
          line.attr('display', 'none');
          return;
        }
        line
          .attr('display', null)
          .attr('x1', x(seg[0][0]))
          .attr('y1', y(seg[0][1]))
          .attr('x2', x(seg[1][0]))
          .attr('y2', y(seg[1][1]));
      });
    fits.filter((d) => d.id === s.selectedId).raise();
    const sel = classify ? visible.find((r) => r.id === s.selectedId) : undefined;
    const poly = sel ? halfPlane(sel.theta[0], sel.theta[1], 0, box) : [];
    gShade
      .attr('d', poly.length >= 3 ? `M${poly.map(([a, b]) => `${x(a)},${y(b)}`).join('L')}Z` : null)
      .attr('fill', sel?.color ?? 'none')
      .attr('fill-opacity', 0.1);
  }

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
