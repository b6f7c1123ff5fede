// The staff console (issue 7): sign-in, the queue, an application's detail and decision, cards;
// the window's appointments and confirmation forms (issue 8).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Layout, Menu } from 'antd';
import { ConsoleProvider } from '../shared/console.tsx';
import { PageHeader } from '../shared/page-header.tsx';
import { StaffLogin, useStaffSession } from '../shared/staff-session.tsx';
import { go, useRoute, type Route } from './route.ts';
import { Queue } from './queue.tsx';
import { ApplicationPage } from './application-page.tsx';
import { VisitsPage } from './visits-page.tsx';
import { CardDetailPage, CardSearch } from './cards.tsx';
import { Intake } from './intake.tsx';
import { AlertsPage } from './alerts-page.tsx';
import { VisitPage } from './visit-page.tsx';
import { receivesAlerts, useAlertCount } from './alert-count.ts';
import { AppointmentsPage } from './appointments-page.tsx';
import { FormsPage } from './forms-page.tsx';
import { PasskeysPage } from './passkeys-page.tsx';

// ECharts comes with the statistics page only, in its own chunk.
const StatisticsPage = lazy(() => import('./statistics.tsx').then((m) => ({ default: m.StatisticsPage })));

export function App() {
  const { t } = useTranslation();
  const { session, ended, signedIn, logout } = useStaffSession();
  const route = useRoute();
  // Community police have no application queue: their place is the visits of their streets.
  const place: Route =
    session?.role === 'community_police' && route.name === 'queue' ? { name: 'visits' } : route;
  const alertCount = useAlertCount(session?.role ?? '', JSON.stringify(route));
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
                selectedKeys={[
                  place.name === 'application' ? 'queue' : place.name === 'visit' ? 'visits' : place.name,
                ]}
                onClick={({ key }) => go(`#/${key}`)}
                items={[
                  ...(receivesAlerts(session.role)
                    ? [
                        {
                          key: 'alerts',
                          label: (
                            <span>
                              {t('staff.nav.alerts')}{' '}
                              {alertCount !== null && (
                                <Badge
                                  count={alertCount}
                                  showZero
                                  overflowCount={999}
                                  title={t('staff.alerts.navCount', { count: alertCount })}
                                />
                              )}
                            </span>
                          ),
                        },
                      ]
                    : []),
                  ...(session.role === 'community_police'
                    ? []
                    : [{ key: 'queue', label: t('staff.nav.queue') }]),
                  ...(session.role === 'officer' || session.role === 'clerk'
                    ? [{ key: 'cards', label: t('staff.nav.cards') }]
                    : []),
                  // The window's services are the clerk's (DESIGN §4).
                  ...(session.role === 'clerk'
                    ? [
                        { key: 'intake', label: t('staff.nav.intake') },
                        { key: 'appointments', label: t('staff.nav.appointments') },
                        { key: 'confirmations', label: t('staff.nav.confirmations') },
                      ]
                    : []),
                  ...(session.role === 'officer' || session.role === 'admin'
                    ? [{ key: 'statistics', label: t('staff.nav.statistics') }]
                    : []),
                  ...(session.role === 'officer' || session.role === 'community_police'
                    ? [{ key: 'visits', label: t('staff.nav.visits') }]
                    : []),
                  // Every member's own second factor (issue 9).
                  { key: 'passkeys', label: t('staff.nav.passkeys') },
                ]}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content className="jz-console-content">
            <main>
              <Suspense fallback={<p>{t('common.loading')}</p>}>
                <Place route={place} role={session.role} districtCode={session.districtCode} />
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
    case 'alerts':
      return <AlertsPage />;
    case 'visit':
      return <VisitPage id={route.id} role={role} />;
    case 'application':
      return <ApplicationPage id={route.id} />;
    case 'cards':
      return route.id ? <CardDetailPage id={route.id} role={role} /> : <CardSearch />;
    case 'intake':
      return <Intake districtCode={districtCode} />;
    case 'statistics':
      return <StatisticsPage />;
    case 'visits':
      return <VisitsPage role={role} />;
    case 'appointments':
      return <AppointmentsPage />;
    case 'confirmations':
      return <FormsPage />;
    case 'passkeys':
      return <PasskeysPage />;
    default:
      return <Queue />;
  }
}
