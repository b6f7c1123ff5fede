// The official calendar as the services use it: the package's data plus the admin's overrides
// and loaded years from the database. Cached until a calendar change is announced (by any
// process, src/services/changes), and at most `ttlMs`.
import { calendarOverrides, calendarYears } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import type { ChangeBus } from '../changes/change-bus.ts';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../domain/calendar/working-days.ts';

export function calendarLoader(
  db: Db,
  changes: ChangeBus,
  ttlMs = 60_000,
): { get(): Promise<WorkingDayCalendar> } {
  let cached: { at: number; calendar: WorkingDayCalendar } | undefined;
  let epoch = 0;
  changes.subscribe((heard) => {
    if (heard.kind !== 'calendar' && heard.kind !== 'missed') return;
    cached = undefined;
    epoch++;
  });
  return {
    get: async () => {
      if (cached && Date.now() - cached.at < changes.ttl(ttlMs)) return cached.calendar;
      const at = Date.now();
      const read = epoch;
      const calendar = await readWorkingDayCalendar(db);
      // A change announced while reading may not be in what was read: use it, do not keep it.
      if (read === epoch) cached = { at, calendar };
      return calendar;
    },
  };
}

/** The calendar as stored now: the package's data, the loaded years and the overrides. */
export async function readWorkingDayCalendar(db: Db): Promise<WorkingDayCalendar> {
  const overrides = await db.select().from(calendarOverrides);
  const years = await db.select().from(calendarYears);
  return createWorkingDayCalendar({
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
}
