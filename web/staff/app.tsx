// The staff console (issue 7): sign-in, the queue, an application's detail and decision, cards.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { ConsoleProvider } from '../shared/console.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { StaffLogin, useStaffSession } from '../shared/staff-session.tsx';
import { go, useRoute, type Route } from './route.ts';
import { Queue } from './queue.tsx';
import { ApplicationPage } from './application-page.tsx';
import { CardDetailPage, CardSearch } from './cards.tsx';
import { Intake } from './intake.tsx';

// ECharts comes with the statistics page only, in its own chunk.
const StatisticsPage = lazy(() => import('./statistics.tsx').then((m) => ({ default: m.StatisticsPage })));

export function App() {
  const { t } = useTranslation();
  const { session, ended, signedIn, logout } = useStaffSession();
  const route = useRoute();
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
                selectedKeys={[route.name === 'application' ? 'queue' : route.name]}
                onClick={({ key }) => go(`#/${key}`)}
                items={[
                  { key: 'queue', label: t('staff.nav.queue') },
                  ...(session.role === 'officer' || session.role === 'clerk'
                    ? [{ key: 'cards', label: t('staff.nav.cards') }]
                    : []),
                  ...(session.role === 'clerk' ? [{ key: 'intake', label: t('staff.nav.intake') }] : []),
                  ...(session.role === 'officer' || session.role === 'admin'
                    ? [{ key: 'statistics', label: t('staff.nav.statistics') }]
                    : []),
                  later('appointments'),
                  later('confirmations'),
                  later('visits'),
                ]}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content className="jz-console-content">
            <main>
              <Suspense fallback={<p>{t('common.loading')}</p>}>
                <Place route={route} role={session.role} districtCode={session.districtCode} />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      )}
    </ConsoleProvider>
  );
}

function Place({ route, role, districtCode }: { route: Route; role: string; districtCode: string | null }) {
  switch (route.name) {
    case 'application':
      return <ApplicationPage id={route.id} />;
    case 'cards':
      return route.id ? <CardDetailPage id={route.id} role={role} /> : <CardSearch />;
    case 'intake':
      return <Intake districtCode={districtCode} />;
    case 'statistics':
      return <StatisticsPage />;
    default:
      return <Queue />;
  }
}
