/**
 * The cloud layer: the current iterate of every member of an ensemble run (issue 12) or every
 * point of a swarm (issue 13), one small dot per point in the run's colour, on its own canvas
 * under the trajectories; redrawn whenever the state changes.
 *
 * Up to DENSE_CLOUD_DOTS points are haloed arcs (a thousand ensemble members draw in well under
 * a millisecond on a GPU-rastered canvas). Beyond that, arcs cost too much (headless Chromium's
 * software canvas, 900 × 700 px: 100,000 arcs 705 ms, 100,000 fillRect squares 143 ms), so the
 * points are written as 2-CSS-px squares straight into an ImageData (13 ms), more opaque where
 * they pile up: a density picture.
 */
import { clampPixel, dataToPixel, type PlotFrame } from './transform';
import { findPiles, pileLabel, pileRadius } from './piles';
import type { SurfaceCloud } from '../types';

/** Dot radius in CSS px. */
export const CLOUD_DOT_RADIUS = 2.2;
/** Above this many points (all clouds together) the layer draws pixels instead of arcs. */
export const DENSE_CLOUD_DOTS = 2048;
/** Dense mode: alpha of a pixel one point covers, and what each further point adds. */
const DENSE_ALPHA = 150;
const DENSE_ALPHA_STEP = 35;

/**
 * Draws `clouds` for the frame (clearing the canvas first), then a ring with a count on every
 * pile (./piles: a spot holding many of a cloud's points); returns the dots drawn.
 */
export function drawClouds(canvas: HTMLCanvasElement, clouds: readonly SurfaceCloud[], frame: PlotFrame, dpr: number, halo: string, fontPx = 12): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const shown = clouds.filter((c) => !c.hidden);
  const total = shown.reduce((n, c) => n + c.length, 0);
  const dense = total > DENSE_CLOUD_DOTS;
  const drawn = dense ? drawDense(ctx, canvas, shown, frame, dpr, halo) : drawArcs(ctx, canvas, shown, frame, dpr, halo);
  const piles = findPiles(shown, frame);
  drawPiles(ctx, piles, dpr, halo, fontPx);
  canvas.dataset.dots = String(drawn);
  canvas.dataset.mode = dense ? 'pixels' : 'arcs';
  canvas.dataset.piles = piles.map((p) => p.count).join(',');
  return drawn;
}

/** Rings sized by share, in the cloud's colour over a halo, each with its count beside it. */
function drawPiles(ctx: CanvasRenderingContext2D, piles: readonly ReturnType<typeof findPiles>[number][], dpr: number, halo: string, fontPx: number): void {
  if (piles.length === 0) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const p of piles) {
    const r = pileRadius(p.share);
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = halo;
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = p.color;
    ctx.stroke();
    const label = pileLabel(p.count);
    ctx.lineWidth = 3;
    ctx.strokeStyle = halo;
    ctx.strokeText(label, p.x + r + 4, p.y);
    ctx.fillStyle = p.color;
    ctx.fillText(label, p.x + r + 4, p.y);
  }
}

