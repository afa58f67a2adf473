/**
 * The Share dialog: the link to this experiment (the address bar holds it too), a student link
 * that hides chosen controls, and the code to embed the race in slides or a course page.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HIDEABLE } from '../../core/shareLink';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { linkStateOf } from '../share/linkOfStore';
import { embedState, iframeCode, linkFor, studentState } from '../share/links';
import { copyText } from './copyText';

const selectOpen = (s: AppState) => s.shareOpen;
const selectResolved = (s: AppState) => s.resolved;

type Copied = { readonly which: string; readonly how: 'copied' | 'selected' } | null;

function CopyRow({ id, label, value, multiline, copied, onCopy }: {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
  copied: Copied;
  onCopy: (which: string, value: string, field: HTMLInputElement | HTMLTextAreaElement | null) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  return (
    <div className="share__row">
      <label className="share__label" htmlFor={`gs-share-${id}`}>
        {label}
      </label>
      <div className="share__field">
        {multiline ? (
          <textarea ref={ref} id={`gs-share-${id}`} readOnly rows={3} value={value} data-testid={`share-${id}`} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input ref={ref} id={`gs-share-${id}`} readOnly value={value} data-testid={`share-${id}`} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" className="btn btn--primary" data-testid={`copy-${id}`} onClick={() => onCopy(id, value, ref.current)}>
          <Icon name="copy" />
          <span>{t('share.copy')}</span>
        </button>
      </div>
      <p className="share__status hint" role="status" data-testid={`copied-${id}`}>
        {copied?.which === id ? t(copied.how === 'copied' ? 'share.copied' : 'share.pressCopy') : ''}
      </p>
    </div>
  );
}

export function SharePanel() {
  const { t } = useTranslation();
  const open = useApp(selectOpen);
  useApp(selectResolved); // the links follow every edit while the dialog is open
  const [hide, setHide] = useState<readonly string[]>(['surfaces', 'runs']);
  const [copied, setCopied] = useState<Copied>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') appStore.getState().setShareOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) return null;
  const close = () => {
    appStore.getState().setShareOpen(false);
    setCopied(null);
  };
  const state = linkStateOf(appStore.getState());
  const base = window.location.href.split('#')[0];
  const link = linkFor(base, state);
  const student = linkFor(base, studentState(state, hide));
  const embed = iframeCode(linkFor(base, embedState(state)), t('app.title'));
  const onCopy = (which: string, value: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    void copyText(value, field).then((how) => setCopied({ which, how }));
  };
  const toggle = (g: string) => setHide(hide.includes(g) ? hide.filter((h) => h !== g) : [...hide, g]);
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog share" role="dialog" aria-modal="true" aria-labelledby="gs-share-title" data-testid="share-dialog" onClick={(e) => e.stopPropagation()}>
        <div className="dialog__head">
          <h2 id="gs-share-title">{t('share.title')}</h2>
          <button ref={closeRef} type="button" className="icon-btn" aria-label={t('share.close')} data-testid="share-close" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <p className="hint">{t('share.intro')}</p>
        <CopyRow id="link" label={t('share.link')} value={link} copied={copied} onCopy={onCopy} />
        <fieldset className="share__hide" data-testid="share-hide">
          <legend className="share__label">{t('share.studentHide')}</legend>
          {HIDEABLE.map((g) => (
            <label key={g} className="share__check">
              <input type="checkbox" checked={hide.includes(g)} onChange={() => toggle(g)} data-testid={`hide-${g}`} />
              <span>{t(`share.groups.${g}`)}</span>
            </label>
          ))}
        </fieldset>
        <CopyRow id="student" label={t('share.student')} value={student} copied={copied} onCopy={onCopy} />
        <CopyRow id="embed" label={t('share.embed')} value={embed} multiline copied={copied} onCopy={onCopy} />
      </div>
    </div>
  );
}
