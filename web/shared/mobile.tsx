// antd-mobile for the phone pages (wallet, verifier): its components in the chosen language, and
// its imperative popups (Toast, Dialog) rendered with React 19's root API, which antd-mobile 5 does
// not find by itself (antd-mobile issue 6661: `unstableSetRender`).
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import esES from 'antd-mobile/es/locales/es-ES';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from './i18n.ts';

unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    await Promise.resolve();
    root.unmount();
  };
});

const locales: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, en: enUS, es: esES };

export function MobileProvider({ children }: { children: ReactNode }) {
  useTranslation(); // re-render on a language change
  return <ConfigProvider locale={locales[currentLanguage()]}>{children}</ConfigProvider>;
}
