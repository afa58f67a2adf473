/**
 * The selected run's update rule in KaTeX with its current hyperparameter values substituted,
 * and a few sentences on what the optimizer does.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getOptimizer, updateRuleLatex } from '../../core/optimizers';
import { clipLatex, scheduleLatex } from '../../core/scheduleLatex';
import { runSchedule } from '../../store/tuning';
import { useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Katex } from '../Katex/Katex';
import { formatNumber } from '../text/format';
import { runName } from '../text/names';

const selectRun = (s: AppState) => s.draft.runs.find((r) => r.uid === s.selectedUid) ?? s.draft.runs[0];
const selectSteps = (s: AppState) => s.draft.steps;

export function ExplainPanel() {
  const { t } = useTranslation();
  const run = useApp(selectRun);
  const steps = useApp(selectSteps);
  const tex = useMemo(() => (run ? updateRuleLatex(getOptimizer(run.optimizer), run.hyper) : ''), [run]);
  const lrTex = useMemo(() => (run ? scheduleLatex(runSchedule(run, steps), run.hyper.lr ?? 1) : null), [run, steps]);
  const clipTex = run ? clipLatex(run.max_grad_norm) : null;
  if (!run) return null;
  const name = runName(t, run);
  return (
    <section className="explain card" data-testid="explain" aria-labelledby="gs-explain-title">
      <h2 className="card__title" id="gs-explain-title">
        <span className="explain__swatch" style={{ background: run.color }} />
        {t('explain.title', { name })}
      </h2>
      <div className="explain__rule" role="group" aria-label={t('explain.rule')} data-testid="explain-rule">
        <Katex tex={tex} display />
      </div>
      {lrTex && (
        <div className="explain__rule explain__rule--extra" role="group" aria-label={t('explain.schedule')} data-testid="explain-schedule">
          <p className="explain__caption">{t('explain.schedule')}</p>
          <Katex tex={lrTex} display />
        </div>
      )}
      {clipTex && (
        <div className="explain__rule explain__rule--extra" role="group" aria-label={t('explain.clip')} data-testid="explain-clip">
          <p className="explain__caption">{t('explain.clip')}</p>
          <Katex tex={clipTex} display />
        </div>
      )}
      <p className="explain__text">{t(`explain.text.${run.optimizer}`)}</p>
      {run.optimizer === 'momentum_ema' && (
        <p className="explain__note">{t('explain.equivalence', { lr: formatNumber((run.hyper.lr ?? 0) * (1 - (run.hyper.beta ?? 0))) })}</p>
      )}
    </section>
  );
}
