// Verification visits (R14). Community police see the open visits of their streets, take them and
// record what they found (a note is required for "not found" and "mismatch"); officers see their
// district's visits and review what the police doubted: revoke the card, with a reason the holder
// sees, or keep it. Filters and paging are the server's; overdue rows say so in words, not colour.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Checkbox,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { visitStatuses } from '../../src/domain/visits/visit.ts';
import type { VisitOutcome, ReviewDecision } from '../../src/domain/visits/visit.ts';
import type { VisitPage, VisitQuery, VisitView } from '../../src/http/schemas/visits.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import { DaysLeft } from './queue.tsx';
import { alertsChanged } from './alert-count.ts';
import { ProvisionalMark } from './provisional-mark.tsx';

type Dialog =
  | { kind: 'outcome'; visit: VisitView }
  | { kind: 'review'; visit: VisitView }
  | { kind: 'assign'; visit: VisitView }
  | null;

function queryString(q: VisitQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

export function VisitsPage({ role }: { role: string }) {
  const { t } = useTranslation();
  const officer = role === 'officer';
  const [tab, setTab] = useState<'visits' | 'review'>(officer ? 'review' : 'visits');
  const [query, setQuery] = useState<VisitQuery>({
    status: officer ? undefined : ['open'],
    limit: 20,
    offset: 0,
  });
  const [page, setPage] = useState<VisitPage | null>(null);
  const [loading, setLoading] = useState(false);
  // A success is kept as its catalogue key, so it follows a change of language; an error is the server's words.
  const [message, setMessage] = useState<
    { type: 'success'; key: string } | { type: 'error'; text: string } | null
  >(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const path =
      tab === 'review'
        ? `/staff/visits/review?${queryString({ limit: query.limit, offset: query.offset })}`
        : `/staff/visits?${queryString(query)}`;
    get<VisitPage>(path)
      .then((p) => live && setPage(p))
      .catch(
        (e: unknown) =>
          live && setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) }),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, tab, reload]);

  const done = useCallback((key: string) => {
    setMessage({ type: 'success', key });
    setDialog(null);
    setReload((n) => n + 1);
    alertsChanged();
  }, []);
  const set = (patch: Partial<VisitQuery>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));

  const columns: TableProps<VisitView>['columns'] = [
    {
      key: 'holder',
      title: t('staff.visits.holder'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{v.holder.name ?? '—'}</span>
          <small>{v.holder.idNumber ?? ''}</small>
        </Space>
      ),
    },
    {
      key: 'address',
      title: t('staff.visits.address'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{v.address.detail}</span>
          <small>
            {v.address.districtName && v.address.streetName
              ? `${v.address.districtName} ${v.address.streetName}`
              : t('staff.visits.street', { code: v.address.streetCode })}
          </small>
        </Space>
      ),
    },
    {
      key: 'card',
      title: t('staff.visits.card'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{v.card.number}</span>
          <small>
            {t(`staff.enums.cardKind.${v.card.kind}`)} · {t(`staff.enums.cardStatus.${v.card.status}`)}
          </small>
        </Space>
      ),
    },
    {
      key: 'reason',
      title: t('staff.visits.reason'),
      render: (_, v) => t(`staff.visits.reasons.${v.reason}`),
    },
    {
      key: 'due',
      title: t('staff.visits.dueOn'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(v.dueOn)}</span>
          {v.dueOnProvisional && <ProvisionalMark />}
          {v.status === 'open' && <DaysLeft row={v} />}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('staff.visits.status'),
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <Tag>{t(`staff.visits.statuses.${v.status}`)}</Tag>
          {v.outcome && <span>{t(`staff.visits.outcomes.${v.outcome}`)}</span>}
          {v.note && <small>{v.note}</small>}
        </Space>
      ),
    },
    {
      key: 'assignee',
      title: t('staff.visits.assignee'),
      render: (_, v) => v.assignedTo?.name ?? t('staff.visits.unassigned'),
    },
    {
      key: 'actions',
      title: t('staff.visits.actions'),
      render: (_, v) => (
        <Space wrap>
          {v.status === 'open' && (
            <Button size="small" onClick={() => setDialog({ kind: 'assign', visit: v })}>
              {t('staff.visits.assign')}
            </Button>
          )}
          {v.status === 'open' && role === 'community_police' && (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'outcome', visit: v })}>
              {t('staff.visits.recordOutcome')}
            </Button>
          )}
          {v.status === 'needs_review' && officer && (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'review', visit: v })}>
              {t('staff.visits.review')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const table = (
    <Table<VisitView>
      rowKey="id"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t(tab === 'review' ? 'staff.visits.emptyReview' : 'staff.visits.empty') }}
      rowClassName={(v) => (v.overdue ? 'jz-row-overdue' : '')}
      onChange={(pagination) => {
        const limit = pagination.pageSize ?? 20;
        setQuery((q) => ({ ...q, limit, offset: ((pagination.current ?? 1) - 1) * limit }));
      }}
      pagination={{
        current: Math.floor((query.offset ?? 0) / (query.limit ?? 20)) + 1,
        pageSize: query.limit ?? 20,
        total: page?.total ?? 0,
        showTotal: (total) => t('staff.visits.total', { count: total }),
      }}
    />
  );

  return (
    <section aria-labelledby="jz-visits-heading">
      <Typography.Title level={2} id="jz-visits-heading">
        {t('staff.visits.heading')}
      </Typography.Title>
      {message && (
        <Alert
          type={message.type}
          showIcon
          role={message.type === 'error' ? 'alert' : 'status'}
          title={message.type === 'success' ? t(message.key) : message.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as 'visits' | 'review');
          setQuery((q) => ({ ...q, offset: 0 }));
        }}
        items={[
          ...(officer ? [{ key: 'review', label: t('staff.visits.reviewQueue'), children: table }] : []),
          {
            key: 'visits',
            label: t('staff.visits.all'),
            children: (
              <>
                <Space wrap className="jz-toolbar" align="end">
                  <label>
                    <span className="jz-field-label">{t('staff.visits.status')}</span>
                    <Select
                      mode="multiple"
                      aria-label={t('staff.visits.status')}
                      allowClear
                      style={{ minWidth: 200 }}
                      options={visitStatuses.map((s) => ({
                        value: s,
                        label: t(`staff.visits.statuses.${s}`),
                      }))}
                      value={query.status ?? []}
                      onChange={(v: VisitQuery['status']) => set({ status: v && v.length ? v : undefined })}
                    />
                  </label>
                  <Checkbox
                    checked={query.assigned === 'me'}
                    onChange={(e) => set({ assigned: e.target.checked ? 'me' : undefined })}
                  >
                    {t('staff.visits.mine')}
                  </Checkbox>
                  <Checkbox
                    checked={!!query.overdue}
                    onChange={(e) => set({ overdue: e.target.checked || undefined })}
                  >
                    {t('staff.visits.overdueOnly')}
                  </Checkbox>
                </Space>
                {table}
              </>
            ),
          },
        ]}
      />
      {dialog?.kind === 'outcome' && (
        <OutcomeDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'review' && (
        <ReviewDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'assign' && (
        <AssignDialog visit={dialog.visit} onClose={() => setDialog(null)} onDone={done} />
      )}
    </section>
  );
}

interface DialogProps {
  visit: VisitView;
  onClose: () => void;
  /** Called with the catalogue key of what to say. */
  onDone: (messageKey: string) => void;
}

/** The visit in one line, at the top of each dialog: who, where. */
function Summary({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  return (
    <p>{t('staff.visits.summary', { name: visit.holder.name ?? '—', address: visit.address.detail })}</p>
  );
}

function useSubmit(onDone: (m: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (path: string, body: object, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await post(path, body);
      onDone(done);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

export function OutcomeDialog({ visit, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit(onDone);
  const needsNote = outcome !== null && outcome !== 'confirmed';
  return (
    <Modal
      open
      title={t('staff.visits.recordOutcome')}
      okText={t('staff.visits.save')}
      cancelText={t('staff.visits.cancel')}
      okButtonProps={{ disabled: outcome === null || (needsNote && !note.trim()) }}
      confirmLoading={busy}
      onOk={() =>
        outcome &&
        void submit(
          `/staff/visits/${visit.id}/outcome`,
          { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
          'staff.visits.recorded',
        )
      }
      onCancel={onClose}
    >
      <Summary visit={visit} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <fieldset className="jz-fieldset">
        <legend>{t('staff.visits.outcome')}</legend>
        <Radio.Group
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as VisitOutcome)}
          options={(['confirmed', 'not_found', 'mismatch'] as const).map((o) => ({
            value: o,
            label: t(`staff.visits.outcomes.${o}`),
          }))}
        />
      </fieldset>
      <label>
        <span className="jz-field-label">
          {t(needsNote ? 'staff.visits.noteRequired' : 'staff.visits.note')}
        </span>
        <Input.TextArea
          aria-label={t(needsNote ? 'staff.visits.noteRequired' : 'staff.visits.note')}
          value={note}
          maxLength={500}
          rows={4}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
    </Modal>
  );
}

function ReviewDialog({ visit, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(onDone);
  return (
    <Modal
      open
      title={t('staff.visits.review')}
      okText={t('staff.visits.confirm')}
      cancelText={t('staff.visits.cancel')}
      okButtonProps={{ danger: decision === 'revoke', disabled: decision === null || !reason.trim() }}
      confirmLoading={busy}
      onOk={() =>
        decision &&
        void submit(
          `/staff/visits/${visit.id}/review`,
          { decision, reason: reason.trim() },
          decision === 'revoke' ? 'staff.visits.revoked' : 'staff.visits.kept',
        )
      }
      onCancel={onClose}
    >
      <Summary visit={visit} />
      <dl className="jz-visit-found">
        <dt>{t('staff.visits.outcome')}</dt>
        <dd>{visit.outcome ? t(`staff.visits.outcomes.${visit.outcome}`) : '—'}</dd>
        <dt>{t('staff.visits.note')}</dt>
        <dd>{visit.note ?? '—'}</dd>
        <dt>{t('staff.visits.recordedBy')}</dt>
        <dd>{visit.recordedBy?.name ?? '—'}</dd>
      </dl>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <fieldset className="jz-fieldset">
        <legend>{t('staff.visits.decision')}</legend>
        <Radio.Group
          value={decision}
          onChange={(e) => setDecision(e.target.value as ReviewDecision)}
          options={[
            { value: 'revoke', label: t('staff.visits.decisions.revoke') },
            { value: 'keep', label: t('staff.visits.decisions.keep') },
          ]}
        />
      </fieldset>
      <label>
        <span className="jz-field-label">
          {t(decision === 'keep' ? 'staff.visits.keepReason' : 'staff.visits.revokeReason')}
        </span>
        <Input.TextArea
          aria-label={t(decision === 'keep' ? 'staff.visits.keepReason' : 'staff.visits.revokeReason')}
          value={reason}
          maxLength={500}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
    </Modal>
  );
}

function AssignDialog({ visit, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [staffId, setStaffId] = useState<string | null>(visit.assignedTo?.id ?? null);
  const { busy, error, submit } = useSubmit(onDone);
  useEffect(() => {
    void get<{ id: string; name: string }[]>(`/staff/visits/${visit.id}/assignees`).then(setPeople);
  }, [visit.id]);
  return (
    <Modal
      open
      title={t('staff.visits.assign')}
      okText={t('staff.visits.save')}
      cancelText={t('staff.visits.cancel')}
      okButtonProps={{ disabled: staffId === null }}
      confirmLoading={busy}
      onOk={() =>
        staffId && void submit(`/staff/visits/${visit.id}/assign`, { staffId }, 'staff.visits.assigned')
      }
      onCancel={onClose}
    >
      <Summary visit={visit} />
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <label>
        <span className="jz-field-label">{t('staff.visits.assignee')}</span>
        <Select
          aria-label={t('staff.visits.assignee')}
          style={{ width: '100%' }}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          value={staffId}
          onChange={(v: string) => setStaffId(v)}
        />
      </label>
    </Modal>
  );
}
