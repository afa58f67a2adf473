/**
 * The basin map (issue 13): every pixel of the surface's current window is a start point of
 * one template run for K steps (engine replicas, throughput mode); each pixel is coloured by
 * the known minimum its run ends at (1 % of the window's diagonal), red where it diverged,
 * grey where it reached none, and darker the more steps it took. Hover reads a pixel; a click
 * starts the race from there.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisValues, basinAxes, basinExperiment, basinStarts, basinTolerance, classifyBasins, type MapAxis } from '../../core/maps';
import type { RunStatus } from '../../core/experiment';
import type { KnownMinimum } from '../../core/objectives/types';
import { createMapView, type MapView } from '../../plots/mapView';
import { BASIN_DIVERGED_COLOR, BASIN_NONE_COLOR } from '../../plots/mapView/colors';
import { basinColor, basinImage } from '../../plots/mapView/images';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { boundOf } from '../SurfacePanel/surfaceState';
import { formatValue } from '../text/format';
import { DatasetNote, ExportButtons, GridSelect, RunSelect, StepsInput, useDatasetObjective, useTemplateRun } from './mapControls';
import { MapProgress } from './MapProgress';
import { basinCsv, downloadCanvasPng, downloadText } from './mapExport';
import { useMapJob } from './useMapJob';

const GRID_SIZES = [32, 64, 128, 256, 512] as const;
const selectTheme = (s: AppState) => s.theme;
const selectGpu = (s: AppState) => s.engineInfo?.kind === 'gpu';

interface Result {
  readonly basins: Int16Array;
  readonly steps: Int32Array;
  readonly x: MapAxis;
  readonly y: MapAxis;
  readonly minima: readonly KnownMinimum[];
  readonly k: number;
  readonly version: number;
}

/** Steps each start's run took: its status step when it finished, else all of them. */
function stepsTaken(status: readonly RunStatus[], step: number): Int32Array {
  return Int32Array.from(status, (s) => (s.kind === 'running' ? step : s.step));
}

export function BasinMapPanel() {
  const { t } = useTranslation();
  const { runs, uid, setUid, runIndex } = useTemplateRun();
  const theme = useApp(selectTheme);
  const gpu = useApp(selectGpu);
  const dataset = useDatasetObjective();
  const [cells, setCells] = useState<number>(gpu ? 256 : 64);
  const [steps, setSteps] = useState(() => Math.min(1000, appStore.getState().resolved.steps));
  const [result, setResult] = useState<Result | null>(null);
  const { state: job, run: runJob, cancel } = useMapJob();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<MapView | null>(null);
  const resultRef = useRef<Result | null>(null);
  resultRef.current = result;

  const minimumName = (m: readonly KnownMinimum[], k: number) =>
    k === -2 ? t('maps.basin.diverged') : k < 0 ? t('maps.basin.none') : t('maps.basin.minimum', { n: k + 1, x: formatValue(m[k].x), y: formatValue(m[k].y) });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const v = createMapView(el, {
      ariaLabel: t('maps.basin.aria'),
      testId: 'basin-map',
      describe: (i, j) => {
        const r = resultRef.current;
        if (!r) return '';
        const c = j * r.x.cells + i;
        return t('maps.basin.read', {
          x: formatValue(axisValues(r.x)[i]),
          y: formatValue(axisValues(r.y)[j]),
          where: minimumName(r.minima, r.basins[c]),
          steps: r.steps[c].toLocaleString(),
        });
      },
      onCellClick: (i, j) => {
        const r = resultRef.current;
        if (!r) return;
        const s = appStore.getState();
        s.setStart(axisValues(r.x)[i], axisValues(r.y)[j]);
        s.setStageView('race');
      },
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);

  useEffect(() => {
    const v = view.current;
    if (!v || !result) return;
    const present = new Set(result.basins);
    v.update({
      x: { label: 'x', ...result.x },
      y: { label: 'y', ...result.y },
      rgba: basinImage(result.basins, result.steps),
      version: result.version,
      legend: [
        ...result.minima.map((_, k) => ({ color: basinColor(k), label: t('maps.basin.legendMin', { n: k + 1 }) })),
        ...(present.has(-2) ? [{ color: BASIN_DIVERGED_COLOR, label: t('maps.basin.diverged') }] : []),
        ...(present.has(-1) ? [{ color: BASIN_NONE_COLOR, label: t('maps.basin.none') }] : []),
      ],
      markers: result.minima.map((m, k) => ({ x: m.x, y: m.y, label: String(k + 1) })),
      theme,
    });
  }, [result, theme, t]);

  const compute = () => {
    const s = appStore.getState();
    const { bound } = boundOf(s);
    const viewBox = s.view ?? bound.def.view;
    const spec = { experiment: s.resolved, run: runIndex, view: viewBox, nx: cells, ny: cells, steps };
    const axes = basinAxes(spec);
    const starts = basinStarts(spec);
    const minima = bound.minima;
    const tol = basinTolerance(viewBox);
    s.pause();
    let version = (resultRef.current?.version ?? 0) + 1;
    void runJob(
      basinExperiment(spec),
      (snap) => {
        setResult({ basins: classifyBasins(snap.x, snap.y, snap.status, minima, tol), steps: stepsTaken(snap.status, snap.step), x: axes.x, y: axes.y, minima, k: steps, version: version++ });
      },
      starts,
    );
  };

  const counts = result ? countBasins(result.basins) : null;

  return (
    <div className="maps" data-testid="basin-panel">
      <div className="maps__controls">
        <RunSelect testId="basin-run" runs={runs} uid={uid} onChange={setUid} />
        <GridSelect testId="basin-grid" sizes={GRID_SIZES} cells={cells} onChange={setCells} />
        <StepsInput testId="basin-steps" steps={steps} onChange={setSteps} />
        <button type="button" className="btn btn--primary" data-testid="map-compute" disabled={job.running || dataset} onClick={compute}>
          {t('maps.compute', { runs: (cells * cells).toLocaleString() })}
        </button>
        {result && (
          <ExportButtons
            onPng={() => host.current && downloadCanvasPng(host.current, 'basin-map.png')}
            onCsv={() => downloadText(basinCsv(axisValues(result.x), axisValues(result.y), result.basins, result.steps, result.minima), 'basin-map.csv')}
          />
        )}
      </div>
      {dataset && <DatasetNote />}
      <MapProgress job={job} runs={result ? result.x.cells * result.y.cells : cells * cells} onCancel={cancel} />
      <div className="maps__view" ref={host} />
      {counts && (
        <p className="maps__hint" data-testid="basin-counts" data-basins={counts.found}>
          {t('maps.basin.counts', { found: counts.found, known: result!.minima.length })}
        </p>
      )}
      <p className="maps__hint">{t('maps.basin.hint')}</p>
    </div>
  );
}

/** How many distinct minima the map's starts reached. */
function countBasins(b: Int16Array): { found: number } {
  return { found: new Set(Array.from(b).filter((k) => k >= 0)).size };
}
