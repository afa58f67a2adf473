/**
 * createSurfaceView: the loss surface as a heatmap with contours, axes and a colour bar, the
 * races' trajectories, known minima, the start handle and the selected run's optimizer state.
 *
 * Layers, bottom to top: heatmap canvas, trajectory canvas, one SVG (contours, minima,
 * selection overlay, run heads, start handle, axes, colour bar). update() only stores the state;
 * rendering happens once per animation frame and redoes only what changed: the field is
 * re-sampled only when its key, the view, the size, the theme or the colour scale change.
 */
import { select } from 'd3-selection';
import { planYTicks, renderAxes, TICK_SIZE, type PlotFont } from './axes';
import { COLORBAR_WIDTH, renderColorbar } from './colorbar';
import { renderContours } from './contours';
import { colorMapFor } from './colorScale';
import { paintHeatmap, sampleField, type SampledField } from './heatmap';
import { attachInteraction } from './interaction';
import { renderHeads, renderMinima, renderStart } from './markers';
import { renderSelection } from './selection';
import { colorLut } from './palette';
import { createTrajectoryLayer } from './trajectories';
import { drawClouds } from './cloud';
import { gridSpec, sameBox, type PlotFrame } from './transform';
import { readPlotColors, type PlotColors } from '../theme';
import { createTextWidth, FALLBACK_FONT_PX, readPlotFontSize } from '../textMetrics';
import { ensurePlotStyles } from '../styles';
import type { Box, PlotTheme, SurfaceView, SurfaceViewOptions, SurfaceViewState } from '../types';
import { createFrameLoop } from '../frameLoop';

/** CSS px between heatmap samples at rest, and while a zoom/pan gesture is in progress. */
export const SAMPLE_SPACING = 2.5;
export const SAMPLE_SPACING_INTERACTIVE = 5;
/**
 * Contours use a coarser grid than the heatmap (marching squares costs thresholds × cells and
 * dominated the frame): 1.6 × the heatmap spacing, i.e. a vertex every 4 CSS px at rest, which
 * linear interpolation keeps visually smooth.
 */
export const CONTOUR_SPACING_FACTOR = 1.6;

interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Colour-bar labels and overlay captions are this fraction of the plot font. */
const SMALL_TEXT_SCALE = 0.92;

/**
 * Margins for the plot font: below, ticks + their labels + the x title; left, the widest y
 * tick label (rounded up to 8 px, so zooming does not resize the canvases every frame) + the
 * y title; right, the colour bar and labels like −0.000537 (up to 6 significant digits).
 */
function marginsFor(font: PlotFont, yLabelWidth: number): Margin {
  const fs = font.size;
  const bar = font.width('−0.000000', fs * SMALL_TEXT_SCALE);
  return {
    top: Math.max(12, Math.ceil(fs)),
    right: Math.ceil(14 + COLORBAR_WIDTH + 6 + bar + 4),
    bottom: Math.ceil(TICK_SIZE + 4 + fs * 1.2 + fs * 1.5),
    left: Math.ceil((TICK_SIZE + 4 + Math.max(yLabelWidth, font.width('−0.0', fs)) + fs * 1.7) / 8) * 8,
  };
}
const SVG_NS = 'http://www.w3.org/2000/svg';
let instances = 0;

