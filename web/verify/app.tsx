// Placeholder: the verifier page (issue 6) replaces this.
import { useTranslation } from 'react-i18next';
import { ErrorBlock } from 'antd-mobile';
import { MobileProvider } from '../shared/mobile.tsx';
import { PageHeader } from '../shared/page-header.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <MobileProvider>
      <PageHeader title={t('verify.title')} />
      <main className="jz-main">
        <ErrorBlock status="empty" title={t('verify.title')} description={t('common.placeholder')} />
      </main>
    </MobileProvider>
  );
}
