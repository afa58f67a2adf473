/** The list of runs with the "add optimizer" control and the restart-or-continue choice. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RUNS } from '../../core/experiment';
import { OPTIMIZERS } from '../../core/optimizers';
import { getObjective } from '../../core/objectives';
import type { OptimizerId } from '../../core/optimizers/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { OptimizerRow } from './OptimizerRow';

const selectRuns = (s: AppState) => s.draft.runs;
const selectSelected = (s: AppState) => s.selectedUid;
const selectStatuses = (s: AppState) => s.statuses;
const selectUids = (s: AppState) => s.runUids;
const selectMode = (s: AppState) => s.hyperMode;
/** SAG and SVRG need samples: they are offered on dataset objectives only. */
const selectDataset = (s: AppState) => getObjective(s.draft.objective.id).dataset !== undefined;

export function OptimizerList() {
  const { t } = useTranslation();
  const runs = useApp(selectRuns);
  const selected = useApp(selectSelected);
  const statuses = useApp(selectStatuses);
  const uids = useApp(selectUids);
  const mode = useApp(selectMode);
  const dataset = useApp(selectDataset);
  const [pick, setPick] = useState<OptimizerId>('adam');
  const full = runs.length >= MAX_RUNS;
  const capMessage = t('optimizer.atCap', { max: MAX_RUNS });

  return (
    <div className="opt-list">
      <ul className="opt-list__runs">
        {runs.map((run) => (
          <OptimizerRow
            key={run.uid}
            run={run}
            selected={run.uid === selected}
            canRemove={runs.length > 1}
            canDuplicate={!full}
            status={statuses[uids.indexOf(run.uid)]}
          />
        ))}
      </ul>
      <div className="opt-list__add" title={full ? capMessage : undefined}>
        <select
          aria-label={t('optimizer.addWhich')}
          data-testid="add-optimizer-select"
          value={pick}
          onChange={(e) => setPick(e.target.value as OptimizerId)}
        >
          {OPTIMIZERS.filter((d) => dataset || !d.needsData).map((d) => (
            <option key={d.id} value={d.id}>
              {t(`optimizer.names.${d.id}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="add-optimizer"
          disabled={full}
          title={full ? capMessage : undefined}
          aria-describedby={full ? 'gs-run-cap' : undefined}
          onClick={() => appStore.getState().addRun(pick)}
        >
          <Icon name="plus" />
          {t('optimizer.add')}
        </button>
      </div>
      {full && (
        <p className="opt-list__cap hint" id="gs-run-cap" data-testid="run-cap-hint" role="status">
          {capMessage}
        </p>
      )}
      <fieldset className="seg" data-testid="hyper-mode">
        <legend>{t('hyper.onChange')}</legend>
        {(['restart', 'continue'] as const).map((m) => (
          <label key={m} className="seg__opt">
            <input
              type="radio"
              name="hyper-mode"
              value={m}
              checked={mode === m}
              onChange={() => appStore.getState().setHyperMode(m)}
            />
            <span>{t(`hyper.${m}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