export function createSurfaceView(el: HTMLElement, options: SurfaceViewOptions): SurfaceView {
  const doc = el.ownerDocument;
  ensurePlotStyles(doc);
  const uid = `gs-surface-${++instances}`;
  const labels = {
    start: options.labels?.start ?? 'Start',
    minimum: options.labels?.minimum ?? 'Minimum',
    byRank: options.labels?.byRank ?? 'by rank',
    byRankTitle: options.labels?.byRankTitle ?? 'Colours by rank (quantile).',
  };

  const root = doc.createElement('div');
  root.className = 'gs-plot gs-surface';
  root.dataset.testid = 'surface-view';
  root.tabIndex = 0;
  root.setAttribute('role', 'application');
  root.setAttribute('aria-label', options.ariaLabel);
  Object.assign(root.style, { width: '100%', height: '100%', minHeight: '200px' });
  const heat = doc.createElement('canvas');
  heat.dataset.testid = 'surface-heatmap';
  const cloud = doc.createElement('canvas');
  cloud.style.pointerEvents = 'none';
  cloud.dataset.testid = 'surface-cloud';
  const traj = doc.createElement('canvas');
  traj.style.pointerEvents = 'none';
  const scratch = doc.createElement('canvas');
  const svgEl = doc.createElementNS(SVG_NS, 'svg');
  root.append(heat, cloud, traj, svgEl);
  el.appendChild(root);

  const svg = select(svgEl)
    .attr('role', 'img')
    .attr('aria-label', options.ariaLabel)
    .style('left', 0)
    .style('top', 0)
    .style('overflow', 'visible');
  const clipId = `${uid}-clip`;
  const clipRect = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
  const plot = svg.append('g').attr('class', 'gs-plotarea');
  const capture = plot.append('rect').attr('fill', 'transparent').style('cursor', 'crosshair');
  const clipped = plot.append('g').attr('clip-path', `url(#${clipId})`);
  const gContours = clipped.append('g').attr('pointer-events', 'none');
  const gMinima = clipped.append('g');
  const gSelection = clipped.append('g');
  const gHeads = plot.append('g');
  const gStart = plot.append('g');
  const frameRect = plot.append('rect').attr('fill', 'none').attr('pointer-events', 'none');
  const gx = svg.append('g').attr('class', 'gs-axis-x');
  const gy = svg.append('g').attr('class', 'gs-axis-y');
  const xLabel = svg
    .append('text')
    .text('x')
    .attr('font-style', 'italic')
    .attr('text-anchor', 'middle');
  const yLabel = svg
    .append('text')
    .text('y')
    .attr('font-style', 'italic')
    .attr('text-anchor', 'middle');
  const gBar = svg.append('g').attr('class', 'gs-colorbar');

  let state: SurfaceViewState | null = null;
  let lastStateView: Box | null = null;
  let lastStateStart: readonly [number, number] | null = null;
  let localView: Box | null = null;
  let localStart: readonly [number, number] | null = null;
  let interacting = false;
  let W = 0;
  let H = 0;
  let heatKey = '';
  let frameKey = '';
  let sampled: SampledField | null = null;
  let colors: PlotColors | null = null;
  let colorsTheme: PlotTheme | null = null;
  const textWidth = createTextWidth(root);
  let font: PlotFont = { size: FALLBACK_FONT_PX, width: textWidth };
  let fontRead = false;
  let MARGIN: Margin = marginsFor(font, 0);
  const trajectories = createTrajectoryLayer(traj);

  const frame = (): PlotFrame => ({
    view: localView ?? state?.view ?? { x: [0, 1], y: [0, 1] },
    width: Math.max(1, W - MARGIN.left - MARGIN.right),
    height: Math.max(1, H - MARGIN.top - MARGIN.bottom),
  });
  const loop = createFrameLoop(root, render, (w, h) => {
    if (w === W && h === H) return false;
    W = w;
    H = h;
    fontRead = false;
  });
  const schedule = loop.schedule;

  const interaction = attachInteraction({
    container: root,
    plot: plot.node() as SVGGElement,
    frame,
    start: () => localStart ?? state?.start ?? [0, 0],
    placeStart(x, y) {
      localStart = [x, y];
      schedule();
      options.onStartChange(x, y);
    },
    changeView(view, done) {
      if (view) {
        localView = view;
        interacting = true;
        options.onViewChange?.(view);
      }
      if (done) interacting = false;
      schedule();
    },
  });

  function measure(): void {
    const r = root.getBoundingClientRect();
    W = Math.round(r.width);
    H = Math.round(r.height);
  }

  /** Margins and y ticks for the view: y ticks depend on the height only, the left margin on them. */
  function layout(view: Box) {
    const m0 = marginsFor(font, 0);
    const height = Math.max(1, H - m0.top - m0.bottom);
    const yPlan = planYTicks(view, height, font);
    const yw = Math.max(0, ...yPlan.labels.map((l) => font.width(l, font.size)));
    MARGIN = marginsFor(font, yw);
    return yPlan;
  }

  function render(): void {
    if (!state) return;
    if (W === 0 || H === 0) measure();
    // Reading the font forces a style recalculation: only after a resize or a theme change.
    if (!fontRead) {
      font = { size: readPlotFontSize(root), width: textWidth };
      fontRead = true;
    }
    const yPlan = layout(localView ?? state.view);
    const f = frame();
    if (f.width < 20 || f.height < 20) return;
    const s = state;
    const dpr = globalThis.devicePixelRatio || 1;
    if (colorsTheme !== s.theme || !colors) {
      fontRead = false;
      colors = readPlotColors(root, s.theme);
      colorsTheme = s.theme;
    }
    const c = colors;
    const v = f.view;
    const fk = `${v.x[0]},${v.x[1]},${v.y[0]},${v.y[1]}|${f.width}x${f.height}@${dpr}|${s.theme}|${font.size}|${MARGIN.left}`;
    if (fk !== frameKey) {
      frameKey = fk;
      for (const cv of [heat, cloud, traj]) {
        cv.width = Math.round(f.width * dpr);
        cv.height = Math.round(f.height * dpr);
        Object.assign(cv.style, {
          left: `${MARGIN.left}px`,
          top: `${MARGIN.top}px`,
          width: `${f.width}px`,
          height: `${f.height}px`,
        });
      }
      svg.attr('width', W).attr('height', H);
      plot.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
      clipRect.attr('width', f.width).attr('height', f.height);
      capture.attr('width', f.width).attr('height', f.height);
      frameRect
        .attr('width', f.width)
        .attr('height', f.height)
        .attr('stroke', c.muted)
        .attr('stroke-width', 1)
        .attr('shape-rendering', 'crispEdges');
      interaction.resize(f.width, f.height);
      gx.attr('transform', `translate(${MARGIN.left},${MARGIN.top + f.height})`);
      gy.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
      renderAxes(gx, gy, f, c, font, yPlan);
      xLabel
        .attr('x', MARGIN.left + f.width / 2)
        .attr('y', MARGIN.top + f.height + MARGIN.bottom - font.size * 0.35)
        .attr('font-size', font.size * 1.08)
        .attr('fill', c.fg);
      yLabel
        .attr(
          'transform',
          `translate(${font.size * 1.1},${MARGIN.top + f.height / 2}) rotate(-90)`,
        )
        .attr('font-size', font.size * 1.08)
        .attr('fill', c.fg);
      gBar.attr('transform', `translate(${MARGIN.left + f.width + 14},${MARGIN.top})`);
      root.dataset.view = JSON.stringify(v);
    }
    const spacing = interacting ? SAMPLE_SPACING_INTERACTIVE : SAMPLE_SPACING;
    const hk = `${s.field.key}|${fk}|${s.colorScale}|${spacing}`;
    if (hk !== heatKey) {
      heatKey = hk;
      sampled = sampleField(s.field, v, gridSpec(f.width, f.height, spacing));
      const lut = colorLut(s.theme);
      const map = colorMapFor(s.colorScale, sampled.values, sampled.stats);
      paintHeatmap(heat, scratch, sampled, map, lut);
      const coarse = sampleField(
        s.field,
        v,
        gridSpec(f.width, f.height, spacing * CONTOUR_SPACING_FACTOR),
      );
      const thresholds = renderContours(gContours, coarse, map, s.theme);
      const barPx = font.size * SMALL_TEXT_SCALE;
      renderColorbar(gBar, `${uid}-grad`, f.height, map, thresholds, lut, c, {
        fontPx: barPx,
        maxLabelWidth: MARGIN.right - (14 + COLORBAR_WIDTH + 6) - 2,
        width: (t) => font.width(t, barPx),
        rankCaption: labels.byRank,
        rankTitle: labels.byRankTitle,
      });
      heat.dataset.scale = map.scale;
      heat.dataset.min = String(sampled.stats.min);
      heat.dataset.max = String(sampled.stats.max);
    }
    drawClouds(cloud, s.clouds ?? [], f, dpr, s.theme === 'light' ? 'rgba(255,255,255,0.6)' : 'rgba(10,12,18,0.6)', font.size);
    trajectories.draw(
      s.runs,
      f,
      dpr,
      fk,
      s.theme === 'light' ? 'rgba(255,255,255,0.75)' : 'rgba(10,12,18,0.7)',
    );
    renderMinima(gMinima, f, s.minima, labels.minimum);
    const heads = renderHeads(gHeads, f, s.runs, c, options.onSelectRun);
    renderSelection(
      gSelection,
      f,
      s.selected ? heads.get(s.selected.id) : undefined,
      s.selected,
      c,
      font.size * SMALL_TEXT_SCALE,
    );
    if (options.startHandle !== false) {
      renderStart(gStart, f, localStart ?? s.start, c, labels.start);
      interaction.bindStartHandle(gStart.select<SVGGElement>('g.gs-start'));
    }
  }

  return {
    update(next) {
      if (loop.destroyed) return;
      if (!lastStateView || !sameBox(next.view, lastStateView)) localView = null;
      if (
        !lastStateStart ||
        next.start[0] !== lastStateStart[0] ||
        next.start[1] !== lastStateStart[1]
      )
        localStart = null;
      lastStateView = next.view;
      lastStateStart = next.start;
      state = next;
      schedule();
    },
    destroy() {
      loop.destroy();
      interaction.destroy();
      root.remove();
    },
  };
}
