// antd for the desktop pages (staff console, administration): its components in the chosen
// language and our primary colour.
import { useSyncExternalStore, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import esES from 'antd/es/locale/es_ES';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './i18n.ts';

// antd's secondary text greys (45% black, 2.8:1 on white) fail WCAG AA contrast: 65% black is 5.7:1.
const theme = {
  token: {
    colorPrimary: '#0958d9',
    // antd derives a lighter hover (white on it 3.9:1); a darker one keeps a hovered button readable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorError: '#cf1322', // the default red (#ff4d4f) is 3.1:1 on white
    colorLink: '#0958d9', // antd's default link blue is 4.0:1 on white, short of AA
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
  },
};

const locales: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, en: enUS, es: esES };

// A person who asked their system for less motion gets dialogs and menus without zoom and slide
// (WCAG 2.3.3); a dialog is then also usable the moment it appears.
const reducedMotion =
  typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;
const subscribeMotion = (onChange: () => void) => {
  reducedMotion?.addEventListener('change', onChange);
  return () => reducedMotion?.removeEventListener('change', onChange);
};
const wantsReducedMotion = () => reducedMotion?.matches ?? false;
const themes = {
  motion: theme,
  still: { ...theme, token: { ...theme.token, motion: false } },
};

export function ConsoleProvider({ children }: { children: ReactNode }) {
  useTranslation(); // re-render on a language change
  const still = useSyncExternalStore(subscribeMotion, wantsReducedMotion);
  return (
    // antd puts a space inside two-character Chinese button labels (登 录); screen readers then read
    // two words, and the label no longer matches the catalogue.
    <ConfigProvider
      locale={locales[currentLanguage()]}
      theme={still ? themes.still : themes.motion}
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  );
}
