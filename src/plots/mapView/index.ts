/**
 * createMapView: a grid of cells (a hyperparameter map or a basin map) painted on a canvas,
 * one pixel block per cell, with d3 axes (log or linear), a legend, an optional overlay curve
 * (the analytic boundary) and markers (known minima), a hover read-out and a click callback
 * with the cell's indices. update() stores the state; the view redraws once per frame.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { format as d3format } from 'd3-format';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { line } from 'd3-shape';
import { styleAxis } from '../surface/axes';
import { ensurePlotStyles } from '../styles';
import { readPlotColors } from '../theme';
import { createTextWidth, FALLBACK_FONT_PX, readPlotFontSize } from '../textMetrics';
import type { PlotTheme } from '../types';
import { createFrameLoop } from '../frameLoop';

export interface MapAxisView {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly cells: number;
  readonly scale: 'linear' | 'log';
}

/** One legend entry: a swatch, or with `ramp` a colour ramp (continuous maps) and its end labels. */
export interface MapLegendItem {
  readonly color: string;
  readonly label: string;
  /** Colours from low to high; `label` is then the title, `low` and `high` the ends. */
  readonly ramp?: readonly string[];
  readonly low?: string;
  readonly high?: string;
}

export interface MapViewState {
  readonly x: MapAxisView;
  readonly y: MapAxisView;
  /** RGBA per cell, row-major from the bottom row (j = 0 at y min), nx·ny·4 bytes. */
  readonly rgba: Uint8ClampedArray;
  /** Changes when rgba changes (the canvas is repainted only then). */
  readonly version: number;
  readonly legend: readonly MapLegendItem[];
  /** Curves in data units (e.g. the analytic convergence boundary), with a label each. */
  readonly overlays?: readonly { readonly points: readonly (readonly [number, number])[]; readonly label: string; readonly color: string }[];
  /** Markers in data units (known minima). */
  readonly markers?: readonly { readonly x: number; readonly y: number; readonly label: string }[];
  readonly theme: PlotTheme;
}

export interface MapViewOptions {
  readonly ariaLabel: string;
  readonly testId?: string;
  /** Text of the hover read-out for cell (i, j). */
  describe(i: number, j: number): string;
  onCellClick?(i: number, j: number): void;
}

