// The bar at the top of every page: its title, the language switch and the elderly-mode button,
// both visible on the first screen (one tap, no menu to find).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, isLanguage, languages, type Language } from './i18n.ts';
import { useElderlyMode } from './elderly-mode.tsx';

const languageNames: Record<Language, string> = { 'zh-CN': '中文', en: 'English', es: 'Español' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <label className="jz-language">
      <span className="jz-visually-hidden">{t('common.language')}</span>
      <select
        value={currentLanguage()}
        onChange={(e) => isLanguage(e.target.value) && changeLanguage(e.target.value)}
        aria-label={t('common.language')}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ElderlyModeButton() {
  const { t } = useTranslation();
  const { elderly, setElderly } = useElderlyMode();
  return (
    <button
      type="button"
      className="jz-elderly-toggle"
      aria-pressed={elderly}
      onClick={() => setElderly(!elderly)}
    >
      {t('common.elderlyMode')}
    </button>
  );
}

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <header className="jz-header">
      <h1 className="jz-header-title">{title}</h1>
      <div className="jz-header-tools">
        {actions}
        <ElderlyModeButton />
        <LanguageSwitch />
      </div>
    </header>
  );
}
