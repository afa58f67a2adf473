/**
 * SVG markers over the canvases: known minima (stars: global filled, local hollow), each run's
 * current position (dot with a ring; × for a diverged run, pinned to the plot edge when it left
 * the view) and the draggable start handle. The optimizer-state overlay is in selection.ts.
 */
import { symbol, symbolStar, symbolCross } from 'd3-shape';
import { format } from 'd3-format';
import type { Selection } from 'd3-selection';
import { dataToPixel, type PlotFrame } from './transform';
import type { PlotColors } from '../theme';
import type { KnownMinimum, SurfaceRun } from '../types';

type G = Selection<SVGGElement, unknown, null, undefined>;

const fmt = format('.4~g');
const star = symbol(symbolStar, 90)() ?? '';
const cross = symbol(symbolCross, 70)() ?? '';

/** Index of the last sample with finite coordinates, or −1. */
export function lastFinite(r: SurfaceRun): number {
  for (let i = Math.min(r.length, r.x.length) - 1; i >= 0; i--) {
    if (Number.isFinite(r.x[i]) && Number.isFinite(r.y[i])) return i;
  }
  return -1;
}

const inside = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Known minima as stars. Fixed white/near-black rather than theme colours: they sit on the
 * heatmap, whose low end is dark in both themes.
 */
export function renderMinima(
  g: G,
  frame: PlotFrame,
  minima: readonly KnownMinimum[],
  label: string,
): void {
  g.selectAll<SVGPathElement, KnownMinimum>('path')
    .data(minima)
    .join((enter) => {
      const p = enter.append('path').attr('data-testid', 'surface-minimum');
      p.append('title');
      return p;
    })
    .attr('d', star)
    .attr('transform', (m) => {
      const [px, py] = dataToPixel(frame, m.x, m.y);
      return `translate(${px},${py})`;
    })
    .attr('fill', (m) => (m.global ? '#ffffff' : 'none'))
    .attr('stroke', (m) => (m.global ? '#11151c' : '#ffffff'))
    .attr('stroke-width', (m) => (m.global ? 1 : 1.4))
    .attr('data-global', (m) => String(m.global))
    .attr('pointer-events', 'visiblePainted')
    .select('title')
    .text((m) => `${label} (${fmt(m.x)}, ${fmt(m.y)}): f = ${fmt(m.value)}`);
}

/** A run's current position marker, in plot pixels. */
export interface Head {
  run: SurfaceRun;
  px: number;
  py: number;
  diverged: boolean;
}

/** Current-position markers; returns the selected run's head (for the overlay), if any. */
export function renderHeads(
  g: G,
  frame: PlotFrame,
  runs: readonly SurfaceRun[],
  colors: PlotColors,
  onSelect: ((id: string) => void) | undefined,
): Map<string, Head> {
  const heads: Head[] = [];
  for (const run of runs) {
    if (run.hidden) continue;
    const i = lastFinite(run);
    if (i < 0) continue;
    const [px, py] = dataToPixel(frame, run.x[i], run.y[i]);
    heads.push({
      run,
      px: inside(px, 0, frame.width),
      py: inside(py, 0, frame.height),
      diverged: run.status.kind === 'diverged',
    });
  }
  g.selectAll<SVGGElement, Head>('g.gs-head')
    .data(heads, (h) => h.run.id)
    .join((enter) => {
      const h = enter.append('g').attr('class', 'gs-head').attr('data-testid', 'surface-run-head');
      h.append('circle').attr('class', 'ring');
      h.append('circle').attr('class', 'dot');
      h.append('path').attr('class', 'x');
      return h;
    })
    .attr('data-run', (h) => h.run.id)
    .attr('data-status', (h) => h.run.status.kind)
    .attr('transform', (h) => `translate(${h.px},${h.py})`)
    .style('cursor', () => (onSelect ? 'pointer' : null))
    .on('click', (event: MouseEvent, h) => {
      if (!onSelect) return;
      event.stopPropagation();
      onSelect(h.run.id);
    })
    .call((sel) => {
      sel
        .select('circle.ring')
        .attr('r', 7.5)
        .attr('fill', 'none')
        .attr('stroke', (h) => h.run.color)
        .attr('stroke-width', 1.5)
        .attr('display', (h) => (h.diverged ? 'none' : null));
      sel
        .select('circle.dot')
        .attr('r', 4)
        .attr('fill', (h) => h.run.color)
        .attr('stroke', colors.bg)
        .attr('stroke-width', 1.5)
        .attr('display', (h) => (h.diverged ? 'none' : null));
      sel
        .select('path.x')
        .attr('d', cross)
        .attr('transform', 'rotate(45)')
        .attr('fill', (h) => h.run.color)
        .attr('stroke', colors.bg)
        .attr('stroke-width', 1)
        .attr('display', (h) => (h.diverged ? null : 'none'));
    });
  return new Map(heads.map((h) => [h.run.id, h]));
}

/** The start handle: a ring with a centre dot and a crosshair, in the accent colour. */
export function renderStart(
  g: G,
  frame: PlotFrame,
  start: readonly [number, number],
  colors: PlotColors,
  label: string,
): void {
  const [px, py] = dataToPixel(frame, start[0], start[1]);
  const h = g
    .selectAll<SVGGElement, number>('g.gs-start')
    .data([0])
    .join((enter) => {
      const s = enter
        .append('g')
        .attr('class', 'gs-start')
        .attr('data-testid', 'surface-start')
        .style('cursor', 'grab');
      s.append('circle').attr('class', 'hit').attr('r', 14).attr('fill', 'transparent');
      s.append('path').attr('class', 'cross');
      s.append('circle').attr('class', 'halo').attr('r', 7);
      s.append('circle').attr('class', 'ring').attr('r', 7);
      s.append('circle').attr('class', 'dot').attr('r', 2.5);
      s.append('title');
      return s;
    })
    .attr('transform', `translate(${px},${py})`)
    .attr('data-x', start[0])
    .attr('data-y', start[1]);
  h.select('path.cross')
    .attr('d', 'M-13,0H-9M9,0H13M0,-13V-9M0,9V13')
    .attr('stroke', colors.accent)
    .attr('stroke-width', 1.75);
  h.select('circle.halo')
    .attr('fill', 'none')
    .attr('stroke', colors.bg)
    .attr('stroke-width', 4.5)
    .attr('stroke-opacity', 0.85);
  h.select('circle.ring')
    .attr('fill', 'none')
    .attr('stroke', colors.accent)
    .attr('stroke-width', 2);
  h.select('circle.dot').attr('fill', colors.accent);
  h.select('title').text(`${label} (${fmt(start[0])}, ${fmt(start[1])})`);
}
