// Placeholder: the wallet (issue 6) comes next.
import { useTranslation } from 'react-i18next';
import { ErrorBlock } from 'antd-mobile';
import { MobileProvider } from '../shared/mobile.tsx';
import { PageHeader } from '../shared/page-header.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <MobileProvider>
      <PageHeader title={t('wallet.title')} />
      <main className="jz-main">
        <ErrorBlock status="empty" title={t('wallet.title')} description={t('common.placeholder')} />
      </main>
    </MobileProvider>
  );
}
