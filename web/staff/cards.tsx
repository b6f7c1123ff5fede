// Cards of the jurisdiction: find one by its number, the holder's ID number or name (the server
// searches, within the jurisdiction only), see every version of its number with the status that
// counts today, and, as an officer, revoke it with a reason the holder reads.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Table, Typography } from 'antd';
import type { CardDetail, CardPage, CardRow, CardSummary } from '../../src/http/schemas/staff.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { useStaffRecord } from './use-record.ts';
import { HistoryTimeline } from './history-timeline.tsx';

const PAGE = 20;

function useSummaryColumns() {
  const { t } = useTranslation();
  return {
    kind: {
      key: 'kind',
      title: t('staff.cards.kind'),
      render: (_: unknown, c: CardSummary) => t(`staff.enums.cardKind.${c.kind}`),
    },
    version: {
      key: 'version',
      title: t('staff.cards.version'),
      render: (_: unknown, c: CardSummary) => c.version,
    },
    status: {
      key: 'status',
      title: t('staff.cards.status'),
      render: (_: unknown, c: CardSummary) => t(`staff.enums.cardStatus.${c.status}`),
    },
    issuedOn: {
      key: 'issuedOn',
      title: t('staff.cards.issuedOn'),
      render: (_: unknown, c: CardSummary) => formatDate(c.issuedOn),
    },
    validUntil: {
      key: 'validUntil',
      title: t('staff.cards.validUntil'),
      render: (_: unknown, c: CardSummary) => formatDate(c.validUntil),
    },
  };
}

export function CardSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ q?: string; offset: number }>({ offset: 0 });
  const [page, setPage] = useState<CardPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const summary = useSummaryColumns();

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(query.offset) });
    if (query.q) params.set('q', query.q);
    setLoading(true);
    get<CardPage>(`/staff/cards?${params.toString()}`)
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query]);

  const search = () => setQuery({ ...(text.trim() ? { q: text.trim() } : {}), offset: 0 });
  return (
    <section aria-labelledby="jz-cards-heading">
      <Typography.Title level={2} id="jz-cards-heading">
        {t('staff.cards.heading')}
      </Typography.Title>
      <div className="jz-toolbar">
        <label htmlFor="jz-card-search" className="jz-field-label">
          {t('staff.cards.search')}
        </label>
        <Space.Compact>
          <Input
            id="jz-card-search"
            type="search"
            placeholder={t('staff.cards.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={search}
            style={{ width: 320 }}
          />
          <Button type="primary" onClick={search}>
            {t('staff.cards.find')}
          </Button>
        </Space.Compact>
      </div>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Table<CardRow>
        rowKey="id"
        loading={loading}
        dataSource={page?.items ?? []}
        locale={{ emptyText: t('staff.cards.empty') }}
        columns={[
          {
            key: 'number',
            title: t('staff.cards.number'),
            render: (_, c) => (
              <a href={`#/cards/${c.id}`} className="jz-mono">
                {c.number}
              </a>
            ),
          },
          { key: 'holder', title: t('staff.cards.holder'), render: (_, c) => c.holder.name ?? '—' },
          {
            key: 'idNumber',
            title: t('staff.queue.idNumber'),
            render: (_, c) => <span className="jz-mono">{c.holder.idNumber ?? '—'}</span>,
          },
          summary.kind,
          summary.version,
          summary.status,
          summary.validUntil,
        ]}
        pagination={{
          current: Math.floor(query.offset / PAGE) + 1,
          pageSize: PAGE,
          total: page?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('staff.queue.total', { count: total }),
          onChange: (n) => setQuery((q) => ({ ...q, offset: (n - 1) * PAGE })),
        }}
      />
    </section>
  );
}

/** States a card can still be revoked from; the server decides (and says why when it refuses). */
const revocable = new Set(['valid', 'suspended']);

export function CardDetailPage({ id, role }: { id: string; role: string }) {
  const { t } = useTranslation();
  const {
    record: card,
    error,
    setError,
    reload: load,
  } = useStaffRecord<CardDetail>(`/staff/cards/${id}`, 'staff.cards.notFound');
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useSummaryColumns();
  useEffect(() => setDone(null), [id]);

  const revoke = async () => {
    setBusy(true);
    try {
      await post(`/staff/cards/${id}/revoke`, { reason: reason.trim() });
      setDone(t('staff.cards.revoked'));
      setDialog(false);
      setReason('');
    } catch (e) {
      setDialog(false);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      load();
    }
  };

  const none = t('staff.detail.none');
  return (
    <article aria-labelledby="jz-card-heading">
      <Space style={{ marginBottom: 12 }}>
        <Button href="#/cards">{t('staff.cards.back')}</Button>
      </Space>
      <Typography.Title level={2} id="jz-card-heading">
        {t('staff.cards.detailHeading')}
        {card && ` · ${card.number}`}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: 12 }} />}
      {card && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={<h3 className="jz-card-title">{t('staff.cards.card')}</h3>}>
            <Descriptions column={{ xs: 1, lg: 2 }} size="small">
              <Descriptions.Item label={t('staff.cards.holder')}>
                {card.holder.name ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.queue.idNumber')}>
                <span className="jz-mono">{card.holder.idNumber ?? none}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.cards.number')}>
                <span className="jz-mono">{card.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.cards.kind')}>
                {t(`staff.enums.cardKind.${card.kind}`)} ·{' '}
                {t('staff.detail.cardVersion', { version: card.version })}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.cards.status')}>
                <strong>{t(`staff.enums.cardStatus.${card.status}`)}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.cards.issuedOn')}>
                {formatDate(card.issuedOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.cards.validUntil')}>
                {formatDate(card.validUntil)}
              </Descriptions.Item>
              {card.endorsementDueOn && (
                <Descriptions.Item label={t('staff.cards.endorsementDueOn')}>
                  {formatDate(card.endorsementDueOn)}
                </Descriptions.Item>
              )}
              {card.revokedReason && (
                <Descriptions.Item label={t('staff.cards.revokedReason')}>
                  {card.revokedReason}
                  {card.revokedAt && ` (${formatDateTime(card.revokedAt)})`}
                </Descriptions.Item>
              )}
            </Descriptions>
            {role === 'officer' && revocable.has(card.status) && (
              <Button danger onClick={() => setDialog(true)} style={{ marginTop: 12 }}>
                {t('staff.cards.revoke')}
              </Button>
            )}
          </Card>
          <Card title={<h3 className="jz-card-title">{t('staff.cards.versions')}</h3>}>
            <Table<CardSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={card.versions}
              columns={[summary.version, summary.kind, summary.status, summary.issuedOn, summary.validUntil]}
            />
          </Card>
          <Card title={<h3 className="jz-card-title">{t('staff.detail.history')}</h3>}>
            <HistoryTimeline history={card.history} />
          </Card>
        </Space>
      )}
      <Modal
        open={dialog}
        title={t('staff.cards.revoke')}
        okText={t('staff.decision.confirm')}
        cancelText={t('staff.decision.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={busy}
        onOk={() => void revoke()}
        onCancel={() => setDialog(false)}
      >
        <p>{t('staff.cards.revokeExplain')}</p>
        <label>
          <span className="jz-field-label">{t('staff.cards.revokeReason')}</span>
          <Input.TextArea
            aria-label={t('staff.cards.revokeReason')}
            value={reason}
            maxLength={500}
            rows={4}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </label>
      </Modal>
    </article>
  );
}
