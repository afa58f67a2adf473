/**
 * Live charts: loss (log y where possible), gradient norm and distance to the nearest known
 * minimum, per step. Mounted once; fed by the store's vanilla subscribe.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createLineChart } from '../../plots/lineChart';
import type { LineChart } from '../../plots/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { formatValue } from '../text/format';
import { runName } from '../text/names';
import { chartState, effectiveAxis, type ChartMetric } from './chartState';
import { COMPUTE_AXES, type ComputeAxis } from '../../core/finiteSum/computeAxis';
import { boundOf } from '../SurfacePanel/surfaceState';

interface ChartDef {
  readonly metric: ChartMetric;
  readonly title: string;
  readonly aria: string;
  readonly testId: string;
}

/** Live chart refresh while playing: 15 per second reads as continuous for a line chart. */
const CHART_INTERVAL_MS = 66;

const CHARTS: readonly ChartDef[] = [
  { metric: 'loss', title: 'charts.loss', aria: 'charts.lossAria', testId: 'chart-loss' },
  { metric: 'gradNorm', title: 'charts.gradNorm', aria: 'charts.gradAria', testId: 'chart-grad' },
  { metric: 'dist', title: 'charts.distance', aria: 'charts.distAria', testId: 'chart-dist' },
];

const selectHasMinima = (s: AppState) => s.traj.hasMinima;

function ChartCard({ def }: { def: ChartDef }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const hasMinima = useApp(selectHasMinima);
  const empty = def.metric === 'dist' && !hasMinima;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart: LineChart = createLineChart(el, {
      yLabel: t(def.title),
      xLabel: t('charts.step'),
      ariaLabel: t(def.aria),
      formatValue,
      testId: def.testId,
    });
    const names = (uid: string) => {
      const run = appStore.getState().draft.runs.find((r) => r.uid === uid);
      return run ? runName(t, run) : uid;
    };
    const push = (s: AppState) => {
      last = performance.now();
      const axisLabels = { steps: t('charts.step'), evals: t('charts.evals'), epochs: t('charts.epochs') };
      const ensemble = (name: string, n: number) => t('charts.ensembleMean', { name, n: n.toLocaleString() });
      chart.update(chartState(s, def.metric, names, t('charts.divergedHere'), axisLabels, ensemble));
    };
    // New samples arrive every frame while playing; a full chart redraw per frame costs more
    // than the race itself (npm run bench:ui). Data updates are coalesced to CHART_INTERVAL_MS,
    // with a trailing update so the last step is always drawn; anything else draws at once.
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pushData = () => {
      const wait = CHART_INTERVAL_MS - (performance.now() - last);
      if (wait <= 0) push(appStore.getState());
      else if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          push(appStore.getState());
        }, wait);
      }
    };
    push(appStore.getState());
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.draft !== prev.draft || s.theme !== prev.theme || s.statuses !== prev.statuses || s.chartAxis !== prev.chartAxis) push(s);
      else if (s.dataVersion !== prev.dataVersion) pushData();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      chart.destroy();
    };
  }, [t, i18n.language, def]);

  return (
    <figure className="chart-card">
      <figcaption className="chart-card__title">{t(def.title)}</figcaption>
      <div className="chart-card__plot" ref={host} />
      {empty && (
        <p className="chart-card__empty" data-testid="chart-dist-empty">
          {t('charts.noMinima')}
        </p>
      )}
    </figure>
  );
}

const AXIS_KEYS: Readonly<Record<ComputeAxis, string>> = { steps: 'charts.axisSteps', evals: 'charts.axisEvals', epochs: 'charts.axisEpochs' };
const selectIsDataset = (s: AppState) => boundOf(s).bound.dataset !== undefined;
const selectAxis = (s: AppState) => effectiveAxis(s);

/** Steps, gradient evaluations or epochs on the x axis: offered when the loss is a sum over data. */
function AxisSwitch() {
  const { t } = useTranslation();
  const axis = useApp(selectAxis);
  return (
    <div className="chart-axis" role="group" aria-label={t('charts.axis')} data-testid="chart-axis" title={t('charts.axisHint')}>
      <span className="chart-axis__label">{t('charts.axis')}</span>
      {COMPUTE_AXES.map((a) => (
        <button
          key={a}
          type="button"
          className="chart-axis__btn"
          aria-pressed={a === axis}
          data-testid={`chart-axis-${a}`}
          onClick={() => appStore.getState().setChartAxis(a)}
        >
          {t(AXIS_KEYS[a])}
        </button>
      ))}
    </div>
  );
}

export function Charts() {
  const dataset = useApp(selectIsDataset);
  return (
    <div className="charts">
      {dataset && <AxisSwitch />}
      {CHARTS.map((c) => (
        <ChartCard key={c.metric} def={c} />
      ))}
    </div>
  );
}