function drawArcs(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, clouds: readonly SurfaceCloud[], frame: PlotFrame, dpr: number, halo: string): number {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  let drawn = 0;
  const r = CLOUD_DOT_RADIUS;
  for (const c of clouds) {
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
  return drawn;
}

/** One ImageData per canvas, reused while its size holds. */
const images = new WeakMap<HTMLCanvasElement, ImageData>();

function drawDense(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, clouds: readonly SurfaceCloud[], frame: PlotFrame, dpr: number, halo: string): number {
  const w = canvas.width;
  const h = canvas.height;
  let img = images.get(canvas);
  if (!img || img.width !== w || img.height !== h) {
    img = ctx.createImageData(w, h);
    images.set(canvas, img);
  }
  const buf = new Uint32Array(img.data.buffer);
  buf.fill(0);
  const size = Math.max(2, Math.round(2 * dpr));
  // A halo first (one device px around every square, where nothing else is), then the dots:
  // a pile of points at a minimum still stands out from the heatmap beneath.
  const haloColor = colorOf(ctx, halo);
  const haloPx = (haloColor.rgb | (Math.round(haloColor.alpha * 200) << 24)) >>> 0;
  for (const c of clouds) rasterizeHalo(buf, w, h, c, frame, dpr, size, haloPx);
  let drawn = 0;
  for (const c of clouds) drawn += rasterizeDots(buf, w, h, c, frame, dpr, size, colorOf(ctx, c.color).rgb);
  ctx.putImageData(img, 0, 0);
  return drawn;
}

/** The colour as 0xBBGGRR and its alpha (a canvas normalises CSS colours to #rrggbb or rgba(...)). */
function colorOf(ctx: CanvasRenderingContext2D, color: string): { rgb: number; alpha: number } {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = color;
  const s = String(ctx.fillStyle);
  let r = 0;
  let g = 0;
  let b = 0;
  let alpha = 1;
  if (s.startsWith('#') && s.length === 7) {
    r = parseInt(s.slice(1, 3), 16);
    g = parseInt(s.slice(3, 5), 16);
    b = parseInt(s.slice(5, 7), 16);
  } else {
    const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?/.exec(s);
    if (m) {
      [r, g, b] = [m[1], m[2], m[3]].map((v) => Math.round(Number(v)));
      if (m[4] !== undefined) alpha = Number(m[4]);
    }
  }
  return { rgb: r | (g << 8) | (b << 16), alpha };
}

/** Data to device px: px = (x − x0)·sx, py = (y1 − y)·sy (the rasterizers' hot loops inline it). */
function deviceScale(frame: PlotFrame, dpr: number) {
  const [x0, x1] = frame.view.x;
  const [y0, y1] = frame.view.y;
  return { x0, y1, sx: (frame.width * dpr) / (x1 - x0), sy: (frame.height * dpr) / (y1 - y0) };
}

/** One device px of `px` (0xAABBGGRR) around each point's square, on empty pixels only. */
export function rasterizeHalo(buf: Uint32Array, w: number, h: number, c: Pick<SurfaceCloud, 'x' | 'y' | 'length'>, frame: PlotFrame, dpr: number, size: number, px: number): void {
  const { x0, y1, sx, sy } = deviceScale(frame, dpr);
  const half = size / 2;
  for (let i = 0; i < c.length; i++) {
    const x = c.x[i];
    const y = c.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const qx = Math.round((x - x0) * sx - half) - 1;
    const qy = Math.round((y1 - y) * sy - half) - 1;
    if (qx < -size - 2 || qy < -size - 2 || qx >= w || qy >= h) continue;
    const yb = Math.min(h, qy + size + 2);
    const xb = Math.min(w, qx + size + 2);
    for (let yy = Math.max(0, qy); yy < yb; yy++) {
      let o = yy * w + Math.max(0, qx);
      for (let xx = Math.max(0, qx); xx < xb; xx++, o++) if (buf[o] === 0) buf[o] = px;
    }
  }
}

/**
 * Writes one cloud's points as `size`-device-px squares of colour `rgb` (0xBBGGRR) into `buf`,
 * the w × h RGBA pixels of an ImageData viewed as little-endian u32 (0xAABBGGRR). The first
 * point on a pixel sets alpha DENSE_ALPHA, each further one adds DENSE_ALPHA_STEP. Points not
 * finite or outside the canvas are skipped. Returns the points drawn.
 */
export function rasterizeDots(buf: Uint32Array, w: number, h: number, c: Pick<SurfaceCloud, 'x' | 'y' | 'length'>, frame: PlotFrame, dpr: number, size: number, rgb: number): number {
  const { x0, y1, sx, sy } = deviceScale(frame, dpr);
  const half = size / 2;
  let drawn = 0;
  for (let i = 0; i < c.length; i++) {
    const x = c.x[i];
    const y = c.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const px = Math.round((x - x0) * sx - half);
    const py = Math.round((y1 - y) * sy - half);
    if (px < -size || py < -size || px >= w || py >= h) continue;
    const ya = Math.max(0, py);
    const yb = Math.min(h, py + size);
    const xa = Math.max(0, px);
    const xb = Math.min(w, px + size);
    for (let yy = ya; yy < yb; yy++) {
      let o = yy * w + xa;
      for (let xx = xa; xx < xb; xx++, o++) {
        // A pixel of another colour (the halo, another cloud) counts as empty.
        const a = (buf[o] & 0xffffff) === rgb ? buf[o] >>> 24 : 0;
        const next = a === 0 ? DENSE_ALPHA : Math.min(255, a + DENSE_ALPHA_STEP);
        buf[o] = (rgb | (next << 24)) >>> 0;
      }
    }
    drawn++;
  }
  return drawn;
}
