/**
 * One run in the optimizer list: colour, editable name, status, visibility, duplicate,
 * remove, and (when expanded) its hyperparameters.
 */
import { memo, useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { getOptimizer } from '../../core/optimizers';
import type { RunStatus } from '../../core/experiment';
import type { RunDraft } from '../../store/draft';
import { appStore, useApp } from '../../store/store';
import { Icon } from '../Icon/Icon';
import { NumberField } from '../NumberField/NumberField';
import { runName } from '../text/names';
import { StatusChip } from '../RunStatusList/StatusChip';
import { TuningSection } from './TuningSection';
import { getObjective } from '../../core/objectives';
import { BatchSection } from './BatchSection';
import { MAX_RUNS } from '../../core/experiment';

export interface OptimizerRowProps {
  readonly run: RunDraft;
  readonly selected: boolean;
  readonly canRemove: boolean;
  /** False at the run cap: the duplicate button is disabled and its tooltip says why. */
  readonly canDuplicate: boolean;
  readonly status: RunStatus | undefined;
}

export const OptimizerRow = memo(function OptimizerRow({ run, selected, canRemove, canDuplicate, status }: OptimizerRowProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(selected);
  const def = getOptimizer(run.optimizer);
  const name = runName(t, run);
  const s = appStore.getState();
  const hyperMode = useApp((st) => st.hyperMode);
  const dataset = useApp((st) => getObjective(st.draft.objective.id).dataset !== undefined);

  return (
    <li
      className={`run-row${selected ? ' run-row--selected' : ''}${run.hidden ? ' run-row--hidden' : ''}`}
      data-testid="run-row"
      data-optimizer={run.optimizer}
      style={{ '--run-color': run.color } as CSSProperties}
    >
      <div className="run-row__head">
        <label className="run-row__swatch" title={t('optimizer.color', { name })}>
          <input
            type="color"
            value={run.color}
            aria-label={t('optimizer.color', { name })}
            data-testid="run-color"
            onChange={(e) => s.recolorRun(run.uid, e.target.value)}
          />
        </label>
        <input
          className="run-row__name"
          value={run.label}
          placeholder={name}
          aria-label={t('optimizer.rename')}
          data-testid="run-name"
          maxLength={64}
          onFocus={() => s.selectRun(run.uid)}
          onChange={(e) => s.renameRun(run.uid, e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <div className="run-row__tools">
          <button
            type="button"
            className="icon-btn"
            aria-pressed={selected}
            aria-label={t('optimizer.select', { name })}
            title={t('optimizer.select', { name })}
            data-testid="run-select"
            onClick={() => s.selectRun(run.uid)}
          >
            <span className={selected ? 'dot dot--on' : 'dot'} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={run.hidden ? t('optimizer.show', { name }) : t('optimizer.hide', { name })}
            title={run.hidden ? t('optimizer.show', { name }) : t('optimizer.hide', { name })}
            data-testid="run-hide"
            onClick={() => s.toggleHidden(run.uid)}
          >
            <Icon name={run.hidden ? 'eyeOff' : 'eye'} />
          </button>
          <button
            type="button"
            className="icon-btn"
            disabled={!canDuplicate}
            aria-label={t('optimizer.duplicate', { name })}
            title={canDuplicate ? t('optimizer.duplicate', { name }) : t('optimizer.atCap', { max: MAX_RUNS })}
            data-testid="run-duplicate"
            onClick={() => s.duplicateRun(run.uid, t('optimizer.copy', { name }))}
          >
            <Icon name="copy" />
          </button>
          <button
            type="button"
            className="icon-btn"
            disabled={!canRemove}
            aria-label={t('optimizer.remove', { name })}
            title={t('optimizer.remove', { name })}
            data-testid="run-remove"
            onClick={() => s.removeRun(run.uid)}
          >
            <Icon name="trash" />
          </button>
          <button
            type="button"
            className={`icon-btn run-row__expand${open ? ' is-open' : ''}`}
            aria-expanded={open}
            aria-label={t('optimizer.expand', { name })}
            title={t('optimizer.expand', { name })}
            data-testid="run-expand"
            onClick={() => setOpen(!open)}
          >
            <Icon name="chevron" />
          </button>
        </div>
      </div>
      <div className="run-row__meta">
        <span className="run-row__algo">{t(`optimizer.names.${run.optimizer}`)}</span>
        <StatusChip status={status} />
      </div>
      {open && (
        <div className="run-row__body" data-mode={hyperMode}>
          {def.hyper.map((spec) => (
            <NumberField
              key={spec.name}
              testBase={spec.name.replace(/_/g, '-')}
              label={t(`hyper.${spec.name}`)}
              value={run.hyper[spec.name] ?? spec.default}
              spec={spec}
              onCommit={(v) => s.setHyper(run.uid, spec.name, v)}
            />
          ))}
          {dataset && <BatchSection run={run} />}
          <TuningSection run={run} name={name} />
        </div>
      )}
    </li>
  );
});
