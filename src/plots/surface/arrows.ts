/**
 * Pure scaling of the optimizer-state overlays (gradient / velocity / step arrows, Adam's
 * effective-step box). Raw optimizer quantities span many orders of magnitude, so each one is
 * magnified by a factor from the 1-2-5 series chosen to make it between 40% and 100% of a target
 * length (TARGET_FRACTION of the plot's shorter side). The factor is shown in the label
 * ("−∇f ×20"), so lengths stay honest: a factor of 1 means true data scale.
 * The gradient arrow points downhill: it is drawn as −g.
 */
import type { SurfaceArrow } from '../types';

/** Target arrow length as a fraction of the plot's shorter side. */
export const TARGET_FRACTION = 0.2;

const SERIES = [1, 2, 5];

/**
 * The 1-2-5 factor m such that lengthPx·m ∈ (0.4·targetPx, targetPx]. 1 for a zero, NaN or
 * infinite length (nothing sensible to magnify).
 */
export function magnification(lengthPx: number, targetPx: number): number {
  if (!(lengthPx > 0) || !Number.isFinite(lengthPx) || !(targetPx > 0)) return 1;
  const want = targetPx / lengthPx;
  let e = Math.floor(Math.log10(want));
  // Walk the 1-2-5 ladder down from the largest factor ≤ want.
  for (;;) {
    for (let s = SERIES.length - 1; s >= 0; s--) {
      const m = SERIES[s] * 10 ** e;
      if (m <= want * (1 + 1e-12)) return m;
    }
    e--;
  }
}

/** Formats a magnification for a label: '' for 1, else '×20', '×0.05', '×1e+6'. */
export function formatMagnification(m: number): string {
  if (m === 1) return '';
  const s = m >= 1e4 || m < 1e-3 ? m.toExponential(0) : String(Number(m.toPrecision(1)));
  return `×${s}`;
}

/** An arrow ready to draw: pixel offset from the current point and its label. */
export interface ArrowGeometry {
  readonly kind: SurfaceArrow['kind'];
  /** Pixel offset (y down). */
  readonly px: number;
  readonly py: number;
  readonly label: string;
  readonly factor: number;
}

/**
 * Vectors that would need more magnification than this are treated as zero: at a converged
 * point m̂ or g can be 1e-50, and an arrow "×1e+50" shows float noise, not optimizer state.
 */
export const MAX_MAGNIFICATION = 1e9;

/**
 * Pixel geometry of an arrow given the data size of one pixel. Gradients are negated (downhill).
 * Null when the vector is zero, not finite, or negligible (see MAX_MAGNIFICATION).
 */
export function arrowGeometry(
  a: SurfaceArrow,
  pxPerDataX: number,
  pxPerDataY: number,
  targetPx: number,
): ArrowGeometry | null {
  const sign = a.kind === 'gradient' ? -1 : 1;
  const px = sign * a.dx * pxPerDataX;
  const py = -sign * a.dy * pxPerDataY;
  const len = Math.hypot(px, py);
  if (!(len > 0) || !Number.isFinite(len)) return null;
  const factor = magnification(len, targetPx);
  if (factor > MAX_MAGNIFICATION) return null;
  const tag = formatMagnification(factor);
  return {
    kind: a.kind,
    px: px * factor,
    py: py * factor,
    factor,
    label: tag ? `${a.label} ${tag}` : a.label,
  };
}

/**
 * Pixel half-extents of the effective-step box (it spans x ± w, y ± h), magnified like the
 * arrows by the factor that fits its larger side.
 */
export function boxGeometry(
  w: number,
  h: number,
  pxPerDataX: number,
  pxPerDataY: number,
  targetPx: number,
): { hw: number; hh: number; factor: number } | null {
  // Same scaling rule as arrowGeometry (and the same negligible-size cut-off).
  const hw = Math.abs(w) * pxPerDataX;
  const hh = Math.abs(h) * pxPerDataY;
  const big = Math.max(hw, hh);
  if (!(big > 0) || !Number.isFinite(big)) return null;
  const factor = magnification(big, targetPx);
  if (factor > MAX_MAGNIFICATION) return null;
  return { hw: hw * factor, hh: hh * factor, factor };
}
