/**
 * Pure decisions for the trajectory canvas: redraw everything, append only the new samples, or
 * do nothing. Appending is the common case while a race runs (a few new points per frame per
 * run), and it is what keeps 10 runs × 10k points at 60 fps.
 */
import type { SurfaceRun } from '../types';

/** What was on the canvas after the last draw. */
export interface DrawnState {
  /** Everything that invalidates all pixels: view, size, dpr, theme, run set/colours/visibility. */
  readonly signature: string;
  /** Per run id: the sample count drawn and the x array drawn from. */
  readonly drawn: ReadonlyMap<string, { length: number; x: Float64Array; every: number }>;
}

/** Steps between the small markers: 1-2-5 series giving at most `maxMarks` marks per run. */
export function markerInterval(length: number, maxMarks = 40): number {
  if (!(length > maxMarks)) return 1;
  const raw = length / maxMarks;
  const e = 10 ** Math.floor(Math.log10(raw));
  for (const s of [1, 2, 5, 10]) if (s * e >= raw) return s * e;
  return 10 * e;
}

/** The signature of everything that forces a full redraw. */
export function trajectorySignature(runs: readonly SurfaceRun[], frameKey: string): string {
  let s = frameKey;
  for (const r of runs) s += `|${r.id}:${r.color}:${r.hidden ? 1 : 0}`;
  return s;
}

export type DrawPlan =
  | { readonly kind: 'full' }
  | { readonly kind: 'none' }
  /** Per visible run: draw segments from sample `from` (already drawn) to length − 1. */
  | { readonly kind: 'append'; readonly from: ReadonlyMap<string, number> };

/**
 * Full when the signature changed, a run shrank (reset), its buffer was replaced or its marker
 * interval changed; append when some run grew; none otherwise.
 */
export function planTrajectoryDraw(
  prev: DrawnState | null,
  signature: string,
  runs: readonly SurfaceRun[],
): DrawPlan {
  if (!prev || prev.signature !== signature) return { kind: 'full' };
  const from = new Map<string, number>();
  for (const r of runs) {
    if (r.hidden) continue;
    const d = prev.drawn.get(r.id);
    if (!d || d.x !== r.x || r.length < d.length) return { kind: 'full' };
    if (markerInterval(r.length) !== d.every) return { kind: 'full' };
    if (r.length > d.length) from.set(r.id, Math.max(0, d.length - 1));
  }
  return from.size === 0 ? { kind: 'none' } : { kind: 'append', from };
}
