/**
 * A number control: a slider (log scale when the schema says so) plus an exact text entry.
 * Typed values are validated against the schema; out-of-range input shows a message and
 * changes nothing. Booleans render as a switch.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NumberSpec } from './validate';
import { fromSlider, parseNumberInput, SLIDER_STEPS, toSlider } from './validate';
import { formatNumber } from '../text/format';

export interface NumberFieldProps {
  /** Base of the data-testids: `${testBase}-slider`, `${testBase}-input`. */
  readonly testBase: string;
  readonly label: string;
  readonly value: number;
  readonly spec: NumberSpec;
  /** Applies a valid value; returns false if the store refused it. */
  onCommit(value: number): boolean | void;
  /** False: text entry only (e.g. coordinates, where a slider over ±bound is useless). */
  readonly slider?: boolean;
}

export function NumberField({ testBase, label, value, spec, onCommit, slider = true }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (spec.kind === 'bool') {
    return (
      <label className="nf nf--bool" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          data-testid={`${testBase}-switch`}
          checked={value !== 0}
          onChange={(e) => onCommit(e.target.checked ? 1 : 0)}
        />
        <span>{label}</span>
      </label>
    );
  }

  const commitText = () => {
    if (draft === null) return;
    const r = parseNumberInput(draft, spec);
    if (!r.ok) {
      setError(t(r.key, r.vars));
      return;
    }
    setError(null);
    setDraft(null);
    if (r.value !== value) onCommit(r.value);
  };

  return (
    <div className="nf">
      <div className="nf__head">
        <label className="nf__label" htmlFor={slider ? id : `${id}-text`}>
          {label}
        </label>
        <input
          id={`${id}-text`}
          className={error ? 'nf__input nf__input--bad' : 'nf__input'}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          aria-label={t('hyper.exact', { name: label })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={`${testBase}-input`}
          value={draft ?? formatNumber(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
            // Typing must not trigger the page's shortcuts (space, r, ?).
            e.stopPropagation();
          }}
        />
      </div>
      {slider && (
      <input
        id={id}
        className="nf__slider"
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        data-testid={`${testBase}-slider`}
        aria-valuetext={formatNumber(value)}
        value={toSlider(value, spec)}
        onChange={(e) => {
          setDraft(null);
          setError(null);
          onCommit(fromSlider(Number(e.target.value), spec));
        }}
      />
      )}
      {error && (
        <p className="nf__error" id={`${id}-err`} role="alert" data-testid="hyper-error">
          {error}
        </p>
      )}
    </div>
  );
}
