// The official calendar as the services use it: the package's data plus the admin's overrides
// and loaded years from the database. Cached until an admin changes them (any process picks the
// change up within `ttlMs`, since other processes may have written it).
import { calendarOverrides, calendarYears } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar/working-days.ts';

export function calendarLoader(
  db: Db,
  ttlMs = 60_000,
): { get(): Promise<WorkingDayCalendar>; invalidate(): void } {
  let cached: { at: number; calendar: WorkingDayCalendar } | undefined;
  return {
    get: async () => {
      if (cached && Date.now() - cached.at < ttlMs) return cached.calendar;
      const [overrides, years] = await Promise.all([
        db.select().from(calendarOverrides),
        db.select().from(calendarYears),
      ]);
      const calendar = createWorkingDayCalendar({
        overrides: overrides.map((o) => ({
          date: o.date,
          kind: o.kind,
          ...(o.note ? { note: o.note } : {}),
        })),
        extraYears: years.map((y) => ({
          year: y.year,
          daysOff: y.daysOff,
          makeUpWorkingDays: y.makeUpWorkingDays,
        })),
      });
      cached = { at: Date.now(), calendar };
      return calendar;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
