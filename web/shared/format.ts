// Dates, times and numbers in the reader's language, always on Beijing time (permit dates are
// Beijing dates, DESIGN §2), whatever time zone the phone is set to.
import { currentLanguage } from './i18n.ts';

const timeZone = 'Asia/Shanghai';

/** A Beijing calendar date (YYYY-MM-DD) or an instant, as a date. */
export function formatDate(value: string | Date): string {
  // A bare date means that day in Beijing: noon there is the same day in every reading.
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00+08:00`)
      : new Date(value);
  return new Intl.DateTimeFormat(currentLanguage(), { timeZone, dateStyle: 'medium' }).format(d);
}

export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}

/** A live clock's reading: hours, minutes and seconds. */
export function formatClock(value: Date): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(value);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** An instant's Beijing wall-clock time, hours and minutes (a slot's start). */
export function formatTime(value: string | Date): string {
  return new Intl.DateTimeFormat(currentLanguage(), {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}
