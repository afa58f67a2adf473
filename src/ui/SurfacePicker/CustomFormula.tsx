/**
 * The custom formula editor. The text is compiled by the same compiler as the built-in
 * surfaces; an error shows its message with the offending characters highlighted, and the
 * previous surface stays active.
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormulaErrorInfo } from '../../core/expr/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { errorExcerpt } from './errorExcerpt';

const selectText = (s: AppState) => s.formulaText;

/**
 * The error in the user's language, from the compiler's error code and the values it names.
 * Without a code, the compiler's English message, minus its 0-based " at position N": the
 * panel already says which character (1-based) and highlights it.
 */
function formulaMessage(t: TFunction, e: FormulaErrorInfo): string {
  const args = e.args ?? {};
  if (!e.code || e.code === 'invalidParameter') return e.message.replace(/ at position \d+/g, '');
  let key: string = e.code;
  if (e.code === 'implicitMultiplication' && !args.fix) key = 'implicitMultiplicationNoFix';
  if (e.code === 'unknownName' && args.suggestion) key = 'unknownNameProduct';
  return t(`formulaErrors.${key}`, args);
}

const selectError = (s: AppState) => s.formulaError;

export function CustomFormula() {
  const { t } = useTranslation();
  const saved = useApp(selectText);
  const error = useApp(selectError);
  const [text, setText] = useState(saved);
  const apply = () => appStore.getState().setCustomFormula(text);
  const excerpt = error && errorExcerpt(saved, error.position, error.length);

  return (
    <div className="formula">
      <label className="formula__label" htmlFor="gs-formula">
        {t('surface.customLabel')}
      </label>
      <div className="formula__row">
        <input
          id="gs-formula"
          className={error ? 'formula__input nf__input--bad' : 'formula__input'}
          data-testid="formula-input"
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby="gs-formula-hint"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') apply();
          }}
        />
        <button type="button" className="btn" data-testid="formula-apply" onClick={apply}>
          {t('surface.apply')}
        </button>
      </div>
      <p className="hint" id="gs-formula-hint">
        {t('surface.customHint')}
      </p>
      {error && excerpt && (
        <div className="formula__error" role="alert" data-testid="formula-error">
          <p>{t('surface.formulaError', { pos: error.position + 1, message: formulaMessage(t, error) })}</p>
          <pre className="formula__src" aria-hidden="true">
            {excerpt.before}
            <mark data-testid="formula-error-mark">{excerpt.mark || ' '}</mark>
            {excerpt.after}
          </pre>
          <p className="hint">{t('surface.keptPrevious')}</p>
        </div>
      )}
    </div>
  );
}
