/**
 * i18next setup: English and Simplified Chinese, detected from ?lang=, then the saved choice,
 * then the browser. Every visible string goes through these catalogues.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { en } from './en';
import { zhCN } from './zhCN';

/** The languages the header switch offers, with their own names (never translated). */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** Maps any detected tag (zh, zh-Hans, zh-TW, en-GB...) onto a supported language. */
export function supportedLanguage(tag: string | undefined): 'en' | 'zh-CN' {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Initialises i18next once; resolves when the catalogues are ready. */
export function initI18n(): Promise<unknown> {
  return i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      fallbackLng: 'en',
      supportedLngs: ['en', 'zh-CN'],
      nonExplicitSupportedLngs: false,
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['querystring', 'localStorage', 'navigator'],
        lookupQuerystring: 'lang',
        lookupLocalStorage: 'gradscape.lang',
        caches: ['localStorage'],
        convertDetectedLanguage: (lng: string) => supportedLanguage(lng),
      },
      returnNull: false,
    });
}

export default i18n;
