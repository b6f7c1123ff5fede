// i18next for every page: zh-CN by default, en and es by the visible switch; the choice is kept in
// localStorage. Each page adds its own catalogue to the shared one; keys are `common.*` and
// `<page>.*`, so the two never collide.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../../src/i18n/language.ts';
import { zhCN } from './locales/zh-CN.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export { languages, type Language };
const STORAGE_KEY = 'juzhu.language';
const shared: Record<Language, object> = { 'zh-CN': zhCN, en, es };

export const isLanguage = (v: unknown): v is Language => languages.includes(v as Language);

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'zh-CN';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'zh-CN';
}

/** Call once, before the first render, with the page's own catalogues. */
export function setupI18n(page: Record<Language, object>): void {
  const resources = Object.fromEntries(
    languages.map((l) => [l, { translation: { ...shared[l], ...page[l] } }]),
  );
  const lng = savedLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    localStorage.setItem(STORAGE_KEY, l);
  });
}

export function changeLanguage(l: Language): void {
  void i18next.changeLanguage(l);
}
