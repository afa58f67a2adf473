/**
 * The trajectory layer: every visible run's path on its own canvas, with a small dot every
 * markerInterval() steps. While a race runs only the appended samples are stroked (see
 * trajectoryPlan.ts); a change of view, size, theme or run set redraws everything.
 */
import { clampPixel, dataToPixel, type PlotFrame } from './transform';
import {
  markerInterval,
  planTrajectoryDraw,
  trajectorySignature,
  type DrawnState,
} from './trajectoryPlan';
import type { SurfaceRun } from '../types';

/** Line width of a trajectory in CSS px. */
export const TRAJECTORY_WIDTH = 1.6;
/** Samples closer than this (CSS px, per axis) to the last drawn vertex are skipped. */
export const SKIP_PX = 0.75;

export interface TrajectoryLayer {
  /** Draws `runs` for the frame; `frameKey` identifies view + size + dpr + theme. */
  draw(
    runs: readonly SurfaceRun[],
    frame: PlotFrame,
    dpr: number,
    frameKey: string,
    halo: string,
  ): void;
  /** Forget what was drawn (next draw is full). */
  invalidate(): void;
}

export function createTrajectoryLayer(canvas: HTMLCanvasElement): TrajectoryLayer {
  let drawn: DrawnState | null = null;

  function strokeRun(
    ctx: CanvasRenderingContext2D,
    r: SurfaceRun,
    frame: PlotFrame,
    from: number,
    halo: string,
  ): void {
    const { width: w, height: h } = frame;
    const trace = (start: number) => {
      ctx.beginPath();
      let pen = false;
      let lx = NaN;
      let ly = NaN;
      const end = r.length - 1;
      for (let i = start; i <= end; i++) {
        const x = r.x[i];
        const y = r.y[i];
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          pen = false;
          continue;
        }
        const [px, py] = dataToPixel(frame, x, y);
        const cx = clampPixel(px, 0, w);
        const cy = clampPixel(py, 0, h);
        // Sub-pixel moves add nothing visible but cost a join each in the rasteriser (a converged
        // run piles thousands of samples on one pixel): skip them, except the final sample.
        if (pen && i < end && Math.abs(cx - lx) < SKIP_PX && Math.abs(cy - ly) < SKIP_PX) continue;
        if (pen) ctx.lineTo(cx, cy);
        else ctx.moveTo(cx, cy);
        lx = cx;
        ly = cy;
        pen = true;
      }
    };
    // A halo under the colour keeps thin lines legible on any part of the colour map. When
    // appending, the colour starts one segment earlier than the halo so it repaints the notch
    // the new halo's round cap cut into the end of the old line.
    trace(from);
    ctx.strokeStyle = halo;
    ctx.lineWidth = TRAJECTORY_WIDTH + 1.6;
    ctx.stroke();
    trace(Math.max(0, from - 1));
    ctx.strokeStyle = r.color;
    ctx.lineWidth = TRAJECTORY_WIDTH;
    ctx.stroke();
    const every = markerInterval(r.length);
    ctx.fillStyle = r.color;
    ctx.beginPath();
    const first = Math.ceil(Math.max(1, from + 1) / every) * every;
    for (let i = first; i < r.length - 1; i += every) {
      const x = r.x[i];
      const y = r.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const [px, py] = dataToPixel(frame, x, y);
      if (px < -4 || py < -4 || px > w + 4 || py > h + 4) continue;
      ctx.moveTo(px + 1.9, py);
      ctx.arc(px, py, 1.9, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = halo;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.fill();
  }

  return {
    draw(runs, frame, dpr, frameKey, halo) {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const signature = trajectorySignature(runs, frameKey);
      const plan = planTrajectoryDraw(drawn, signature, runs);
      if (plan.kind === 'none') return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
      if (plan.kind === 'full') ctx.clearRect(0, 0, frame.width, frame.height);
      const next = new Map<string, { length: number; x: Float64Array; every: number }>();
      for (const r of runs) {
        if (r.hidden) continue;
        const from = plan.kind === 'full' ? 0 : (plan.from.get(r.id) ?? r.length);
        if (r.length - from >= 2) strokeRun(ctx, r, frame, from, halo);
        next.set(r.id, { length: r.length, x: r.x, every: markerInterval(r.length) });
      }
      drawn = { signature, drawn: next };
    },
    invalidate() {
      drawn = null;
    },
  };
}
