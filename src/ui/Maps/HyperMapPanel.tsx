/**
 * The hyperparameter map (issue 13): a run of the race as the template, two of its
 * hyperparameters on the axes (log where the schema says), one engine run per cell for K steps
 * in throughput mode (./useMapJob), coloured by final loss, steps to converge or outcome. Hover
 * reads a cell; a click adds that configuration to the race as a new run. On the quadratic bowl
 * with heavy-ball momentum the analytic boundary ρ = 1 is drawn over the measurement, and the
 * read-out gives theory's rate beside the measured one.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { axisValues, cellValues, hyperMapExperiment, mapAxesOf, OUTCOMES, type CellValues, type MapAxis } from '../../core/maps';
import { colorLut, lutColor } from '../../plots/surface/palette';
import { createMapView, type MapView, type MapViewState } from '../../plots/mapView';
import { OUTCOME_COLORS } from '../../plots/mapView/colors';
import { hyperImage, type HyperColorMode } from '../../plots/mapView/images';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { formatValue } from '../text/format';
import { runName } from '../text/names';
import { DatasetNote, ExportButtons, GridSelect, RunSelect, StepsInput, useDatasetObjective, useTemplateRun } from './mapControls';
import { MapProgress } from './MapProgress';
import { mapCsv, downloadText, downloadCanvasPng } from './mapExport';
import { axisFor, defaultAxisNames, heavyBallBoundary, measuredRate, theoryRate } from './hyperMapState';
import { useMapJob } from './useMapJob';

const GRID_SIZES = [16, 32, 64, 128, 256, 512] as const;
const selectTheme = (s: AppState) => s.theme;
const selectGpu = (s: AppState) => s.engineInfo?.kind === 'gpu';

interface Result {
  readonly cells: CellValues;
  readonly loss0: number;
  readonly x: MapAxis;
  readonly y: MapAxis;
  readonly xName: string;
  readonly yName: string;
  readonly run: number;
  readonly steps: number;
  readonly version: number;
}

export function HyperMapPanel() {
  const { t } = useTranslation();
  const { runs, uid, setUid, runIndex, run } = useTemplateRun();
  const theme = useApp(selectTheme);
  const gpu = useApp(selectGpu);
  const dataset = useDatasetObjective();
  const axes = useMemo(() => (run ? mapAxesOf(run.optimizer).map((h) => h.name) : []), [run]);
  const defaults = run ? defaultAxisNames(run.optimizer) : null;
  const [names, setNames] = useState<[string, string] | null>(defaults);
  const [cells, setCells] = useState<number>(gpu ? 128 : 48);
  const [steps, setSteps] = useState(() => Math.min(500, appStore.getState().resolved.steps));
  const [mode, setMode] = useState<HyperColorMode>('loss');
  const [result, setResult] = useState<Result | null>(null);
  const { state: job, run: runJob, cancel } = useMapJob();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<MapView | null>(null);
  const resultRef = useRef<Result | null>(null);
  resultRef.current = result;

  // A different template run: its own default axes.
  useEffect(() => {
    if (run && (!names || !axes.includes(names[0]) || !axes.includes(names[1]))) setNames(defaultAxisNames(run.optimizer));
  }, [run, axes, names]);

  const current = (name: string) => (run ? (run.hyper[name] ?? 0) : 0);
  const xAxis = run && names ? axisFor(run.optimizer, names[0], current(names[0]), cells) : null;
  const yAxis = run && names ? axisFor(run.optimizer, names[1], current(names[1]), cells) : null;
  const label = (n: string) => t(`hyper.${n}`, { defaultValue: n });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const v = createMapView(el, {
      ariaLabel: t('maps.hyper.aria'),
      testId: 'hyper-map',
      describe: (i, j) => describe(i, j),
      onCellClick: (i, j) => addCell(i, j),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);

  function cellHyper(r: Result, i: number, j: number): Record<string, number> {
    return { [r.xName]: axisValues(r.x)[i], [r.yName]: axisValues(r.y)[j] };
  }

  function describe(i: number, j: number): string {
    const r = resultRef.current;
    if (!r) return '';
    const c = j * r.x.cells + i;
    const h = cellHyper(r, i, j);
    const parts = [`${label(r.xName)} ${formatValue(h[r.xName])}`, `${label(r.yName)} ${formatValue(h[r.yName])}`];
    parts.push(t(`maps.outcome.${OUTCOMES[r.cells.outcome[c]]}`, { step: r.cells.steps[c] }));
    parts.push(`${t('maps.finalLoss')} ${formatValue(r.cells.loss[c])}`);
    const exp = appStore.getState().resolved;
    const theory = theoryRate(exp, r.run, h);
    if (theory !== null) {
      const measured = measuredRate(r.loss0, r.cells.loss[c], r.cells.steps[c]);
      parts.push(t('maps.rates', { theory: theory.toFixed(4), measured: measured === null ? '—' : measured.toFixed(4) }));
    }
    return parts.join(' · ');
  }

  function addCell(i: number, j: number): void {
    const r = resultRef.current;
    const s = appStore.getState();
    const template = s.draft.runs[r?.run ?? -1];
    if (!r || !template) return;
    const h = cellHyper(r, i, j);
    const name = `${runName(t, template)} ${r.xName}=${formatValue(h[r.xName])} ${r.yName}=${formatValue(h[r.yName])}`;
    const added = s.addRunVariant(template.uid, h, name);
    if (added) {
      s.selectRun(added);
      s.setNotice('maps.added', added);
      s.setStageView('race');
    } else s.setNotice('maps.runCap');
  }

  // Paint the result whenever it, the colour mode or the theme changes.
  useEffect(() => {
    const v = view.current;
    if (!v || !result) return;
    const lut = colorLut(theme);
    const { rgba, range } = hyperImage(result.cells, mode, lut);
    const legend =
      mode === 'outcome'
        ? OUTCOMES.map((o, k) => ({ color: OUTCOME_COLORS[k], label: t(`maps.outcomeName.${o}`) }))
        : [
            {
              color: '',
              label: t(mode === 'loss' ? 'maps.colorLoss' : 'maps.colorSteps'),
              ramp: Array.from({ length: 9 }, (_, k) => lutColor(lut, k / 8)),
              low: range ? formatValue(range.min) : '—',
              high: range ? formatValue(range.max) : '—',
            },
            { color: mode === 'loss' ? OUTCOME_COLORS[1] : 'rgb(206,212,218)', label: t(mode === 'loss' ? 'maps.outcomeName.diverged' : 'maps.notConverged') },
          ];
    const exp = appStore.getState().resolved;
    const boundary = heavyBallBoundary(exp, result.run, result.xName, result.yName, result.x, result.y);
    const state: MapViewState = {
      x: { label: label(result.xName), ...result.x },
      y: { label: label(result.yName), ...result.y },
      rgba,
      version: result.version * 4 + ['loss', 'steps', 'outcome'].indexOf(mode),
      legend,
      overlays: boundary ? [{ points: boundary, label: t('maps.theory'), color: theme === 'dark' ? '#ffffff' : '#111111' }] : [],
      theme,
    };
    v.update(state);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, mode, theme, t]);

  const compute = () => {
    if (!run || !names || !xAxis || !yAxis) return;
    const s = appStore.getState();
    const exp = s.resolved;
    const spec = { experiment: exp, run: runIndex, xName: names[0], yName: names[1], x: xAxis, y: yAxis, steps };
    const mapExp = hyperMapExperiment(spec);
    s.pause();
    let loss0 = NaN;
    let version = (resultRef.current?.version ?? 0) + 1;
    void runJob(mapExp, (snap) => {
      if (snap.step === 0) loss0 = snap.loss[0];
      const cellsNow = cellValues(snap.loss, snap.status, snap.step, loss0);
      setResult({ cells: cellsNow, loss0, x: xAxis, y: yAxis, xName: names[0], yName: names[1], run: runIndex, steps, version: version++ });
    });
  };

  if (!run) return <p className="maps__empty">{t('maps.noRuns')}</p>;

  return (
    <div className="maps" data-testid="hyper-panel">
      <div className="maps__controls">
        <RunSelect testId="hyper-run" runs={runs} uid={uid} onChange={setUid} />
        {names && (
          <>
            <AxisSelect testId="hyper-x" title={t('maps.xAxis')} axes={axes} value={names[0]} label={label} onChange={(v) => setNames([v, v === names[1] ? names[0] : names[1]])} />
            <AxisSelect testId="hyper-y" title={t('maps.yAxis')} axes={axes} value={names[1]} label={label} onChange={(v) => setNames([v === names[0] ? names[1] : names[0], v])} />
          </>
        )}
        <GridSelect testId="hyper-grid" sizes={GRID_SIZES} cells={cells} onChange={setCells} />
        <StepsInput testId="hyper-steps" steps={steps} onChange={setSteps} />
        <label>
          {t('maps.colorBy')}
          <select data-testid="hyper-color" value={mode} onChange={(e) => setMode(e.target.value as HyperColorMode)}>
            <option value="loss">{t('maps.colorLoss')}</option>
            <option value="steps">{t('maps.colorSteps')}</option>
            <option value="outcome">{t('maps.colorOutcome')}</option>
          </select>
        </label>
        <button type="button" className="btn btn--primary" data-testid="map-compute" disabled={job.running || !names || dataset} onClick={compute}>
          {t('maps.compute', { runs: (cells * cells).toLocaleString() })}
        </button>
        {result && (
          <ExportButtons
            onPng={() => host.current && downloadCanvasPng(host.current, 'hyperparameter-map.png')}
            onCsv={() => downloadText(mapCsv(result.xName, result.yName, axisValues(result.x), axisValues(result.y), result.cells), 'hyperparameter-map.csv')}
          />
        )}
      </div>
      {names === null && <p className="maps__empty">{t('maps.noAxes')}</p>}
      {dataset && <DatasetNote />}
      <MapProgress job={job} runs={result ? result.x.cells * result.y.cells : cells * cells} onCancel={cancel} />
      <div className="maps__view" ref={host} />
      <p className="maps__hint">{t('maps.hyper.hint')}</p>
    </div>
  );
}

/** One of the map's two axes: any hyperparameter of the template run's optimizer. */
function AxisSelect(p: { testId: string; title: string; axes: readonly string[]; value: string; label: (name: string) => string; onChange: (name: string) => void }) {
  return (
    <label>
      {p.title}
      <select data-testid={p.testId} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {p.axes.map((a) => (
          <option key={a} value={a}>
            {p.label(a)}
          </option>
        ))}
      </select>
    </label>
  );
}
