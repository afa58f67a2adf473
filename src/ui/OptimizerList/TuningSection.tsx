/**
 * A run's "Schedule & clipping" section: a collapsible block with the learning-rate schedule
 * (kind, then only that kind's fields, warm-up) and gradient clipping by norm. Collapsed, it
 * reads as a one-line summary ("cosine · clip 1"). Ranges and defaults: src/store/tuning.ts.
 */
import { memo, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScheduleConfig } from '../../core/experiment';
import type { RunDraft } from '../../store/draft';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { KIND_FIELDS, MAX_GRAD_NORM_SPEC, runSchedule, SCHEDULE_KINDS, scheduleFieldSpec, tuningActive, type ScheduleKind } from '../../store/tuning';
import { Icon } from '../Icon/Icon';
import { NumberField } from '../NumberField/NumberField';
import { formatNumber } from '../text/format';

const selectSteps = (s: AppState) => s.draft.steps;

/** "cosine · warm-up 20 · clip 1"; "constant lr · no clipping" when neither is on. */
export function tuningSummary(t: TFunction, s: ScheduleConfig, maxGradNorm: number): string {
  const parts = [t(`tuning.short.${s.kind}`)];
  if (s.warmup > 0) parts.push(t('tuning.warmup', { steps: s.warmup }));
  parts.push(maxGradNorm > 0 ? t('tuning.clip', { value: formatNumber(maxGradNorm) }) : t('tuning.noClip'));
  return parts.join(' · ');
}

export const TuningSection = memo(function TuningSection({ run, name }: { run: RunDraft; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const steps = useApp(selectSteps);
  const [open, setOpen] = useState(false);
  const schedule = runSchedule(run, steps);
  const active = tuningActive(schedule, run.max_grad_norm);
  const s = appStore.getState();

  return (
    <div className={`tuning${active ? ' tuning--active' : ''}`} data-testid="tuning">
      <button
        type="button"
        className={`tuning__toggle${open ? ' is-open' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-body`}
        aria-label={t('tuning.toggle', { name })}
        data-testid="tuning-toggle"
        onClick={() => setOpen(!open)}
      >
        <Icon name="chevron" size={14} />
        <span className="tuning__title">{t('tuning.title')}</span>
        <span className="tuning__summary" data-testid="tuning-summary">
          {tuningSummary(t, schedule, run.max_grad_norm)}
        </span>
      </button>
      {open && (
        <div className="tuning__body" id={`${id}-body`} data-testid="tuning-body">
          <div className="tuning__kind">
            <label htmlFor={`${id}-kind`}>{t('tuning.kind')}</label>
            <select
              id={`${id}-kind`}
              data-testid="schedule-kind"
              value={schedule.kind}
              onChange={(e) => s.setSchedule(run.uid, { kind: e.target.value as ScheduleKind })}
            >
              {SCHEDULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`tuning.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {KIND_FIELDS[schedule.kind].map((f) => (
            <NumberField
              key={`${schedule.kind}-${f}`}
              testBase={`schedule-${f.replace(/_/g, '-')}`}
              label={t(`tuning.fields.${f}`)}
              value={schedule[f]}
              spec={scheduleFieldSpec(f, steps)}
              onCommit={(v) => s.setSchedule(run.uid, { [f]: v })}
            />
          ))}
          <NumberField
            testBase="max-grad-norm"
            label={t('tuning.maxGradNorm')}
            value={run.max_grad_norm}
            spec={MAX_GRAD_NORM_SPEC}
            onCommit={(v) => s.setMaxGradNorm(run.uid, v)}
          />
          <p className="tuning__hint">{t('tuning.hint')}</p>
        </div>
      )}
    </div>
  );
});
