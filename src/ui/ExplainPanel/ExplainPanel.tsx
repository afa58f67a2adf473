/**
 * The selected run's update rule in KaTeX with its current hyperparameter values substituted,
 * and a few sentences on what the optimizer does.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getOptimizer, updateRuleLatex } from '../../core/optimizers';
import { useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Katex } from '../Katex/Katex';
import { formatNumber } from '../text/format';
import { runName } from '../text/names';

const selectRun = (s: AppState) => s.draft.runs.find((r) => r.uid === s.selectedUid) ?? s.draft.runs[0];

export function ExplainPanel() {
  const { t } = useTranslation();
  const run = useApp(selectRun);
  const tex = useMemo(() => (run ? updateRuleLatex(getOptimizer(run.optimizer), run.hyper) : ''), [run]);
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
      <p className="explain__text">{t(`explain.text.${run.optimizer}`)}</p>
      {run.optimizer === 'momentum_ema' && (
        <p className="explain__note">{t('explain.equivalence', { lr: formatNumber((run.hyper.lr ?? 0) * (1 - (run.hyper.beta ?? 0))) })}</p>
      )}
    </section>
  );
}
