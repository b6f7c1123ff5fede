// The data a working-day calendar is built from: a year's official arrangement (the State
// Council's annual notice on public holidays, 国务院办公厅关于…部分节假日安排的通知) and single-day
// overrides entered by an admin.
import { AppError } from '../errors.ts';
import { dayOfWeek, isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';

export type DayKind = 'working_day' | 'day_off';

/**
 * The years the calendar can hold. Before 2000 no residence permit was due; past 2100 nobody can
 * have meant it; and PostgreSQL has no year 0, so an unchecked 0000-01-01 reached it as a 500.
 */
export const calendarYears = { first: 2000, last: 2100 } as const;

/** A real calendar date in the years the calendar holds. */
export function isCalendarDate(date: string): date is IsoDate {
  if (!isIsoDate(date)) return false;
  const year = Number(date.slice(0, 4));
  return year >= calendarYears.first && year <= calendarYears.last;
}

export interface CalendarOverride {
  date: IsoDate;
  kind: DayKind;
  note?: string;
}

/** One year's official arrangement; weekends are implied. */
export interface CalendarYear {
  year: number;
  /** Public holidays (any that fall on a weekend may be listed too). */
  daysOff: IsoDate[];
  /** Weekend days worked in exchange for a longer holiday (调休上班日). */
  makeUpWorkingDays: IsoDate[];
}

function invalid(field: 'extraYears' | 'overrides', message: string, date = ''): AppError {
  return new AppError('VALIDATION_FAILED', message, { field, date });
}

/**
 * Refuses a year an admin could not have meant: dates outside the year, a day both off and worked,
 * a make-up working day that is not a Saturday or Sunday (调休 only ever moves weekend days, so a
 * weekday there is a typing mistake that would otherwise pass unnoticed).
 */
export function checkCalendarYear(year: CalendarYear): void {
  if (!Number.isInteger(year.year) || year.year < 1000 || year.year > 9999) {
    throw invalid('extraYears', `not a year: ${year.year}`);
  }
  const inYear = (d: IsoDate): boolean => isIsoDate(d) && d.startsWith(`${year.year}-`);
  for (const d of year.daysOff) {
    if (!inYear(d)) throw invalid('extraYears', `day off outside ${year.year}`, d);
  }
  const off = new Set(year.daysOff);
  for (const d of year.makeUpWorkingDays) {
    if (!inYear(d)) throw invalid('extraYears', `make-up working day outside ${year.year}`, d);
    if (off.has(d)) throw invalid('extraYears', 'a day cannot be both off and a make-up working day', d);
    const weekday = dayOfWeek(d);
    if (weekday !== 0 && weekday !== 6)
      throw invalid('extraYears', 'a make-up working day is a weekend day', d);
  }
}

/** Refuses malformed overrides and two overrides of the same day that disagree. */
export function checkOverrides(overrides: readonly CalendarOverride[]): void {
  const seen = new Map<IsoDate, DayKind>();
  for (const o of overrides) {
    if (!isIsoDate(o.date)) throw invalid('overrides', 'not a date', String(o.date));
    if (o.kind !== 'working_day' && o.kind !== 'day_off') throw invalid('overrides', 'unknown kind', o.date);
    const before = seen.get(o.date);
    if (before !== undefined && before !== o.kind)
      throw invalid('overrides', 'conflicting overrides', o.date);
    seen.set(o.date, o.kind);
  }
}
