/**
 * Legend and status of every run: colour, name, current loss, and running / converged at k /
 * diverged at k (why). Losses refresh a few times per second, not every frame.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { useThrottledApp } from '../hooks/useThrottledApp';
import { formatValue } from '../text/format';
import { runName } from '../text/names';
import { StatusChip } from './StatusChip';

const selectRuns = (s: AppState) => s.draft.runs;
const selectStatuses = (s: AppState) => s.statuses;
const selectUids = (s: AppState) => s.runUids;
const selectSelected = (s: AppState) => s.selectedUid;
const selectLosses = (s: AppState) => {
  const t = s.traj;
  return t.length === 0 ? '' : t.runs.map((r, i) => formatValue(r.loss[t.lengthOf(i) - 1])).join('|');
};

export function RunStatusList() {
  const { t } = useTranslation();
  const runs = useApp(selectRuns);
  const statuses = useApp(selectStatuses);
  const uids = useApp(selectUids);
  const selected = useApp(selectSelected);
  const losses = useThrottledApp(selectLosses, 250).split('|');

  return (
    <section className="runs-legend" aria-label={t('status.title')} data-testid="runs-legend">
      <ul>
        {runs.map((run) => {
          const i = uids.indexOf(run.uid);
          return (
            <li key={run.uid} className={run.uid === selected ? 'legend-item is-selected' : 'legend-item'} data-testid="legend-item">
              <button type="button" className="legend-item__btn" aria-pressed={run.uid === selected} onClick={() => appStore.getState().selectRun(run.uid)}>
                <span className="legend-item__swatch" style={{ background: run.color, opacity: run.hidden ? 0.35 : 1 }} />
                <span className="legend-item__name" title={runName(t, run)}>{runName(t, run)}</span>
                <span className="legend-item__loss" data-testid="run-loss">
                  {i >= 0 && losses[i] ? `${t('status.loss')} ${losses[i]}` : ''}
                </span>
                <StatusChip status={i >= 0 ? statuses[i] : undefined} testId="legend-status" />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
