// The queue of the officer's station. Sorting, filters, search and paging are the server's, over
// the whole queue (sorting only the visible page is the complaint peers hear); the table only asks.
// Overdue rows carry an icon and words, never colour alone (WCAG 1.4.1).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { applicationStatuses, applicationTypes } from '../../src/domain/applications/application.ts';
import type { QueuePage, QueueQuery, QueueRow } from '../../src/http/schemas/staff.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import { go, rememberQueue, typing } from './route.ts';
import { ProvisionalMark } from './provisional-mark.tsx';

type Sort = NonNullable<QueueQuery['sort']>;
const channels = ['online', 'window'] as const;

function queryString(q: QueueQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === '' || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

export function DaysLeft({ row }: { row: Pick<QueueRow, 'workingDaysLeft' | 'overdue'> }) {
  const { t } = useTranslation();
  if (row.workingDaysLeft === null) return <span>{t('staff.queue.stopped')}</span>;
  if (row.overdue || row.workingDaysLeft < 0)
    return (
      <Tag className="jz-tag-overdue" icon={<WarningOutlined aria-hidden />}>
        {t('staff.queue.overdue', { count: Math.abs(row.workingDaysLeft) })}
      </Tag>
    );
  if (row.workingDaysLeft === 0)
    return (
      <Tag className="jz-tag-due" icon={<ClockCircleOutlined aria-hidden />}>
        {t('staff.queue.dueToday')}
      </Tag>
    );
  return <span>{t('staff.queue.daysLeftValue', { count: row.workingDaysLeft })}</span>;
}

export function Queue() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<QueueQuery>({ sort: 'dueBy', order: 'asc', limit: 20, offset: 0 });
  const [page, setPage] = useState<QueuePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [text, setText] = useState('');
  const tableRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    get<QueuePage>(`/staff/applications?${queryString(query)}`)
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
        setCursor(0);
        rememberQueue(p.items.map((r) => r.id));
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  const rows = useMemo(() => page?.items ?? [], [page]);
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (typing(e) || rows.length === 0) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, rows.length - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
      else if (e.key === 'Enter' && rows[cursor]) go(`#/applications/${rows[cursor].id}`);
      else return;
      e.preventDefault();
    },
    [rows, cursor],
  );
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);
  useEffect(() => {
    tableRef.current?.querySelector('tr.jz-row-current')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const sortOrder = (key: Sort) =>
    query.sort === key ? (query.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
  const columns: TableProps<QueueRow>['columns'] = [
    {
      key: 'applicantName',
      title: t('staff.queue.applicant'),
      // No sorter: names are sealed at rest, and a ciphertext has no order.
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <a href={`#/applications/${r.id}`}>{r.applicantName ?? '—'}</a>
          {r.byProxy && <Tag>{t('staff.queue.byProxy')}</Tag>}
        </Space>
      ),
    },
    { key: 'id', title: t('staff.queue.idNumber'), render: (_, r) => r.applicantIdNumber ?? '—' },
    { key: 'type', title: t('staff.queue.type'), render: (_, r) => t(`staff.enums.type.${r.type}`) },
    { key: 'status', title: t('staff.queue.status'), render: (_, r) => t(`staff.enums.status.${r.status}`) },
    {
      key: 'channel',
      title: t('staff.queue.channel'),
      render: (_, r) => t(`staff.enums.channel.${r.channel}`),
    },
    {
      key: 'acceptedOn',
      title: t('staff.queue.acceptedOn'),
      sorter: true,
      sortOrder: sortOrder('acceptedOn'),
      render: (_, r) => formatDate(r.acceptedOn),
    },
    {
      key: 'dueBy',
      title: t('staff.queue.dueBy'),
      sorter: true,
      sortOrder: sortOrder('dueBy'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(r.dueBy)}</span>
          {r.dueByProvisional && <ProvisionalMark />}
        </Space>
      ),
    },
    { key: 'daysLeft', title: t('staff.queue.daysLeft'), render: (_, r) => <DaysLeft row={r} /> },
  ];

  const set = (patch: Partial<QueueQuery>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const options = (values: readonly string[], ns: string) =>
    values.map((v) => ({ value: v, label: t(`staff.enums.${ns}.${v}`) }));

  return (
    <section aria-labelledby="jz-queue-heading">
      <Typography.Title level={2} id="jz-queue-heading">
        {t('staff.queue.heading')}
      </Typography.Title>
      <Space wrap className="jz-toolbar" align="end">
        <div>
          <label htmlFor="jz-queue-search" className="jz-field-label">
            {t('staff.queue.search')}
          </label>
          <Space.Compact>
            <Input
              id="jz-queue-search"
              type="search"
              placeholder={t('staff.queue.searchPlaceholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={() => set({ q: text.trim() || undefined })}
              style={{ width: 300 }}
            />
            <Button type="primary" onClick={() => set({ q: text.trim() || undefined })}>
              {t('staff.queue.search')}
            </Button>
          </Space.Compact>
        </div>
        {(
          [
            ['status', applicationStatuses, 'status'],
            ['type', applicationTypes, 'type'],
            ['channel', channels, 'channel'],
          ] as const
        ).map(([key, values, ns]) => (
          <label key={key}>
            <span className="jz-field-label">{t(`staff.queue.${key}`)}</span>
            <Select
              mode="multiple"
              aria-label={t(`staff.queue.${key}`)}
              allowClear
              style={{ minWidth: 180 }}
              options={options(values, ns)}
              value={(query[key] as string[] | undefined) ?? []}
              onChange={(v: string[]) => set({ [key]: v.length ? v : undefined })}
            />
          </label>
        ))}
        <Checkbox checked={!!query.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          {t('staff.queue.overdueOnly')}
        </Checkbox>
      </Space>
      <p className="jz-hint">{t('staff.queue.keyboardHint')}</p>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <div ref={tableRef}>
        <Table<QueueRow>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: t('staff.queue.empty') }}
          rowClassName={(r, i) =>
            [i === cursor ? 'jz-row-current' : '', r.overdue ? 'jz-row-overdue' : ''].join(' ')
          }
          onRow={(r, i) => ({
            onClick: () => setCursor(i ?? 0),
            onDoubleClick: () => go(`#/applications/${r.id}`),
            'aria-selected': i === cursor,
          })}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = (s?.order ? s.columnKey : undefined) as Sort | undefined;
            const limit = pagination.pageSize ?? 20;
            setQuery((q) => ({
              ...q,
              sort: key ?? 'dueBy',
              order: s?.order === 'descend' ? 'desc' : 'asc',
              limit,
              offset: ((pagination.current ?? 1) - 1) * limit,
            }));
          }}
          pagination={{
            current: Math.floor((query.offset ?? 0) / (query.limit ?? 20)) + 1,
            pageSize: query.limit ?? 20,
            total: page?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('staff.queue.total', { count: total }),
          }}
        />
      </div>
    </section>
  );
}
