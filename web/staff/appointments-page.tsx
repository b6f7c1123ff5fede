// The day's appointments at the clerk's station (R3; DESIGN §4): time, who (masked, as a queue at
// the window may see the screen; the ID card in hand is compared with the number's ends), purpose
// and status. Check in when the person comes; record a no-show once the slot has begun without
// them. When the server refuses (another clerk checked the person in meanwhile, or it is not the
// day), it is said in plain words and the list is read again.
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { StationAppointment } from '../../src/http/schemas/appointments.ts';
import { addDays, beijingDate, isIsoDate } from '../../src/domain/beijing-date.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { formatDate, formatTime } from '../shared/format.ts';
import { Notice, type Said } from './notice.tsx';

type Outcome = 'check-in' | 'no-show';

export function AppointmentsPage() {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => beijingDate(new Date()));
  const [rows, setRows] = useState<StationAppointment[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [again, setAgain] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Said | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    get<StationAppointment[]>(`/staff/appointments?date=${day}`)
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setMessage({ type: 'error', text: refusal(e, t) }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [day, again, t]);

  const close = async (row: StationAppointment, outcome: Outcome) => {
    setBusy(row.id);
    setMessage(null);
    try {
      await post(`/staff/appointments/${row.id}/${outcome}`);
      const done =
        outcome === 'check-in' ? 'staff.appointments.checkedIn' : 'staff.appointments.markedNoShow';
      setMessage({
        type: 'success',
        text: t(done, { name: row.resident.name, time: formatTime(row.start) }),
      });
    } catch (e) {
      setMessage({ type: 'error', text: refusal(e, t) });
    } finally {
      setBusy(null);
      setAgain((n) => n + 1); // whatever happened, show the rows as the server has them now
    }
  };

  const now = Date.now();
  const columns: TableProps<StationAppointment>['columns'] = [
    { key: 'time', title: t('staff.appointments.time'), render: (_, r) => formatTime(r.start) },
    {
      key: 'resident',
      title: t('staff.appointments.resident'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.resident.name || '—'}</span>
          <small>{r.resident.idNumber}</small>
        </Space>
      ),
    },
    {
      key: 'purpose',
      title: t('staff.appointments.purpose'),
      render: (_, r) => t(`staff.appointments.purposes.${r.purpose}`),
    },
    {
      key: 'status',
      title: t('staff.appointments.status'),
      render: (_, r) => <Tag>{t(`staff.appointments.statuses.${r.status}`)}</Tag>,
    },
    {
      key: 'actions',
      title: t('staff.appointments.actions'),
      render: (_, r) =>
        r.status === 'booked' && (
          <Space wrap>
            <Button
              size="small"
              type="primary"
              loading={busy === r.id}
              onClick={() => void close(r, 'check-in')}
            >
              {t('staff.appointments.checkIn')}
            </Button>
            {Date.parse(r.start) <= now && (
              <Button size="small" disabled={busy === r.id} onClick={() => void close(r, 'no-show')}>
                {t('staff.appointments.noShow')}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <section aria-labelledby="jz-appointments-heading">
      <Typography.Title level={2} id="jz-appointments-heading">
        {t('staff.appointments.heading')}
      </Typography.Title>
      <Space wrap className="jz-toolbar" align="end">
        <Button onClick={() => setDay((d) => addDays(d, -1))}>{t('staff.appointments.previousDay')}</Button>
        <label>
          <span className="jz-field-label">{t('staff.appointments.day')}</span>
          <Input
            type="date"
            aria-label={t('staff.appointments.day')}
            value={day}
            onChange={(e) => isIsoDate(e.target.value) && setDay(e.target.value)}
          />
        </label>
        <Button onClick={() => setDay((d) => addDays(d, 1))}>{t('staff.appointments.nextDay')}</Button>
        <Button onClick={() => setDay(beijingDate(new Date()))}>{t('staff.appointments.today')}</Button>
      </Space>
      <Notice said={message} />
      <Table<StationAppointment>
        rowKey="id"
        columns={columns}
        dataSource={rows ?? []}
        loading={loading}
        pagination={false}
        caption={t('staff.appointments.caption', { date: formatDate(day), count: rows?.length ?? 0 })}
        locale={{ emptyText: t('staff.appointments.empty') }}
      />
    </section>
  );
}

/** The server's refusal in plain words: a conflict names the state the appointment is in now. */
function refusal(e: unknown, t: TFunction): string {
  if (!(e instanceof ApiError)) return String(e);
  const state = (e.details as { state?: string } | undefined)?.state;
  if (e.code === 'INVALID_TRANSITION' && state) return t(`staff.appointments.conflict.${state}`);
  return e.message;
}
