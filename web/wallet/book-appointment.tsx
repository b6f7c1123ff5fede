// Booking a window appointment (R3): the station, the purpose, a day that has slots (working days
// of the official calendar only: the server offers no other) and a free slot of it. The choices
// are kept as a draft in sessionStorage, so a reload or a refusal loses nothing; a full slot (409
// SLOT_FULL, someone was quicker) is said next to the slots, which are read again.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd-mobile';
import type { Appointment, Purpose, Slot, Station } from '../../src/http/schemas/appointments.ts';
import { beijingDate } from '../../src/domain/beijing-date.ts';
import { ApiError, get, post, errorMessage } from '../shared/api.ts';
import { Field } from '../shared/field.tsx';
import { formatDate, formatDateTime, formatTime } from '../shared/format.ts';
import { DRAFT_PREFIX, readOwned, saveOwned } from './draft-storage.ts';

interface Draft {
  stationId: string;
  purpose: Purpose | '';
  day: string;
  start: string;
}
const emptyDraft: Draft = { stationId: '', purpose: '', day: '', start: '' };
const BOOKING_KEY = `${DRAFT_PREFIX}appointment`;
const purposes: Purpose[] = ['application', 'replacement'];

/** Whether this person left the booking form open (reloaded): the wallet opens it again. */
export const bookingLeftOpen = (owner: string) => readOwned<Draft>(BOOKING_KEY, owner) !== undefined;
export const forgetBooking = () => sessionStorage.removeItem(BOOKING_KEY);

type FieldName = 'station' | 'purpose' | 'day' | 'slot' | 'form';

interface Props {
  owner: string;
  stations: Station[];
  onBooked: (a: Appointment) => void;
  onCancel: () => void;
}

export function BookAppointment({ owner, stations, onBooked, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => ({
    ...emptyDraft,
    ...readOwned<Draft>(BOOKING_KEY, owner),
  }));
  const [slots, setSlots] = useState<Slot[]>();
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState(false);
  const [reread, setReread] = useState(0);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => saveOwned(BOOKING_KEY, draft, owner), [draft]);

  useEffect(() => {
    setSlots(undefined);
    if (!draft.stationId) return;
    let live = true;
    const query = draft.purpose ? `?purpose=${draft.purpose}` : '';
    get<Slot[]>(`/stations/${encodeURIComponent(draft.stationId)}/slots${query}`)
      .then((s) => live && setSlots(s))
      .catch((e: unknown) => live && setErrors({ station: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [draft.stationId, draft.purpose, reread]);

  // The days that have a slot (working days), and the free slots of the chosen day.
  const days = [...new Set((slots ?? []).map((s) => beijingDate(new Date(s.start))))];
  const ofDay = (slots ?? []).filter((s) => beijingDate(new Date(s.start)) === draft.day);
  // The chosen slot's cancellation deadline (the station's cut-off, from the server), said before booking.
  const chosen = ofDay.find((s) => s.start === draft.start);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<FieldName, string>> = {};
    if (!draft.stationId) missing.station = t('wallet.apply.required');
    if (!draft.purpose) missing.purpose = t('wallet.apply.required');
    if (!draft.day) missing.day = t('wallet.apply.required');
    else if (!draft.start) missing.slot = t('wallet.appointments.chooseSlot');
    if (Object.keys(missing).length) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      const booked = await post<Appointment>('/appointments', {
        stationId: draft.stationId,
        start: draft.start,
        purpose: draft.purpose,
      });
      forgetBooking();
      onBooked(booked);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'SLOT_FULL' || e.code === 'SLOT_UNAVAILABLE') {
        setErrors({ slot: e.message });
        update({ start: '' });
        setReread((n) => n + 1);
      } else if (e.code === 'ALREADY_BOOKED') setErrors({ purpose: e.message });
      else setErrors({ form: e.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="jz-surface" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="book-heading">
      <h2 id="book-heading">{t('wallet.appointments.bookHeading')}</h2>
      <p>{t('wallet.appointments.bookIntro')}</p>
      <Field id="book-station" label={t('wallet.appointments.station')} error={errors.station}>
        <select
          className="jz-select"
          value={draft.stationId}
          onChange={(e) => update({ stationId: e.target.value, day: '', start: '' })}
        >
          <option value="">{t('wallet.apply.choose')}</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="book-purpose" label={t('wallet.appointments.purpose')} error={errors.purpose}>
        <select
          className="jz-select"
          value={draft.purpose}
          onChange={(e) => update({ purpose: e.target.value as Purpose | '', start: '' })}
        >
          <option value="">{t('wallet.apply.choose')}</option>
          {purposes.map((p) => (
            <option key={p} value={p}>
              {t(`wallet.appointments.purposes.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="book-day"
        label={t('wallet.appointments.day')}
        hint={t('wallet.appointments.dayHint')}
        error={errors.day}
      >
        <select
          className="jz-select"
          value={days.includes(draft.day) ? draft.day : ''}
          disabled={!slots}
          onChange={(e) => update({ day: e.target.value, start: '' })}
        >
          <option value="">{t('wallet.apply.choose')}</option>
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDate(d)}
            </option>
          ))}
        </select>
      </Field>
      {draft.day && (
        <fieldset className="jz-slots" aria-describedby={errors.slot ? 'book-slot-error' : undefined}>
          <legend>{t('wallet.appointments.slot')}</legend>
          {ofDay.map((s) => (
            <label key={s.start} className="jz-slot">
              <input
                type="radio"
                name="slot"
                value={s.start}
                checked={draft.start === s.start}
                disabled={s.available === 0}
                onChange={() => update({ start: s.start })}
              />
              <span>
                {formatTime(s.start)}–{formatTime(s.end)}
              </span>
              <small>
                {s.available === 0
                  ? t('wallet.appointments.full')
                  : t('wallet.appointments.left', { count: s.available })}
              </small>
            </label>
          ))}
          {chosen && (
            <p
              className={Date.parse(chosen.cancellableUntil) > Date.now() ? 'jz-hint' : 'jz-warning'}
              aria-live="polite"
            >
              {Date.parse(chosen.cancellableUntil) > Date.now()
                ? t('wallet.appointments.cancelUntil', { deadline: formatDateTime(chosen.cancellableUntil) })
                : t('wallet.appointments.slotNoCancel', {
                    deadline: formatDateTime(chosen.cancellableUntil),
                  })}
            </p>
          )}
          {errors.slot && (
            <p id="book-slot-error" className="jz-field-error" role="alert">
              {errors.slot}
            </p>
          )}
        </fieldset>
      )}
      {errors.form && (
        <p className="jz-field-error" role="alert">
          {errors.form}
        </p>
      )}
      <Button block type="submit" color="primary" loading={busy}>
        {t('wallet.appointments.book')}
      </Button>
      <Button
        block
        fill="none"
        onClick={() => {
          forgetBooking();
          onCancel();
        }}
      >
        {t('wallet.form.cancel')}
      </Button>
    </form>
  );
}
