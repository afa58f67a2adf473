/** The header: brand, the phone's controls button, engine badge, language, theme and help. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';
import { appStore, useApp } from '../../store/store';
import type { AppState } from '../../store/state';
import type { Language } from '../../store/uiSlice';
import { EngineBadge } from '../EngineBadge/EngineBadge';
import { ExportMenu } from '../ExportMenu/ExportMenu';
import { Icon } from '../Icon/Icon';
import { setPresentation } from '../share/modes';

const selectTheme = (s: AppState) => s.theme;
const selectLanguage = (s: AppState) => s.language;
const selectDrawer = (s: AppState) => s.drawerOpen;
const selectPresenting = (s: AppState) => s.presenting;

export function Header() {
  const { t } = useTranslation();
  const theme = useApp(selectTheme);
  const language = useApp(selectLanguage);
  const drawerOpen = useApp(selectDrawer);
  const presenting = useApp(selectPresenting);
  const s = appStore.getState();

  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-btn topbar__menu"
        aria-expanded={drawerOpen}
        aria-controls="gs-panel"
        aria-label={t('header.controls')}
        data-testid="drawer-toggle"
        onClick={() => s.setDrawerOpen(!drawerOpen)}
      >
        <Icon name="menu" size={20} />
      </button>
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M4 24c5-1 7-9 12-9s6 6 12 5" />
          <path d="M4 17c5-1 7-8 12-8s6 5 12 4" opacity=".55" />
          <circle cx="22" cy="19.4" r="2.6" />
        </svg>
        <div className="brand__text">
          <h1 className="brand__name" data-testid="app-title">{t('app.title')}</h1>
          <p className="brand__tag">{t('app.tagline')}</p>
        </div>
      </div>
      <div className="topbar__right">
        <EngineBadge />
        <label className="lang">
          <span className="sr-only">{t('header.language')}</span>
          <select data-testid="lang-switch" value={language} onChange={(e) => s.setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <ExportMenu />
        <button
          type="button"
          className="icon-btn"
          data-testid="share-button"
          aria-label={t('share.open')}
          title={t('share.open')}
          aria-haspopup="dialog"
          onClick={() => s.setShareOpen(true)}
        >
          <Icon name="link" size={20} />
        </button>
        <button
          type="button"
          className={presenting ? 'icon-btn is-on' : 'icon-btn'}
          data-testid="present-toggle"
          aria-pressed={presenting}
          aria-label={presenting ? t('share.presentOff') : t('share.presentOn')}
          title={presenting ? t('share.presentOff') : t('share.presentOn')}
          onClick={() => setPresentation(appStore, !presenting)}
        >
          <Icon name={presenting ? 'exitPresent' : 'present'} size={20} />
        </button>
        <button
          type="button"
          className="icon-btn"
          data-testid="theme-switch"
          aria-label={theme === 'dark' ? t('header.toLight') : t('header.toDark')}
          title={theme === 'dark' ? t('header.toLight') : t('header.toDark')}
          onClick={() => s.setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} size={20} />
        </button>
        <button
          type="button"
          className="icon-btn"
          data-testid="help-button"
          aria-label={t('header.help')}
          title={t('header.help')}
          aria-keyshortcuts="?"
          onClick={() => s.setHelpOpen(true)}
        >
          <Icon name="help" size={20} />
        </button>
      </div>
    </header>
  );
}
