// All dates in the permits are Beijing dates (Asia/Shanghai, UTC+8, no daylight saving since 1991).
// A "date" is an ISO `YYYY-MM-DD` string, which sorts and compares as text.
export type IsoDate = string;

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Beijing date begins. */
export function startOfBeijingDate(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * True for a real calendar date in `YYYY-MM-DD` form (rejects 2021-02-30). Arithmetic on the
 * character codes, no regular expression or Date object: the legacy import checks several dates a
 * row, a million rows a run.
 */
export function isIsoDate(s: string): s is IsoDate {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const digit = (i: number) => {
    const c = s.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  // NaN (a character that is not a digit) fails every comparison.
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${nm < 10 ? '0' : ''}${nm}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of week of a date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
