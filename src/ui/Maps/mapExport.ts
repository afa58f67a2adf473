/**
 * Exports of the maps (issue 13): every cell as CSV (its two coordinates, value, outcome and
 * steps), and the map as a PNG figure at 2× (the canvas plus the axes, legend and overlay,
 * through the figure exporter of ../export/figure).
 */
import type { RunStatus } from '../../core/experiment';
import { OUTCOMES, type CellValues } from '../../core/maps';
import { csvField } from '../export/csv';
import { downloadBlob, downloadText as download } from '../export/download';
import { figurePngBlob, readFigure } from '../export/figure';

const num = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** The hyperparameter map: one row per cell, x fastest. */
export function mapCsv(xName: string, yName: string, xs: ArrayLike<number>, ys: ArrayLike<number>, cells: CellValues): string {
  const rows = [[xName, yName, 'final_loss', 'outcome', 'steps'].map(csvField).join(',')];
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      const c = j * xs.length + i;
      rows.push([num(xs[i]), num(ys[j]), num(cells.loss[c]), OUTCOMES[cells.outcome[c]], String(cells.steps[c])].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

/** The basin map: start (x, y), the minimum reached (index, or 'none' / 'diverged') and steps. */
export function basinCsv(xs: ArrayLike<number>, ys: ArrayLike<number>, basins: ArrayLike<number>, steps: ArrayLike<number>, minima: readonly { x: number; y: number }[]): string {
  const rows = ['x0,y0,basin,minimum_x,minimum_y,steps'];
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      const c = j * xs.length + i;
      const k = basins[c];
      const m = k >= 0 ? minima[k] : undefined;
      rows.push([num(xs[i]), num(ys[j]), k >= 0 ? String(k + 1) : k === -2 ? 'diverged' : 'none', m ? num(m.x) : '', m ? num(m.y) : '', String(steps[c])].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

/** The swarm: every point's start, where it is now, and its status (with the step it was set). */
export function swarmCsv(starts: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>, status: readonly RunStatus[]): string {
  const rows = ['x0,y0,x,y,status,step'];
  for (let i = 0; i < status.length; i++) {
    const st = status[i];
    rows.push([num(starts[2 * i]), num(starts[2 * i + 1]), num(x[i]), num(y[i]), st.kind, st.kind === 'running' ? '' : String(st.step)].join(','));
  }
  return rows.join('\n') + '\n';
}

export function downloadText(text: string, fileName: string): void {
  download(text, fileName, 'text/csv;charset=utf-8');
}

/** The mounted map view under `host` as a PNG at 2×. */
export async function downloadCanvasPng(host: HTMLElement, fileName: string, title = ''): Promise<void> {
  const root = host.querySelector<HTMLElement>('.gs-mapview');
  if (!root) return;
  downloadBlob(await figurePngBlob(readFigure(root, [], title), 2), fileName);
}
