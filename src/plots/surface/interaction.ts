/**
 * Pointer and keyboard input of the surface view: d3-zoom (wheel, drag-pan, two-finger pinch
 * and pan) on the plot group, click-to-place and drag of the start handle, arrow keys to nudge
 * the start, +/− to zoom.
 *
 * Double-click does one thing only: it places the start (its two clicks land on the same
 * point). d3-zoom's double-click zoom is off; it used to zoom and move the start at once.
 * One finger on a touch screen scrolls the page (the view sets touch-action: pan-y), so
 * touch zoom and pan take two fingers; a tap still places the start.
 *
 * Zoom never transforms the layers: each gesture's transform is turned into a new data window
 * (zoomedView) relative to the window at the gesture's start, reported, and the zoom state is
 * reset to identity at the end; the view re-renders from data coordinates, so lines and labels
 * stay crisp at any zoom.
 */
import { drag } from 'd3-drag';
import { pointer, select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';
import { nudgePoint, pixelToData, zoomedView, type PlotFrame } from './transform';
import type { Box } from '../types';

/** What the interaction needs from the view. */
export interface InteractionHost {
  /** The keyboard-focusable container. */
  readonly container: HTMLElement;
  /** The plot-area group (translated by the margins); pointer coordinates are taken in it. */
  readonly plot: SVGGElement;
  /** The frame currently displayed. */
  frame(): PlotFrame;
  /** The start currently displayed. */
  start(): readonly [number, number];
  /** The user placed the start (data coordinates). */
  placeStart(x: number, y: number): void;
  /** A zoom/pan produced a new window; `done` at the end of the gesture. */
  changeView(view: Box | null, done: boolean): void;
}

export interface Interaction {
  /** Attaches the drag behaviour to the (re-)rendered start handle. */
  bindStartHandle(handle: Selection<SVGGElement, unknown, null, undefined>): void;
  /** Keeps the zoom extent equal to the plot area. */
  resize(width: number, height: number): void;
  destroy(): void;
}

/** Views narrower than this fraction of their centre's magnitude are refused (f64 runs out). */
const MIN_RELATIVE_SPAN = 1e-9;

function usable(v: Box): boolean {
  const ok = (a: number, b: number) =>
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    b - a > MIN_RELATIVE_SPAN * Math.max(1e-300, Math.abs(a) + Math.abs(b)) &&
    b - a < 1e15;
  return ok(v.x[0], v.x[1]) && ok(v.y[0], v.y[1]);
}

/**
 * Which events start a zoom gesture: d3-zoom's default (no secondary button, ctrl only with
 * the wheel), and touches only with two fingers or more, so one finger scrolls the page.
 */
export function zoomFilter(event: Event): boolean {
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent)
    return event.touches.length >= 2;
  const e = event as MouseEvent;
  return (!e.ctrlKey || e.type === 'wheel') && !e.button;
}

export function attachInteraction(host: InteractionHost): Interaction {
  const plot = select(host.plot);
  let base: PlotFrame | null = null;
  let resetting = false;

  const z = zoom<SVGGElement, unknown>()
    .filter(zoomFilter)
    .clickDistance(4)
    .on('start', () => {
      if (!resetting) base = host.frame();
    })
    .on('zoom', (e: D3ZoomEvent<SVGGElement, unknown>) => {
      if (resetting || !base) return;
      const v = zoomedView(base, e.transform.k, e.transform.x, e.transform.y);
      if (usable(v)) host.changeView(v, false);
    })
    .on('end', () => {
      if (resetting) return;
      base = null;
      resetting = true;
      plot.call(z.transform, zoomIdentity);
      resetting = false;
      host.changeView(null, true);
    });
  plot.call(z).on('dblclick.zoom', null);

  // d3-zoom swallows the click that ends a pan (it moved more than clickDistance), so a click
  // here is a real click.
  plot.on('click.start', (event: MouseEvent) => {
    const f = host.frame();
    const [px, py] = pointer(event, host.plot);
    if (px < 0 || py < 0 || px > f.width || py > f.height) return;
    host.placeStart(...pixelToData(f, px, py));
  });

  const dragStart = drag<SVGGElement, unknown>()
    .container(host.plot)
    .subject((event: { x: number; y: number }) => ({ x: event.x, y: event.y }))
    .on('start', function () {
      select(this).style('cursor', 'grabbing');
    })
    .on('drag', (event: { x: number; y: number }) => {
      const f = host.frame();
      const px = Math.min(f.width, Math.max(0, event.x));
      const py = Math.min(f.height, Math.max(0, event.y));
      host.placeStart(...pixelToData(f, px, py));
    })
    .on('end', function () {
      select(this).style('cursor', 'grab');
    });

  const keys: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, 1],
    ArrowDown: [0, -1],
  };
  const onKey = (e: KeyboardEvent) => {
    const dir = keys[e.key];
    if (dir) {
      const step = e.shiftKey ? 0.1 : 0.01;
      const f = host.frame();
      host.placeStart(...nudgePoint(host.start(), f.view, dir[0] * step, dir[1] * step));
      e.preventDefault();
    } else if (e.key === '+' || e.key === '=' || e.key === '-') {
      plot.call(z.scaleBy, e.key === '-' ? 1 / 1.25 : 1.25);
      e.preventDefault();
    }
  };
  host.container.addEventListener('keydown', onKey);

  return {
    bindStartHandle(handle) {
      handle.call(dragStart);
    },
    resize(width, height) {
      z.extent([
        [0, 0],
        [width, height],
      ]);
    },
    destroy() {
      host.container.removeEventListener('keydown', onKey);
      plot.on('.zoom', null).on('click.start', null);
    },
  };
}
