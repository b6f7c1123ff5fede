// GET /stations/{id}/slots?from=&to=&purpose=: the bookable slots of a station between two Beijing
// dates, on working days of the official calendar only, with what is left of each.
import { and, eq, gte, lt } from 'drizzle-orm';
import {
  addDays,
  beijingDate,
  isIsoDate,
  startOfBeijingDate,
  type IsoDate,
} from '../../domain/beijing-date.ts';
import { cancellationDeadline, slotsOfDate } from '../../domain/appointments/schedule.ts';
import { AppError } from '../../domain/errors.ts';
import { appointmentSlots } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { stationSchedule } from './station-schedule.ts';

export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  available: number;
  /** A booking of this slot may be cancelled online until then (the station's cut-off). */
  cancellableUntil: string;
}

/** A month at most per request: a slot list is read by a person choosing a day. */
const MAX_DAYS = 31;

export async function listSlots(
  ctx: ServiceContext,
  stationId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<SlotView[]> {
  const now = ctx.clock.now();
  const schedule = await stationSchedule(ctx.db, stationId);
  const today = beijingDate(now);
  const from = range.from ?? today;
  const to = range.to ?? addDays(today, schedule.bookAheadDays);
  if (!isIsoDate(from) || !isIsoDate(to) || to < from || to > addDays(from, MAX_DAYS - 1)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'from/to: dates YYYY-MM-DD, from ≤ to, at most 31 days',
      {
        detail: 'from, to',
      },
      { fields: ['from', 'to'] },
    );
  }
  const last = [to, addDays(today, schedule.bookAheadDays)].sort()[0] as IsoDate;
  const calendar = await ctx.calendar();
  const taken = await ctx.db
    .select({
      startsAt: appointmentSlots.startsAt,
      booked: appointmentSlots.booked,
      capacity: appointmentSlots.capacity,
    })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.stationId, stationId),
        gte(appointmentSlots.startsAt, startOfBeijingDate(from)),
        lt(appointmentSlots.startsAt, startOfBeijingDate(addDays(to, 1))),
      ),
    );
  const rowAt = new Map(taken.map((t) => [t.startsAt.getTime(), t]));
  const out: SlotView[] = [];
  for (let d = from < today ? today : from; d <= last; d = addDays(d, 1)) {
    if (!calendar.isWorkingDay(d)) continue;
    for (const s of slotsOfDate(d, schedule)) {
      if (s.start.getTime() <= now.getTime()) continue;
      // A slot already booked keeps the capacity it was opened with.
      const row = rowAt.get(s.start.getTime());
      const capacity = row?.capacity ?? schedule.capacity;
      out.push({
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        capacity,
        available: Math.max(0, capacity - (row?.booked ?? 0)),
        cancellableUntil: cancellationDeadline(s.start, schedule.cancelCutoffMinutes).toISOString(),
      });
    }
  }
  return out;
}
