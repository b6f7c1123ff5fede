// My appointments at a station's window (R3): where, when, what for, and their status; a booked
// one can be cancelled until the station's cut-off before it (the server decides and, past it,
// says so in plain words beside that appointment). Booking opens the form above the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Tag } from 'antd-mobile';
import type { Appointment, Station } from '../../src/http/schemas/appointments.ts';
import { del, get, errorMessage } from '../shared/api.ts';
import { formatDate, formatTime } from '../shared/format.ts';
import { BookAppointment, bookingLeftOpen } from './book-appointment.tsx';

export function Appointments({ owner }: { owner: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<Appointment[]>();
  const [stations, setStations] = useState<Station[]>([]);
  const [booking, setBooking] = useState(() => bookingLeftOpen(owner));
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<Record<string, string>>({});

  const load = () => {
    setError(undefined);
    get<Appointment[]>('/appointments')
      .then(setList)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  useEffect(() => {
    load();
    get<Station[]>('/stations')
      .then(setStations)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const stationName = (id: string) => stations.find((s) => s.id === id)?.name ?? id;
  const cancel = async (a: Appointment) => {
    if (!(await Dialog.confirm({ content: t('wallet.appointments.cancelConfirm') }))) return;
    try {
      const cancelled = await del<Appointment>(`/appointments/${a.id}`);
      setList((l) => l?.map((x) => (x.id === a.id ? cancelled : x)));
      setRefused(({ [a.id]: _gone, ...rest }) => rest);
      setNotice(t('wallet.appointments.cancelled'));
    } catch (e) {
      setRefused((r) => ({ ...r, [a.id]: errorMessage(e) }));
    }
  };

  if (booking) {
    return (
      <BookAppointment
        owner={owner}
        stations={stations}
        onCancel={() => setBooking(false)}
        onBooked={(a) => {
          setBooking(false);
          setNotice(
            t('wallet.appointments.booked', {
              station: stationName(a.stationId),
              date: formatDate(a.start),
              time: formatTime(a.start),
            }),
          );
          load();
        }}
      />
    );
  }

  return (
    <section aria-label={t('wallet.tabs.appointments')}>
      {notice && (
        <p className="jz-surface" role="status">
          {notice}
        </p>
      )}
      <div className="jz-actions">
        <Button block color="primary" onClick={() => setBooking(true)}>
          {t('wallet.appointments.new')}
        </Button>
      </div>
      {error && (
        <div className="jz-surface" role="alert">
          <p>{error}</p>
          <Button onClick={load}>{t('common.retry')}</Button>
        </div>
      )}
      {list?.length === 0 && <p>{t('wallet.appointments.empty')}</p>}
      <ul className="jz-card-list">
        {list?.map((a) => (
          <li key={a.id} className="jz-surface">
            <div className="jz-card-head">
              <h3 className="jz-card-kind">{t(`wallet.appointments.purposes.${a.purpose}`)}</h3>
              <Tag color={a.status === 'booked' ? 'primary' : 'default'}>
                {t(`wallet.appointments.statuses.${a.status}`)}
              </Tag>
            </div>
            <dl className="jz-facts">
              <dt>{t('wallet.appointments.station')}</dt>
              <dd>{stationName(a.stationId)}</dd>
              <dt>{t('wallet.appointments.when')}</dt>
              <dd>
                {formatDate(a.start)} {formatTime(a.start)}
              </dd>
            </dl>
            {refused[a.id] && (
              <p className="jz-field-error" role="alert">
                {refused[a.id]}
              </p>
            )}
            {a.status === 'booked' && (
              <Button block color="danger" fill="outline" onClick={() => void cancel(a)}>
                {t('wallet.appointments.cancel')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
