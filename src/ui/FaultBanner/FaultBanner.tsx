/** Dismissible banners: an engine fault (the engine already continued on the CPU) and a refused config edit. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';
import { runName } from '../text/names';
import { LinkNotice } from '../LinkNotice/LinkNotice';

const selectFault = (s: AppState) => s.fault;
const selectFaultReason = (s: AppState) => s.faultReason;
const selectConfigError = (s: AppState) => s.configError;
const selectNotice = (s: AppState) => s.notice;
const selectRuns = (s: AppState) => s.draft.runs;

export function FaultBanner() {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const fault = useApp(selectFault);
  const reason = useApp(selectFaultReason);
  // The engine's message is English (it names limits, adapters, shader lines); other languages
  // get what happened in their words first, and that message as the technical detail.
  const translated = reason !== null && !i18n.language.startsWith('en');
  const configError = useApp(selectConfigError);
  const notice = useApp(selectNotice);
  const runs = useApp(selectRuns);
  const noticeRun = notice?.runUid ? runs.find((r) => r.uid === notice.runUid) : undefined;
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => appStore.getState().setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className="banners" aria-live="polite">
      <LinkNotice />
      {fault && (
        <div className="banner banner--warn" role="alert" data-testid="fault-banner">
          <strong>{t('engine.faultTitle')}</strong>
          {translated ? (
            <span className="banner__msg" data-testid="fault-reason">
              {t(`engine.faultReason.${reason}`)} <span className="banner__detail">{t('engine.faultDetail', { message: fault })}</span>
            </span>
          ) : (
            <span className="banner__msg">{fault}</span>
          )}
          <button type="button" className="icon-btn" aria-label={t('engine.dismiss')} onClick={() => appStore.getState().setFault(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {configError && (
        <div className="banner banner--error" role="alert" data-testid="config-error">
          <strong>{t('config.errorTitle')}</strong>
          <span className="banner__msg">{configError.message}</span>
          <button type="button" className="icon-btn" aria-label={t('engine.dismiss')} onClick={() => appStore.getState().dismissConfigError()}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {notice && (
        <div className="banner banner--info" data-testid="notice">
          <span className="banner__msg">{t(notice.key, { run: noticeRun ? runName(t, noticeRun) : '' })}</span>
          <button type="button" className="icon-btn" aria-label={t('engine.dismiss')} onClick={() => appStore.getState().setNotice(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}
