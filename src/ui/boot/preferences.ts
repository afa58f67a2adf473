/**
 * First-load preferences and their persistence: theme (saved choice, else the OS), language
 * (i18next's detection), engine (?engine=cpu|gpu|auto, used by tests and share links), and
 * autoplay (off when the user prefers reduced motion). Store changes are mirrored to the
 * document (data-theme, lang) and to localStorage.
 */
import i18n, { supportedLanguage } from '../../i18n';
import type { AppStore } from '../../store/store';
import type { EnginePreference } from '../../store/engineSlice';
import type { Theme } from '../../store/uiSlice';

const THEME_KEY = 'gradscape.theme';

function readTheme(params: URLSearchParams): Theme {
  const q = params.get('theme');
  if (q === 'dark' || q === 'light') return q;
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'dark' || saved === 'light') return saved;
  } catch {
    /* storage may be blocked (private mode): fall through to the OS preference */
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function readEngine(params: URLSearchParams): EnginePreference {
  const q = params.get('engine');
  return q === 'cpu' || q === 'gpu' ? q : 'auto';
}

/** Applies the first-load preferences to the store and keeps document and storage in sync. */
export function installPreferences(store: AppStore, search = window.location.search): void {
  const params = new URLSearchParams(search);
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const paused = params.get('autoplay') === '0';
  store.setState({
    theme: readTheme(params),
    language: supportedLanguage(i18n.resolvedLanguage ?? i18n.language),
    enginePref: readEngine(params),
    playing: !reduced && !paused,
  });
  const apply = () => {
    const s = store.getState();
    const root = document.documentElement;
    root.dataset.theme = s.theme;
    root.style.colorScheme = s.theme;
    root.lang = s.language;
    if (i18n.language !== s.language) void i18n.changeLanguage(s.language);
  };
  apply();
  store.subscribe((s, prev) => {
    if (s.theme === prev.theme && s.language === prev.language) return;
    apply();
    try {
      localStorage.setItem(THEME_KEY, s.theme);
    } catch {
      /* not persisted; the choice still holds for this visit */
    }
  });
}
