/**
 * The Export menu's actions: each reads the store (and, for figures, the mounted plot) once
 * and hands one file to the browser. Failures throw ExportFailure with a catalogue key, which
 * the menu shows in its message.
 */
import type { TFunction } from 'i18next';
import type { AppState } from '../../store/state';
import { runName, surfaceName } from '../text/names';
import { lossCurvesCsv, trajectoryCsv } from './csv';
import { downloadBlob, downloadText, exportFileName, MIME } from './download';
import { experimentFileText } from './experimentFile';
import { figurePngBlob, figureSvgBlob, pngScale, readFigure } from './figure';
import { raceRuns } from './raceRuns';

/** Everything the menu can export. */
export type ExportAction = 'experiment' | 'surface-png' | 'surface-svg' | 'loss-png' | 'loss-svg' | 'trajectories' | 'loss-curves';

/** An export that could not be made; `key` is an `export.*` catalogue key. */
export class ExportFailure extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** Data-testids of the plot roots a figure is read from. */
const PLOT_ROOT = { surface: 'surface-view', loss: 'chart-loss' } as const;

async function exportFigure(which: 'surface' | 'loss', format: 'png' | 'svg', s: AppState, t: TFunction): Promise<void> {
  const root = document.querySelector<HTMLElement>(`[data-testid="${PLOT_ROOT[which]}"]`);
  if (!root || root.getBoundingClientRect().width === 0) throw new ExportFailure('export.notShown', `${PLOT_ROOT[which]} is not on the page`);
  const surfaceId = s.resolved.objective.id;
  const legend = raceRuns(s, (r) => runName(t, r))
    .filter((r) => !r.hidden)
    .map((r) => ({ label: r.label, color: r.color }));
  const title = t(which === 'surface' ? 'export.surfaceTitle' : 'export.lossTitle', { surface: surfaceName(t, surfaceId) });
  const figure = readFigure(root, legend, title);
  const kind = which === 'surface' ? 'surface' : 'loss';
  if (format === 'svg') downloadBlob(figureSvgBlob(figure), exportFileName(surfaceId, kind, 'svg'));
  else downloadBlob(await figurePngBlob(figure, pngScale(globalThis.devicePixelRatio)), exportFileName(surfaceId, kind, 'png'));
}

/** Runs one export of the current state. */
export async function runExport(action: ExportAction, s: AppState, t: TFunction): Promise<void> {
  const surfaceId = s.resolved.objective.id;
  switch (action) {
    case 'experiment':
      return downloadText(experimentFileText(s.resolved), exportFileName(surfaceId, 'experiment', 'json'), MIME.json);
    case 'trajectories':
      return downloadText(trajectoryCsv(raceRuns(s, (r) => runName(t, r))), exportFileName(surfaceId, 'trajectories', 'csv'), MIME.csv);
    case 'loss-curves':
      return downloadText(lossCurvesCsv(raceRuns(s, (r) => runName(t, r))), exportFileName(surfaceId, 'loss-curves', 'csv'), MIME.csv);
    case 'surface-png':
      return exportFigure('surface', 'png', s, t);
    case 'surface-svg':
      return exportFigure('surface', 'svg', s, t);
    case 'loss-png':
      return exportFigure('loss', 'png', s, t);
    case 'loss-svg':
      return exportFigure('loss', 'svg', s, t);
  }
}
