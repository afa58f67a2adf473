/**
 * The cloud layer: the current iterate of every member of an ensemble run (issue 12), one small
 * dot per member in the run's colour, on its own canvas under the trajectories. A thousand
 * members redraw in well under a millisecond; it is redrawn whenever the state changes.
 */
import { clampPixel, dataToPixel, type PlotFrame } from './transform';
import type { SurfaceCloud } from '../types';

/** Dot radius in CSS px. */
export const CLOUD_DOT_RADIUS = 2.2;

/** Draws `clouds` for the frame (clearing the canvas first); returns the dots drawn. */
export function drawClouds(canvas: HTMLCanvasElement, clouds: readonly SurfaceCloud[], frame: PlotFrame, dpr: number, halo: string): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  let drawn = 0;
  const r = CLOUD_DOT_RADIUS;
  for (const c of clouds) {
    if (c.hidden) continue;
    ctx.beginPath();
    for (let i = 0; i < c.length; i++) {
      const x = c.x[i];
      const y = c.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const [px, py] = dataToPixel(frame, x, y);
      if (px < -r || py < -r || px > frame.width + r || py > frame.height + r) continue;
      const cx = clampPixel(px, 0, frame.width);
      const cy = clampPixel(py, 0, frame.height);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
      drawn++;
    }
    ctx.fillStyle = c.color;
    ctx.globalAlpha = 0.55;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = halo;
    ctx.stroke();
  }
  canvas.dataset.dots = String(drawn);
  return drawn;
}
