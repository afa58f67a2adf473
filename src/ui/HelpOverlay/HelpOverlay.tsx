/** The keyboard shortcut help, a modal dialog opened with '?' or the header's help button. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';

const selectOpen = (s: AppState) => s.helpOpen;

const KEYS: readonly (readonly [string, string])[] = [
  ['Space', 'help.space'],
  ['→', 'help.right'],
  ['R', 'help.reset'],
  ['+', 'help.faster'],
  ['−', 'help.slower'],
  ['?', 'help.help'],
  ['Esc', 'help.escape'],
];

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useApp(selectOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => appStore.getState().setHelpOpen(false);
  return (
    <div className="overlay" onClick={close}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gs-help-title"
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="dialog__head">
          <h2 id="gs-help-title">{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="icon-btn" aria-label={t('help.close')} data-testid="help-close" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <dl className="keys">
          {KEYS.map(([k, label]) => (
            <div key={k} className="keys__row">
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