export interface MapView {
  update(state: MapViewState): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
let instances = 0;

function scaleOf(a: MapAxisView, range: [number, number]): ScaleContinuousNumeric<number, number> {
  return (a.scale === 'log' ? scaleLog() : scaleLinear()).domain([a.min, a.max]).range(range);
}

export function createMapView(el: HTMLElement, options: MapViewOptions): MapView {
  const doc = el.ownerDocument;
  ensurePlotStyles(doc);
  const instance = ++instances;
  const root = doc.createElement('div');
  root.className = 'gs-plot gs-mapview';
  root.dataset.testid = options.testId ?? 'map-view';
  Object.assign(root.style, { width: '100%', height: '100%', minHeight: '240px' });
  const canvas = doc.createElement('canvas');
  canvas.dataset.testid = 'map-canvas';
  canvas.style.imageRendering = 'pixelated';
  const cells = doc.createElement('canvas');
  const svgEl = doc.createElementNS(SVG_NS, 'svg');
  const tip = doc.createElement('div');
  tip.className = 'gs-tooltip';
  tip.dataset.testid = 'map-tooltip';
  tip.style.display = 'none';
  root.append(canvas, svgEl, tip);
  el.appendChild(root);
  const svg = select(svgEl).attr('role', 'img').attr('aria-label', options.ariaLabel).style('left', 0).style('top', 0).style('overflow', 'visible');
  const plot = svg.append('g');
  const gx = plot.append('g');
  const gy = plot.append('g');
  const gOver = plot.append('g').attr('pointer-events', 'none');
  const gMarks = plot.append('g').attr('pointer-events', 'none');
  const hover = plot.append('rect').attr('fill', 'none').attr('stroke-width', 1.5).attr('pointer-events', 'none');
  const capture = plot.append('rect').attr('fill', 'transparent').attr('data-testid', 'map-capture').style('cursor', 'crosshair');
  const xLab = svg.append('text').attr('text-anchor', 'middle');
  const yLab = svg.append('text').attr('text-anchor', 'middle');
  const gLegend = svg.append('g').attr('data-testid', 'map-legend');
  const textWidth = createTextWidth(root);

  let state: MapViewState | null = null;
  let W = 0;
  let H = 0;
  let painted = -1;
  let hoverCell: [number, number] | null = null;
  let geo = { left: 0, top: 0, w: 1, h: 1 };

  const loop = createFrameLoop(root, render, (w, h) => {
    W = w;
    H = h;
  });
  const schedule = loop.schedule;

  function cellAt(px: number, py: number): [number, number] | null {
    const s = state;
    if (!s) return null;
    const i = Math.floor((px / geo.w) * s.x.cells);
    const j = Math.floor(((geo.h - py) / geo.h) * s.y.cells);
    return i >= 0 && j >= 0 && i < s.x.cells && j < s.y.cells ? [i, j] : null;
  }

  function render(): void {
    const s = state;
    if (!s) return;
    if (W === 0 || H === 0) {
      const r = root.getBoundingClientRect();
      W = Math.round(r.width);
      H = Math.round(r.height);
    }
    const fs = readPlotFontSize(root) || FALLBACK_FONT_PX;
    const colors = readPlotColors(root, s.theme);
    // Legend items laid out in rows that fit the width (measured text), before the plot's height.
    const tw = (text: string) => textWidth(text, fs * 0.95);
    const itemW = (d: MapLegendItem) => (d.ramp ? tw(`${d.label}: ${d.low ?? ''}`) + fs * 10 + tw(d.high ?? '') : fs * 2.2 + tw(d.label));
    const place: { x: number; row: number }[] = [];
    let rowX = 0;
    let rows = s.legend.length > 0 ? 1 : 0;
    const rowMax = Math.max(40, W - Math.ceil(fs * 5.2) - 14);
    for (const d of s.legend) {
      const wi = itemW(d);
      if (rowX > 0 && rowX + wi > rowMax) {
        rows++;
        rowX = 0;
      }
      place.push({ x: rowX, row: rows - 1 });
      rowX += wi;
    }
    const legendH = Math.ceil(fs * 1.5 * rows);
    const left = Math.ceil(fs * 5.2);
    const bottom = Math.ceil(fs * 3.4) + legendH;
    const top = 8;
    const right = 14;
    // A square-ish plot area: cells keep their aspect where the box allows.
    const w = Math.max(20, W - left - right);
    const h = Math.max(20, H - top - bottom);
    geo = { left, top, w, h };
    const dpr = globalThis.devicePixelRatio || 1;
    Object.assign(canvas.style, { left: `${left}px`, top: `${top}px`, width: `${w}px`, height: `${h}px` });
    const nx = s.x.cells;
    const ny = s.y.cells;
    if (painted !== s.version || cells.width !== nx || cells.height !== ny) {
      cells.width = nx;
      cells.height = ny;
      const ctx = cells.getContext('2d')!;
      const img = ctx.createImageData(nx, ny);
      // Row j = 0 is the bottom (y min): flip into canvas rows.
      for (let j = 0; j < ny; j++) img.data.set(s.rgba.subarray(4 * nx * j, 4 * nx * (j + 1)), 4 * nx * (ny - 1 - j));
      ctx.putImageData(img, 0, 0);
      painted = s.version;
      canvas.dataset.version = String(s.version);
    }
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const c2 = canvas.getContext('2d')!;
    c2.imageSmoothingEnabled = false;
    c2.clearRect(0, 0, canvas.width, canvas.height);
    c2.drawImage(cells, 0, 0, canvas.width, canvas.height);

    svg.attr('width', W).attr('height', H);
    plot.attr('transform', `translate(${left},${top})`);
    capture.attr('width', w).attr('height', h);
    const x = scaleOf(s.x, [0, w]);
    const y = scaleOf(s.y, [h, 0]);
    const tickFmt = (a: MapAxisView) => (a.scale === 'log' ? d3format('.0e') : d3format('~g'));
    const xTicks = Math.max(2, Math.floor(w / (fs * 6)));
    const yTicks = Math.max(2, Math.floor(h / (fs * 3)));
    gx.attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(xTicks, s.x.scale === 'log' ? undefined : undefined).tickFormat((v) => tickFmt(s.x)(v as number)).tickSizeOuter(0));
    gy.call(axisLeft(y).ticks(yTicks).tickFormat((v) => tickFmt(s.y)(v as number)).tickSizeOuter(0));
    // Log axes propose 1..9 × 10ⁿ: label the decades only.
    for (const [g, a] of [[gx, s.x], [gy, s.y]] as const) {
      if (a.scale !== 'log') continue;
      g.selectAll<SVGTextElement, number>('.tick text').text((v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? d3format('.0e')(v) : ''));
    }
    styleAxis(gx, colors, fs);
    styleAxis(gy, colors, fs);
    xLab.attr('x', left + w / 2).attr('y', top + h + fs * 2.6).attr('font-size', fs).attr('fill', colors.fg).text(s.x.label);
    yLab.attr('transform', `translate(${fs * 1.1},${top + h / 2}) rotate(-90)`).attr('font-size', fs).attr('fill', colors.fg).text(s.y.label);

    const pathOf = line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1])).defined((p) => Number.isFinite(x(p[0])) && Number.isFinite(y(p[1])));
    const overlays = s.overlays ?? [];
    const og = gOver.selectAll<SVGGElement, (typeof overlays)[number]>('g').data(overlays).join((e) => {
      const g = e.append('g').attr('data-testid', 'map-overlay');
      g.append('path');
      g.append('text');
      return g;
    });
    og.select('path').attr('d', (d) => pathOf(d.points.filter((p) => p[0] >= s.x.min && p[0] <= s.x.max && p[1] >= s.y.min && p[1] <= s.y.max)) ?? null)
      .attr('fill', 'none').attr('stroke', (d) => d.color).attr('stroke-width', 2.5).attr('stroke-dasharray', '6 4');
    og.select('text').each(function (d) {
      const inside = d.points.filter((p) => p[0] >= s.x.min && p[0] <= s.x.max && p[1] >= s.y.min && p[1] <= s.y.max);
      const p = inside[Math.floor(inside.length * 0.6)];
      select(this).attr('x', p ? x(p[0]) + 6 : -999).attr('y', p ? y(p[1]) - 6 : -999).attr('font-size', fs).attr('fill', d.color)
        .attr('stroke', colors.bg).attr('stroke-width', 3).attr('paint-order', 'stroke').text(d.label);
    });
    const marks = s.markers ?? [];
    const mg = gMarks.selectAll<SVGGElement, (typeof marks)[number]>('g').data(marks).join((e) => {
      const g = e.append('g').attr('data-testid', 'map-marker');
      g.append('circle');
      return g;
    });
    mg.attr('transform', (d) => `translate(${x(d.x)},${y(d.y)})`);
    mg.select('circle').attr('r', 5).attr('fill', 'white').attr('stroke', '#111').attr('stroke-width', 1.5);

    // Legend: swatches and labels in one row under the x axis title.
    const items = gLegend.attr('transform', `translate(${left},${top + h + fs * 4.2})`).selectAll<SVGGElement, MapLegendItem>('g').data(s.legend).join((e) => {
      const g = e.append('g');
      g.append('rect');
      g.append('text');
      return g;
    });
    items.each(function (d, k) {
      const g = select(this);
      g.attr('transform', `translate(${place[k].x},${place[k].row * fs * 1.5})`);
      g.selectAll('.gs-ramp').remove();
      if (d.ramp) {
        // Title, low end, the ramp, high end.
        const titleText = `${d.label}: ${d.low ?? ''}`;
        g.select<SVGTextElement>('text').attr('x', 0).attr('font-size', fs * 0.95).attr('fill', colors.fg).text(titleText);
        const at = tw(titleText) + fs * 0.5;
        const id = `gs-map-ramp-${instance}-${k}`;
        const grad = g.append('defs').attr('class', 'gs-ramp').append('linearGradient').attr('id', id);
        d.ramp.forEach((c, i) => grad.append('stop').attr('offset', `${(100 * i) / Math.max(1, d.ramp!.length - 1)}%`).attr('stop-color', c));
        g.select('rect').attr('x', at).attr('width', fs * 8).attr('height', fs).attr('y', -fs * 0.85).attr('fill', `url(#${id})`).attr('stroke', colors.muted);
        g.append('text').attr('class', 'gs-ramp').attr('x', at + fs * 8.5).attr('font-size', fs * 0.95).attr('fill', colors.fg).text(d.high ?? '');
        return;
      }
      g.select('rect').attr('x', 0).attr('width', fs).attr('height', fs).attr('y', -fs * 0.85).attr('fill', d.color).attr('stroke', colors.muted);
      g.select<SVGTextElement>('text').attr('x', fs * 1.3).attr('font-size', fs * 0.95).attr('fill', colors.fg).text(d.label);
    });

    if (hoverCell) {
      const [i, j] = hoverCell;
      hover.attr('display', null).attr('x', (i / nx) * w).attr('y', h - ((j + 1) / ny) * h).attr('width', Math.max(2, w / nx)).attr('height', Math.max(2, h / ny)).attr('stroke', colors.fg);
      tip.style.display = 'block';
      tip.textContent = options.describe(i, j);
      // Beside the cell: right of it, flipped left near the edge; below it, flipped above near the bottom.
      const px = left + ((i + 1) / nx) * w;
      const py = top + h - ((j + 1) / ny) * h;
      const tw = tip.offsetWidth;
      const th = tip.offsetHeight;
      tip.style.left = `${Math.max(0, px + 12 + tw > W ? left + (i / nx) * w - 12 - tw : px + 12)}px`;
      tip.style.top = `${Math.max(0, py + th + 12 > top + h ? py - th - 8 : py + 12)}px`;
    } else {
      hover.attr('display', 'none');
      tip.style.display = 'none';
    }
  }

  capture
    .on('pointermove', (e: PointerEvent) => {
      const [px, py] = pointer(e, capture.node());
      hoverCell = cellAt(px, py);
      schedule();
    })
    .on('pointerleave', () => {
      hoverCell = null;
      schedule();
    })
    .on('click', (e: MouseEvent) => {
      const [px, py] = pointer(e, capture.node());
      const c = cellAt(px, py);
      if (c) options.onCellClick?.(c[0], c[1]);
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
