// One verification visit (#/visits/<id>), where an alert leads: the address to go to, the holder,
// the card, the due date and what was done, with its history; community police record the
// outcome here as on the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { VisitDetail } from '../../src/http/schemas/visits.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDate } from '../shared/format.ts';
import { ProvisionalMark } from './provisional-mark.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { OutcomeDialog } from './visits-page.tsx';
import { alertsChanged } from './alert-count.ts';

export function VisitPage({ id, role }: { id: string; role: string }) {
  const { t } = useTranslation();
  const [visit, setVisit] = useState<VisitDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    get<VisitDetail>(`/staff/visits/${id}`).then(
      (v) => live && setVisit(v),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [id, reload]);

  return (
    <article aria-labelledby="jz-visit-heading">
      <Typography.Link href="#/visits">{t('staff.alerts.backToVisits')}</Typography.Link>
      <Typography.Title level={2} id="jz-visit-heading">
        {t('staff.alerts.visitHeading')}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {done && <Alert type="success" showIcon role="status" title={t(done)} style={{ marginBottom: 12 }} />}
      {visit && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('staff.visits.address')}>
                {visit.address.districtName} {visit.address.streetName} {visit.address.detail}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.holder')}>
                {visit.holder.name ?? '—'} {visit.holder.idNumber ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.card')}>
                {visit.card.number} · {t(`staff.enums.cardKind.${visit.card.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.reason')}>
                {t(`staff.visits.reasons.${visit.reason}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.dueOn')}>
                {formatDate(visit.dueOn)} {visit.dueOnProvisional && <ProvisionalMark />}
                {visit.overdue && <Tag color="red">{t('staff.alerts.overdue')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.status')}>
                {t(`staff.visits.statuses.${visit.status}`)}
                {visit.outcome && ` · ${t(`staff.visits.outcomes.${visit.outcome}`)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('staff.visits.assignee')}>
                {visit.assignedTo?.name ?? t('staff.visits.unassigned')}
              </Descriptions.Item>
            </Descriptions>
            {visit.status === 'open' && role === 'community_police' && (
              <Button type="primary" onClick={() => setRecording(true)}>
                {t('staff.visits.recordOutcome')}
              </Button>
            )}
          </Card>
          <Card title={<h3 className="jz-card-title">{t('staff.detail.history')}</h3>}>
            <HistoryTimeline history={visit.history} />
          </Card>
        </Space>
      )}
      {recording && visit && (
        <OutcomeDialog
          visit={visit}
          onClose={() => setRecording(false)}
          onDone={(key) => {
            setRecording(false);
            setDone(key);
            setReload((n) => n + 1);
            alertsChanged();
          }}
        />
      )}
    </article>
  );
}
