// The file `juzhu calendar load` reads: one year's official arrangement as JSON,
// { "year": 2027, "daysOff": ["2027-01-01", …], "makeUpWorkingDays": ["2027-02-07", …] }.
// A file that is not that shape is a usage error; the year's own rules are checked by the service.
import { readFile } from 'node:fs/promises';
import { calendarYears, type CalendarYear } from '../domain/calendar/calendar-year.ts';
import { UsageError } from './usage-error.ts';

const isDateList = (v: unknown): v is string[] => Array.isArray(v) && v.every((d) => typeof d === 'string');

export async function readCalendarYearFile(file: string): Promise<CalendarYear> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: not a readable JSON file (${(e as Error).message})`);
  }
  const { year, daysOff, makeUpWorkingDays } = (parsed ?? {}) as Record<string, unknown>;
  if (
    typeof year !== 'number' ||
    !Number.isInteger(year) ||
    year < calendarYears.first ||
    year > calendarYears.last
  )
    throw new UsageError(
      `${file}: "year" must be a year from ${calendarYears.first} to ${calendarYears.last}`,
    );
  if (!isDateList(daysOff) || !isDateList(makeUpWorkingDays))
    throw new UsageError(`${file}: "daysOff" and "makeUpWorkingDays" must be lists of YYYY-MM-DD dates`);
  return { year, daysOff, makeUpWorkingDays };
}
