/**
 * The custom formula editor. The text is compiled by the same compiler as the built-in
 * surfaces; an error shows its message with the offending characters highlighted, and the
 * previous surface stays active. While the user types, the text is checked after a short pause
 * (./formulaCheck) and its error shown the same way; Enter or Apply applies it.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FormulaErrorInfo } from '../../core/expr/types';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { errorExcerpt } from './errorExcerpt';
import { checkFormula, LIVE_CHECK_MS } from './formulaCheck';

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

/** The latest check of the text being typed. */
interface LiveCheck {
  readonly text: string;
  readonly error: FormulaErrorInfo | null;
}

export function CustomFormula() {
  const { t } = useTranslation();
  const saved = useApp(selectText);
  const applied = useApp(selectError);
  const [text, setText] = useState(saved);
  const [synced, setSynced] = useState(saved);
  const [live, setLive] = useState<LiveCheck | null>(null);
  // The store's formula changed from outside (a link, a lesson, an experiment file): follow it.
  if (saved !== synced) {
    setSynced(saved);
    setText(saved);
    setLive(null);
  }
  useEffect(() => {
    if (text === saved) return;
    const timer = setTimeout(() => setLive({ text, error: checkFormula(text) }), LIVE_CHECK_MS);
    return () => clearTimeout(timer);
  }, [text, saved]);
  const apply = () => {
    setLive(null);
    appStore.getState().setCustomFormula(text);
  };
  // The applied formula's result, or, while the box holds other text, its latest check (each
  // error is shown against the text it belongs to).
  const typing = text !== saved && live !== null;
  const error = typing ? live.error : applied;
  const excerpt = error && errorExcerpt(typing ? live.text : saved, error.position, error.length);

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
        <div className="formula__error" role={typing ? 'status' : 'alert'} data-testid="formula-error" data-state={typing ? 'typing' : 'applied'}>
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
