/**
 * Piles: where many of a cloud's points sit on the same spot (a swarm at a minimum, an
 * ensemble that has converged) a dot cannot say how many there are. Points are binned into
 * PILE_CELL_PX-CSS-px cells; a cell with at least PILE_MIN_SHARE of a cloud's points (and
 * PILE_MIN_POINTS) becomes a pile: a ring sized by its share and a label with its count. Pure.
 */
import { dataToPixel, type PlotFrame } from './transform';
import type { SurfaceCloud } from '../types';

export const PILE_CELL_PX = 6;
export const PILE_MIN_SHARE = 0.02;
export const PILE_MIN_POINTS = 20;

export interface Pile {
  /** Centre in CSS px of the plot area (the mean of its points). */
  readonly x: number;
  readonly y: number;
  readonly count: number;
  /** count / the cloud's finite points. */
  readonly share: number;
  readonly color: string;
}

/** The piles of every cloud, largest first. */
export function findPiles(clouds: readonly Pick<SurfaceCloud, 'x' | 'y' | 'length' | 'color'>[], frame: PlotFrame): Pile[] {
  const piles: Pile[] = [];
  for (const c of clouds) {
    const cells = new Map<number, { n: number; sx: number; sy: number }>();
    const cols = Math.ceil(frame.width / PILE_CELL_PX) + 1;
    let finite = 0;
    for (let i = 0; i < c.length; i++) {
      const x = c.x[i];
      const y = c.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const [px, py] = dataToPixel(frame, x, y);
      if (px < 0 || py < 0 || px > frame.width || py > frame.height) continue;
      finite++;
      const key = Math.floor(py / PILE_CELL_PX) * cols + Math.floor(px / PILE_CELL_PX);
      const cell = cells.get(key);
      if (cell) {
        cell.n++;
        cell.sx += px;
        cell.sy += py;
      } else cells.set(key, { n: 1, sx: px, sy: py });
    }
    const min = Math.max(PILE_MIN_POINTS, PILE_MIN_SHARE * finite);
    for (const cell of cells.values()) {
      if (cell.n >= min) piles.push({ x: cell.sx / cell.n, y: cell.sy / cell.n, count: cell.n, share: cell.n / finite, color: c.color });
    }
  }
  return piles.sort((a, b) => b.count - a.count);
}

/** Ring radius in CSS px: 6 px, growing with the square root of the share up to 18 px. */
export function pileRadius(share: number): number {
  return 6 + 12 * Math.sqrt(Math.min(1, share));
}

/** "24.8k", "1,024", "312". */
export function pileLabel(count: number): string {
  return count >= 10_000 ? `${(count / 1000).toFixed(1)}k` : count.toLocaleString('en-US');
}
