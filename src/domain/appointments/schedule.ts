// A station's appointment slots (R3): Beijing wall-clock periods cut into slots of a fixed length,
// only on working days of the official calendar (weekends and public holidays off, make-up working
// days on). Pure: the caller gives the calendar and the clock.
import { addDays, beijingDate, startOfBeijingDate, type IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';

export interface AppointmentSchedule {
  /** `HH:MM-HH:MM`, Beijing time, in order and not overlapping. */
  periods: string[];
  slotMinutes: number;
  /** Bookings a slot takes (windows open × people a window serves in one slot). */
  capacity: number;
  /** A booking may be cancelled online until this many minutes before it starts. */
  cancelCutoffMinutes: number;
  /** How many days ahead a slot may be booked. */
  bookAheadDays: number;
}

/** What a station offers until an admin sets its own: a 30-minute grid, 4 people a slot. */
export const defaultSchedule: Readonly<AppointmentSchedule> = Object.freeze({
  periods: ['09:00-12:00', '13:30-17:00'],
  slotMinutes: 30,
  capacity: 4,
  cancelCutoffMinutes: 120,
  bookAheadDays: 14,
});

export interface Slot {
  start: Date;
  end: Date;
}

/** The last instant a booking of a slot starting at `start` may be cancelled online. */
export const cancellationDeadline = (start: Date, cancelCutoffMinutes: number): Date =>
  new Date(start.getTime() - cancelCutoffMinutes * 60_000);

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of each period, or the problem that makes the schedule unusable. */
export function parsePeriods(periods: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of periods) {
    const m = PERIOD.exec(p);
    if (!m) throw scheduleInvalid(`period "${p}" is not HH:MM-HH:MM`);
    const from = Number(m[1]) * 60 + Number(m[2]);
    const to = Number(m[3]) * 60 + Number(m[4]);
    const previous = out.at(-1);
    if (to <= from) throw scheduleInvalid(`period "${p}" ends before it starts`);
    if (previous && from < previous[1]) throw scheduleInvalid(`period "${p}" overlaps the one before`);
    out.push([from, to]);
  }
  if (out.length === 0) throw scheduleInvalid('no period');
  return out;
}

function scheduleInvalid(detail: string): AppError {
  return new AppError('VALIDATION_FAILED', detail, { detail }, { fields: ['periods'] });
}

/** The slots of one Beijing date, whether or not it is a working day (the caller asks the calendar). */
export function slotsOfDate(date: IsoDate, s: AppointmentSchedule): Slot[] {
  const midnight = startOfBeijingDate(date).getTime();
  const slots: Slot[] = [];
  for (const [from, to] of parsePeriods(s.periods)) {
    for (let m = from; m + s.slotMinutes <= to; m += s.slotMinutes) {
      slots.push({
        start: new Date(midnight + m * 60_000),
        end: new Date(midnight + (m + s.slotMinutes) * 60_000),
      });
    }
  }
  return slots;
}

export type SlotRefusal = 'past' | 'day_off' | 'not_a_slot' | 'too_far';

/** The slot starting at `start`, or why no booking can start then. */
export function slotAt(
  start: Date,
  s: AppointmentSchedule,
  now: Date,
  isWorkingDay: (d: IsoDate) => boolean,
): Slot | SlotRefusal {
  if (start.getTime() <= now.getTime()) return 'past';
  const date = beijingDate(start);
  if (date > addDays(beijingDate(now), s.bookAheadDays)) return 'too_far';
  if (!isWorkingDay(date)) return 'day_off';
  return slotsOfDate(date, s).find((x) => x.start.getTime() === start.getTime()) ?? 'not_a_slot';
}
