// The station's alerts (GET /staff/alerts): what the morning jobs found late, for the role that
// acts on it: an officer the applications past their due date, community police the visits past
// theirs. Newest first; each opens its application or visit; one that no longer stands (decided,
// visited) stays listed, marked so in words.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { AlertPage, AlertView } from '../../src/http/schemas/alerts.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';

const PAGE_SIZE = 20;

export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AlertPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const language = i18n.language;

  useEffect(() => {
    let live = true;
    setLoading(true);
    get<AlertPage>(`/staff/alerts?limit=${PAGE_SIZE}&offset=${offset}`)
      .then(
        (p) => {
          if (!live) return;
          setPage(p);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // The texts come from the server in the reader's language: read again when it changes.
  }, [offset, language]);

  const columns: TableProps<AlertView>['columns'] = [
    {
      key: 'createdAt',
      title: t('staff.alerts.createdAt'),
      render: (_, a) => formatDateTime(a.createdAt),
    },
    { key: 'text', title: t('staff.alerts.alert'), render: (_, a) => a.text },
    { key: 'dueOn', title: t('staff.alerts.dueOn'), render: (_, a) => formatDate(a.dueOn) },
    {
      key: 'state',
      title: t('staff.alerts.state'),
      render: (_, a) =>
        a.open ? <Tag color="red">{t('staff.alerts.open')}</Tag> : <Tag>{t('staff.alerts.handled')}</Tag>,
    },
    {
      key: 'link',
      title: t('staff.alerts.link'),
      render: (_, a) =>
        a.subject.kind === 'application' ? (
          <Typography.Link href={`#/applications/${a.subject.id}`}>
            {t('staff.alerts.openApplication')}
          </Typography.Link>
        ) : (
          <Typography.Link href={`#/visits/${a.subject.id}`}>{t('staff.alerts.openVisit')}</Typography.Link>
        ),
    },
  ];

  return (
    <section aria-labelledby="jz-alerts-heading">
      <Typography.Title level={2} id="jz-alerts-heading">
        {t('staff.alerts.heading')}
      </Typography.Title>
      <p>{t('staff.alerts.intro')}</p>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {page && <p role="status">{t('staff.alerts.summary', { open: page.open, count: page.total })}</p>}
      <Table<AlertView>
        rowKey="id"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        locale={{ emptyText: t('staff.alerts.empty') }}
        onChange={(pagination) => setOffset(((pagination.current ?? 1) - 1) * PAGE_SIZE)}
        pagination={{
          current: Math.floor(offset / PAGE_SIZE) + 1,
          pageSize: PAGE_SIZE,
          total: page?.total ?? 0,
          showSizeChanger: false,
        }}
      />
    </section>
  );
}
