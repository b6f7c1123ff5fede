// Placeholder: the staff console (issue 7) replaces this.
import { useTranslation } from 'react-i18next';
import { Result } from 'antd';
import { ConsoleProvider } from '../shared/console.tsx';
import { PageHeader } from '../shared/page-header.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <ConsoleProvider>
      <PageHeader title={t('staff.title')} />
      <main className="jz-main">
        <Result status="info" title={t('staff.title')} subTitle={t('common.placeholder')} />
      </main>
    </ConsoleProvider>
  );
}
