// The official arrangements of past and current years, from the `chinese-days` package (one
// record per holiday and make-up working day, taken from the State Council's annual notices).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { checkCalendarYear } from './calendar-year.ts';
import type { CalendarYear } from './calendar-year.ts';
import type { IsoDate } from '../beijing-date.ts';

// Values read 'Spring Festival,春节,4': English name, Chinese name, length code.
const { holidays, workdays } = data as { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * Years whose arrangement the package holds in full. Every annual notice arranges both the Spring
 * Festival and National Day, so a year listing only some days (for instance a New Year holiday
 * that starts on 31 December of the year before) is not taken as known. Past its last year the
 * package quietly treats every day as a plain weekday; our calendar refuses such days instead.
 */
function buildOfficialYears(): readonly CalendarYear[] {
  const years = new Map<number, CalendarYear & { festivals: Set<string> }>();
  const yearOf = (date: string): CalendarYear & { festivals: Set<string> } => {
    const y = Number(date.slice(0, 4));
    const entry = years.get(y) ?? { year: y, daysOff: [], makeUpWorkingDays: [], festivals: new Set() };
    years.set(y, entry);
    return entry;
  };
  for (const [date, label] of Object.entries(holidays)) {
    const entry = yearOf(date);
    entry.daysOff.push(date);
    entry.festivals.add(label.split(',')[1] ?? '');
  }
  for (const date of Object.keys(workdays)) yearOf(date).makeUpWorkingDays.push(date);

  const complete = [...years.values()]
    .filter((y) => y.festivals.has('春节') && y.festivals.has('国庆节'))
    .map(({ year, daysOff, makeUpWorkingDays }) =>
      // Frozen: every calendar built in the process shares these records.
      Object.freeze({
        year,
        daysOff: Object.freeze(daysOff.sort()) as IsoDate[],
        makeUpWorkingDays: Object.freeze(makeUpWorkingDays.sort()) as IsoDate[],
      }),
    )
    .sort((a, b) => a.year - b.year);
  complete.forEach(checkCalendarYear);
  return Object.freeze(complete);
}

const officialYears = buildOfficialYears();

/** The official arrangement of every year the package knows in full, by year. */
export function officialCalendarYears(): readonly CalendarYear[] {
  return officialYears;
}
