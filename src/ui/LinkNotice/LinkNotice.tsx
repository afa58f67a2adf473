/**
 * The one notice for a link (or the remembered state) that could not be applied in full: what
 * was ignored, each with why. The page works on with everything that was valid.
 */
import { useTranslation } from 'react-i18next';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import { Icon } from '../Icon/Icon';

const selectNotices = (s: AppState) => s.linkNotices;

/** At most this many items are listed; the rest are counted. */
const MAX_LISTED = 8;

export function LinkNotice() {
  const { t } = useTranslation();
  const n = useApp(selectNotices);
  if (!n) return null;
  const listed = n.notices.slice(0, MAX_LISTED);
  const more = n.notices.length - listed.length;
  return (
    <div className="banner banner--warn link-notice" role="alert" data-testid="link-notice" data-source={n.source}>
      <div className="banner__msg">
        <strong>{t(`share.notice.${n.source}`)}</strong>
        <ul className="link-notice__list">
          {listed.map((item, i) => (
            <li key={i} data-code={item.code}>
              <span className="link-notice__reason">{t(`share.reason.${item.code}`)}</span>
              {item.field !== '' && <code className="link-notice__field">{item.field}</code>}
              {/* Imported data missing is the reader's situation, not a typo: said in their language. */}
              <span className="link-notice__detail">{item.code === 'missingData' ? t('share.missingData') : item.detail}</span>
            </li>
          ))}
          {more > 0 && <li>{t('share.notice.more', { count: more })}</li>}
        </ul>
      </div>
      <button type="button" className="icon-btn" aria-label={t('engine.dismiss')} data-testid="link-notice-close" onClick={() => appStore.getState().setLinkNotices(null)}>
        <Icon name="close" />
      </button>
    </div>
  );
}
