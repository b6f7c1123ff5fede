// My appointments at a station's window (R3): where, when, what for, and their status; a booked
// one says until when it can be cancelled online (the station's cut-off, worked out by the
// server) and, past that, says so instead of offering a button the server would refuse. Booking
// opens the form above the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog } from 'antd-mobile';
import type { Appointment, Station } from '../../src/http/schemas/appointments.ts';
import { ApiError, del, get, errorMessage } from '../shared/api.ts';
import { formatDate, formatDateTime, formatTime } from '../shared/format.ts';
import { BookAppointment, bookingLeftOpen } from './book-appointment.tsx';
import { RecordHead, RecordList } from './record-list.tsx';

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
      // The server's message says why (the deadline, or the booking's status); a booking no longer
      // active changed elsewhere (the window, another device), so the list is read again to show it.
      setRefused((r) => ({ ...r, [a.id]: errorMessage(e) }));
      if (e instanceof ApiError && e.code === 'BOOKING_NOT_ACTIVE') load();
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
    <RecordList
      label={t('wallet.tabs.appointments')}
      notice={notice}
      actions={
        <Button block color="primary" onClick={() => setBooking(true)}>
          {t('wallet.appointments.new')}
        </Button>
      }
      error={error}
      onRetry={load}
      emptyText={t('wallet.appointments.empty')}
      items={list}
    >
      {(a) => (
        <>
          <RecordHead
            title={t(`wallet.appointments.purposes.${a.purpose}`)}
            status={t(`wallet.appointments.statuses.${a.status}`)}
            color={a.status === 'booked' ? 'primary' : 'default'}
          />
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
          {a.cancellableUntil && a.cancellable && (
            <>
              <p className="jz-hint" id={`cancel-until-${a.id}`}>
                {t('wallet.appointments.cancelUntil', { deadline: formatDateTime(a.cancellableUntil) })}
              </p>
              <Button
                block
                color="danger"
                fill="outline"
                aria-describedby={`cancel-until-${a.id}`}
                onClick={() => void cancel(a)}
              >
                {t('wallet.appointments.cancel')}
              </Button>
            </>
          )}
          {a.cancellableUntil && !a.cancellable && (
            <p className="jz-hint">
              {t('wallet.appointments.cancelClosed', { deadline: formatDateTime(a.cancellableUntil) })}
            </p>
          )}
        </>
      )}
    </RecordList>
  );
}
