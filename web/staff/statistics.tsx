// Statistics of the jurisdiction over a chosen period, computed by the server
// (GET /staff/statistics): applications by status, type, channel and district; the share decided
// within the 8-working-day limit; overdue now; decisions per station and per ISO week. Each chart
// is drawn on canvas and its figures are in a table beside it, for screen readers and for checking.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Col, Input, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Statistics as Figures } from '../../src/http/schemas/statistics.ts';
import { addDays, beijingDate } from '../../src/domain/beijing-date.ts';
import { ApiError, get } from '../shared/api.ts';
import { formatDate, formatNumber } from '../shared/format.ts';
import { currentLanguage } from '../shared/i18n.ts';
import { Chart, type Series } from './chart.tsx';

type Named = { code: string; name: string };

function FigureCard({
  id,
  title,
  kind,
  rows,
  series,
}: {
  id: string;
  title: string;
  kind: 'bar' | 'pie';
  /** One row per category: its label and one value per series. */
  rows: { key: string; label: string; values: number[] }[];
  series: string[];
}) {
  const { t } = useTranslation();
  const chartSeries: Series[] = series.map((name, i) => ({
    name,
    values: rows.map((r) => r.values[i] ?? 0),
  }));
  return (
    <Card
      title={
        <h3 className="jz-card-title" id={`${id}-title`}>
          {title}
        </h3>
      }
    >
      <figure aria-labelledby={`${id}-title`} style={{ margin: 0 }}>
        {rows.length === 0 ? (
          <p>{t('staff.stats.none')}</p>
        ) : (
          <Chart kind={kind} labels={rows.map((r) => r.label)} series={chartSeries} label={title} />
        )}
        <div data-figures={id}>
          <Table
            aria-label={t('staff.stats.tableOf', { title })}
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            locale={{ emptyText: t('staff.stats.none') }}
            columns={[
              { key: 'label', title: t('staff.stats.category'), render: (_, r) => r.label },
              ...series.map((name, i) => ({
                key: `v${i}`,
                title: name,
                align: 'right' as const,
                render: (_: unknown, r: { values: number[] }) => formatNumber(r.values[i] ?? 0),
              })),
            ]}
          />
        </div>
      </figure>
    </Card>
  );
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const today = beijingDate(new Date());
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState({ from: addDays(today, -29), to: today });
  const [figures, setFigures] = useState<Figures | null>(null);
  const [districts, setDistricts] = useState<Named[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void get<Named[]>('/divisions/districts').then(setDistricts);
  }, []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    get<Figures>(`/staff/statistics?from=${period.from}&to=${period.to}`)
      .then((f) => {
        if (!live) return;
        setFigures(f);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ from, to });
  };
  const districtName = (code: string) => districts.find((d) => d.code === code)?.name ?? code;
  const decisionSeries = [
    t('staff.stats.approved'),
    t('staff.stats.rejected'),
    t('staff.stats.materialsRequested'),
  ];
  const share = figures?.decidedInTime.share;

  return (
    <section aria-labelledby="jz-stats-heading">
      <Typography.Title level={2} id="jz-stats-heading">
        {t('staff.stats.heading')}
      </Typography.Title>
      <form onSubmit={submit} className="jz-toolbar">
        <Space wrap align="end">
          <label>
            <span className="jz-field-label">{t('staff.stats.from')}</span>
            <Input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            <span className="jz-field-label">{t('staff.stats.to')}</span>
            <Input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </label>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('staff.stats.show')}
          </Button>
        </Space>
      </form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {figures && (
        <>
          <p role="status">
            {t('staff.stats.period', {
              from: formatDate(figures.from),
              to: formatDate(figures.to),
              scope: figures.districtCode ? districtName(figures.districtCode) : t('staff.stats.city'),
            })}
          </p>
          <Row gutter={[16, 16]} className="jz-stats-summary">
            {(
              [
                ['total', figures.applications.total],
                ['decided', figures.decidedInTime.decided],
                ['withinLimit', figures.decidedInTime.withinLimit],
                ['overdueNow', figures.overdueNow],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} lg={5}>
                <Card>
                  <Statistic title={t(`staff.stats.${key}`)} value={formatNumber(value)} />
                </Card>
              </Col>
            ))}
            <Col xs={12} lg={4}>
              <Card>
                <Statistic
                  title={t('staff.stats.share')}
                  value={
                    share === null || share === undefined
                      ? t('staff.stats.noDecisions')
                      : new Intl.NumberFormat(currentLanguage(), {
                          style: 'percent',
                          maximumFractionDigits: 1,
                        }).format(share)
                  }
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-status"
                title={t('staff.stats.byStatus')}
                kind="bar"
                series={[t('staff.stats.applications')]}
                rows={figures.applications.byStatus.map((r) => ({
                  key: r.status,
                  label: t(`staff.enums.status.${r.status}`, { defaultValue: r.status }),
                  values: [r.count],
                }))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-type"
                title={t('staff.stats.byType')}
                kind="bar"
                series={[t('staff.stats.applications')]}
                rows={figures.applications.byType.map((r) => ({
                  key: r.type,
                  label: t(`staff.enums.type.${r.type}`, { defaultValue: r.type }),
                  values: [r.count],
                }))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-channel"
                title={t('staff.stats.byChannel')}
                kind="pie"
                series={[t('staff.stats.applications')]}
                rows={figures.applications.byChannel.map((r) => ({
                  key: r.channel,
                  label: t(`staff.enums.channel.${r.channel}`, { defaultValue: r.channel }),
                  values: [r.count],
                }))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-district"
                title={t('staff.stats.byDistrict')}
                kind="bar"
                series={[t('staff.stats.applications')]}
                rows={figures.applications.byDistrict.map((r) => ({
                  key: r.districtCode,
                  label: districtName(r.districtCode),
                  values: [r.count],
                }))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-station"
                title={t('staff.stats.byStation')}
                kind="bar"
                series={decisionSeries}
                rows={figures.decisionsByStation.map((r) => ({
                  key: r.stationId,
                  label: r.stationName,
                  values: [r.approved, r.rejected, r.materialsRequested],
                }))}
              />
            </Col>
            <Col xs={24} xl={12}>
              <FigureCard
                id="by-week"
                title={t('staff.stats.byWeek')}
                kind="bar"
                series={decisionSeries}
                rows={figures.decisionsByWeek.map((r) => ({
                  key: r.week,
                  label: r.week,
                  values: [r.approved, r.rejected, r.materialsRequested],
                }))}
              />
            </Col>
          </Row>
        </>
      )}
    </section>
  );
}
