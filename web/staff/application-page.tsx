// An application as the officer decides it: who (the ID number masked until an audited reveal),
// where, on what basis, the materials, the proxy, the card concerned and the history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import type { ApplicationDetail, RevealedIdNumbers } from '../../src/http/schemas/staff.ts';
import { ApiError, post } from '../shared/api.ts';
import { useStaffRecord } from './use-record.ts';
import { HistoryTimeline } from './history-timeline.tsx';
import { formatDate } from '../shared/format.ts';
import { DaysLeft } from './queue.tsx';
import { Materials, materialUrl } from './materials.tsx';
import { DecisionPanel } from './decision-panel.tsx';

export function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const {
    record: detail,
    error,
    setError,
    reload: load,
  } = useStaffRecord<ApplicationDetail>(`/staff/applications/${id}`, 'staff.detail.notFound');
  const [revealed, setRevealed] = useState<RevealedIdNumbers | null>(null);
  useEffect(() => setRevealed(null), [id]);

  const reveal = async () => {
    try {
      setRevealed(await post<RevealedIdNumbers>(`/staff/applications/${id}/reveal-id`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const none = t('staff.detail.none');
  return (
    <article aria-labelledby="jz-detail-heading">
      <Space style={{ marginBottom: 12 }}>
        <Button href="#/queue">{t('staff.detail.back')}</Button>
      </Space>
      <Typography.Title level={2} id="jz-detail-heading">
        {t('staff.detail.heading')}
        {detail && ` · ${detail.applicant.name ?? ''} · ${t(`staff.enums.type.${detail.type}`)}`}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {detail && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card title={<h3 className="jz-card-title">{t('staff.detail.applicant')}</h3>}>
              <div className="jz-applicant">
                {detail.photoMaterialId ? (
                  <img
                    className="jz-photo"
                    src={materialUrl(detail.id, detail.photoMaterialId)}
                    alt={t('staff.detail.photo')}
                  />
                ) : (
                  <div className="jz-photo jz-photo-none">{t('staff.detail.noPhoto')}</div>
                )}
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('staff.detail.name')}>
                    {detail.applicant.name ?? none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.sex')}>
                    {detail.applicant.sex ? t(`staff.enums.sex.${detail.applicant.sex}`) : none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.birthDate')}>
                    {detail.applicant.birthDate ? formatDate(detail.applicant.birthDate) : none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.idNumber')}>
                    <Space wrap>
                      <span className="jz-mono">
                        {revealed?.applicant ?? detail.applicant.idNumber ?? none}
                      </span>
                      {!revealed && detail.applicant.idNumber && (
                        <Button size="small" onClick={() => void reveal()}>
                          {t('staff.detail.reveal')}
                        </Button>
                      )}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              </div>
              {revealed && <Alert type="info" showIcon role="status" title={t('staff.detail.revealed')} />}
            </Card>
            <Card
              title={<h3 className="jz-card-title">{t('staff.detail.address')}</h3>}
              style={{ marginTop: 16 }}
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('staff.detail.address')}>
                  {detail.address.districtName ?? detail.address.districtCode}{' '}
                  {detail.address.streetName ?? detail.address.streetCode} {detail.address.detail}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.detail.flags')}>
                  {detail.address.flags.length
                    ? detail.address.flags.map((f) => (
                        <Tag key={f}>{t(`staff.enums.flag.${f}`, { defaultValue: f })}</Tag>
                      ))
                    : none}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.detail.basis')}>
                  {detail.basis ? t(`staff.enums.basis.${detail.basis}`) : none}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              title={<h3 className="jz-card-title">{t('staff.detail.materials')}</h3>}
              style={{ marginTop: 16 }}
            >
              <Materials detail={detail} />
              {detail.materialsChecked && (
                <p>
                  {t('staff.detail.materialsChecked')}:{' '}
                  {detail.materialsChecked
                    .map((k) => t(`staff.enums.material.${k}`, { defaultValue: k }))
                    .join('、')}
                </p>
              )}
            </Card>
            {detail.proxy && (
              <Card
                title={<h3 className="jz-card-title">{t('staff.detail.proxy')}</h3>}
                style={{ marginTop: 16 }}
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('staff.detail.name')}>
                    {detail.proxy.agent.name ?? none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.idNumber')}>
                    <span className="jz-mono">{revealed?.agent ?? detail.proxy.agent.idNumber ?? none}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.relation')}>
                    {t(`staff.enums.relation.${detail.proxy.relation}`, {
                      defaultValue: detail.proxy.relation,
                    })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.proxyReason')}>
                    {t(`staff.enums.proxyReason.${detail.proxy.reason}`, {
                      defaultValue: detail.proxy.reason,
                    })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.documentsChecked')}>
                    {detail.proxy.documentsChecked
                      .map((d) => t(`staff.enums.proxyDocument.${d}`, { defaultValue: d }))
                      .join('、') || none}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
          </Col>
          <Col xs={24} xl={8}>
            <Card>
              <Descriptions
                column={1}
                size="small"
                title={<h3 className="jz-card-title">{t('staff.detail.timeLimit')}</h3>}
              >
                <Descriptions.Item label={t('staff.detail.status')}>
                  {t(`staff.enums.status.${detail.status}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.queue.channel')}>
                  {t(`staff.enums.channel.${detail.channel}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.queue.acceptedOn')}>
                  {formatDate(detail.acceptedOn)}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.queue.dueBy')}>
                  {formatDate(detail.dueBy)}
                </Descriptions.Item>
                <Descriptions.Item label={t('staff.queue.daysLeft')}>
                  <DaysLeft row={detail} />
                </Descriptions.Item>
                {detail.missing.length > 0 && (
                  <Descriptions.Item label={t('staff.detail.missing')}>
                    {detail.missing
                      .map((k) => t(`staff.enums.material.${k}`, { defaultValue: k }))
                      .join('、')}
                  </Descriptions.Item>
                )}
                {detail.reason && (
                  <Descriptions.Item label={t('staff.detail.reason')}>{detail.reason}</Descriptions.Item>
                )}
              </Descriptions>
              <DecisionPanel detail={detail} onDecided={load} />
            </Card>
            {detail.card && (
              <Card
                title={<h3 className="jz-card-title">{t('staff.detail.card')}</h3>}
                style={{ marginTop: 16 }}
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('staff.detail.cardNumber')}>
                    <span className="jz-mono">{detail.card.number}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.queue.type')}>
                    {t(`staff.enums.cardKind.${detail.card.kind}`)} ·{' '}
                    {t('staff.detail.cardVersion', { version: detail.card.version })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.status')}>
                    {t(`staff.enums.cardStatus.${detail.card.status}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff.detail.validUntil')}>
                    {formatDate(detail.card.validUntil)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            <Card
              title={<h3 className="jz-card-title">{t('staff.detail.history')}</h3>}
              style={{ marginTop: 16 }}
            >
              <HistoryTimeline history={detail.history} />
            </Card>
          </Col>
        </Row>
      )}
    </article>
  );
}
