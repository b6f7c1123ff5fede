// The staff console (issue 7): sign-in, the queue, an application's detail and decision, cards.
import { useTranslation } from 'react-i18next';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { ConsoleProvider } from '../shared/console.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { StaffLogin, useStaffSession } from '../shared/staff-session.tsx';
import { go, useRoute } from './route.ts';
import { Queue } from './queue.tsx';
import { ApplicationPage } from './application-page.tsx';
import { VisitsPage } from './visits-page.tsx';

export function App() {
  const { t } = useTranslation();
  const { session, ended, signedIn, logout } = useStaffSession();
  const route = useRoute();
  // Community police have no application queue: their place is the visits of their streets.
  const place = session?.role === 'community_police' && route.name === 'queue' ? { name: 'visits' } : route;
  const later = (key: string) => ({
    key,
    disabled: true,
    label: (
      <Tooltip title={t('staff.nav.comingLater')}>
        <span>
          {t(`staff.nav.${key}`)} <small>({t('staff.nav.comingLater')})</small>
        </span>
      </Tooltip>
    ),
  });
  return (
    <ConsoleProvider>
      <PageHeader
        title={t('staff.title')}
        actions={
          session && (
            <>
              <span>{t('common.staffLogin.signedInAs', { username: session.username })}</span>
              <Button onClick={() => void logout()}>{t('common.logout')}</Button>
            </>
          )
        }
      />
      {!session ? (
        <main className="jz-main">
          <StaffLogin ended={ended} onSignedIn={signedIn} />
        </main>
      ) : (
        <Layout className="jz-console">
          <Layout.Sider theme="light" width={220} breakpoint="lg" collapsedWidth={0}>
            <nav aria-label={t('staff.nav.label')}>
              <Menu
                mode="inline"
                selectedKeys={[place.name === 'application' ? 'queue' : place.name]}
                onClick={({ key }) => go(`#/${key}`)}
                items={[
                  ...(session.role === 'community_police'
                    ? []
                    : [{ key: 'queue', label: t('staff.nav.queue') }]),
                  { key: 'cards', label: t('staff.nav.cards'), disabled: true },
                  later('appointments'),
                  later('confirmations'),
                  { key: 'visits', label: t('staff.nav.visits') },
                ]}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content className="jz-console-content">
            <main>
              {route.name === 'application' ? (
                <ApplicationPage id={route.id} />
              ) : place.name === 'visits' ? (
                <VisitsPage role={session.role} />
              ) : (
                <Queue />
              )}
            </main>
          </Layout.Content>
        </Layout>
      )}
    </ConsoleProvider>
  );
}
