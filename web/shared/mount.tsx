// Starts a page: styles, translations, the elderly-mode provider, and the React root.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import './tokens.css';
import { setupI18n, type Language } from './i18n.ts';
import { ElderlyModeProvider } from './elderly-mode.tsx';

export function mountPage(Page: ComponentType, catalogues: Record<Language, object>): void {
  setupI18n(catalogues);
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ElderlyModeProvider>
        <Page />
      </ElderlyModeProvider>
    </StrictMode>,
  );
}
