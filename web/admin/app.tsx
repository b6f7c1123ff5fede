// The administration pages (issue 7): display-code signing keys, staff accounts, stations, the
// working-day calendar, verifier organisations and the policy in force.
import { useTranslation } from 'react-i18next';
import { Button, Tabs } from 'antd';
import { ConsoleProvider } from '../shared/console.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { StaffLogin, useStaffSession } from '../shared/staff-session.tsx';
import { SigningKeys } from './signing-keys.tsx';
import { StaffAccounts } from './staff-accounts.tsx';
import { Stations } from './stations.tsx';
import { CalendarAdmin } from './calendar.tsx';
import { Verifiers } from './verifiers.tsx';
import { Policy } from './policy.tsx';

export function App() {
  const { t } = useTranslation();
  const { session, ended, signedIn, logout } = useStaffSession();
  return (
    <ConsoleProvider>
      <PageHeader
        title={t('admin.title')}
        actions={
          session && (
            <>
              <span>{t('common.staffLogin.signedInAs', { username: session.username })}</span>
              <Button onClick={() => void logout()}>{t('common.logout')}</Button>
            </>
          )
        }
      />
      <main className="jz-main jz-main-wide">
        {!session ? (
          <StaffLogin ended={ended} onSignedIn={signedIn} />
        ) : (
          <Tabs
            items={[
              { key: 'keys', label: t('admin.keys.tab'), children: <SigningKeys /> },
              { key: 'staff', label: t('admin.staff.tab'), children: <StaffAccounts /> },
              { key: 'stations', label: t('admin.stations.tab'), children: <Stations /> },
              { key: 'calendar', label: t('admin.calendar.tab'), children: <CalendarAdmin /> },
              { key: 'verifiers', label: t('admin.verifiers.tab'), children: <Verifiers /> },
              { key: 'policy', label: t('admin.policy.tab'), children: <Policy /> },
            ]}
          />
        )}
      </main>
    </ConsoleProvider>
  );
}
