// The admin's hold on the official calendar: single-day overrides and whole years loaded when
// the State Council publishes them. Each change is checked against the rules of a calendar year
// before it is stored, and audited.
import { FieldError } from '../../domain/validation-problem.ts';
import { asc, eq, gte, and, lte } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { isIsoDate, type IsoDate } from '../../domain/beijing-date.ts';
import {
  checkCalendarYear,
  checkOverrides,
  isCalendarDate,
  type CalendarYear,
  type DayKind,
} from '../../domain/calendar/calendar-year.ts';
import { calendarOverrides, calendarYears } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { recomputeProvisionalDueDates, type Recounted } from '../calendar/recompute-provisional.ts';
import { requireStaff } from '../staff/access.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { auditedAs, type Actor } from '../actor.ts';

/** The routes' schemas check this too; other callers (the CLI, jobs) meet it here. */
function refuseOutsideCalendar(date: string, field: 'date' | 'month'): void {
  if (!isCalendarDate(date)) throw new FieldError({ field, keyword: 'invalid' });
}

export async function setCalendarOverride(
  ctx: ServiceContext,
  actor: Actor,
  date: IsoDate,
  kind: DayKind,
  note: string | undefined,
): Promise<void> {
  refuseOutsideCalendar(date, 'date');
  checkOverrides([{ date, kind }]);
  const now = ctx.clock.now();
  await writeAndAnnounce(ctx, async (tx, announce) => {
    announce({ kind: 'calendar' });
    await tx
      .insert(calendarOverrides)
      .values({ date, kind, note: note ?? null })
      .onConflictDoUpdate({ target: calendarOverrides.date, set: { kind, note: note ?? null } });
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'calendar.override_set',
      subjectKind: 'calendar_day',
      subjectId: date,
      details: { kind },
    });
    await recomputeProvisionalDueDates(ctx, tx, actor, now);
  });
}

export async function removeCalendarOverride(
  ctx: ServiceContext,
  actor: Actor,
  date: IsoDate,
): Promise<void> {
  refuseOutsideCalendar(date, 'date');
  const now = ctx.clock.now();
  await writeAndAnnounce(ctx, async (tx, announce) => {
    announce({ kind: 'calendar' });
    const removed = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'calendar.override_removed',
      subjectKind: 'calendar_day',
      subjectId: date,
    });
    await recomputeProvisionalDueDates(ctx, tx, actor, now);
  });
}

/**
 * Loads (or replaces) a year and recounts the provisional due dates on it (applications' and
 * visits'); returns how many changed. From the command line (`juzhu calendar load`) the actor is the
 * system: no one is signed in, the operator on the server is.
 */
export async function loadCalendarYear(
  ctx: ServiceContext,
  actor: Actor,
  year: CalendarYear,
): Promise<{ recomputed: number } & Recounted> {
  checkCalendarYear(year);
  const now = ctx.clock.now();
  return writeAndAnnounce(ctx, async (tx, announce) => {
    announce({ kind: 'calendar' });
    const values = {
      daysOff: [...year.daysOff].sort(),
      makeUpWorkingDays: [...year.makeUpWorkingDays].sort(),
    };
    await tx
      .insert(calendarYears)
      .values({ year: year.year, ...values })
      .onConflictDoUpdate({ target: calendarYears.year, set: values });
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'calendar.year_loaded',
      subjectKind: 'calendar_year',
      subjectId: String(year.year),
      details: { daysOff: values.daysOff.length, makeUpWorkingDays: values.makeUpWorkingDays.length },
    });
    const recounted = await recomputeProvisionalDueDates(ctx, tx, actor, now);
    return { recomputed: recounted.applications + recounted.visits, ...recounted };
  });
}

export interface CalendarMonthView {
  coveredYears: number[];
  days: { date: IsoDate; working: boolean | null; override: DayKind | null; note: string | null }[];
}

/** A month as the admin sees it: each day's kind (null where the calendar has no data). */
export async function viewCalendarMonth(
  ctx: ServiceContext,
  principal: Principal | undefined,
  month: string,
): Promise<CalendarMonthView> {
  requireStaff(principal, ['admin']);
  refuseOutsideCalendar(`${month}-01`, 'month');
  const calendar = await ctx.calendar();
  const first = `${month}-01`;
  const days: IsoDate[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    if (isIsoDate(date)) days.push(date);
  }
  const overrides = await ctx.db
    .select()
    .from(calendarOverrides)
    .where(
      and(gte(calendarOverrides.date, first), lte(calendarOverrides.date, days[days.length - 1] ?? first)),
    )
    .orderBy(asc(calendarOverrides.date));
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  return {
    coveredYears: [...calendar.coveredYears],
    days: days.map((date) => {
      let working: boolean | null;
      try {
        working = calendar.isWorkingDay(date);
      } catch {
        working = null;
      }
      const override = byDate.get(date);
      return { date, working, override: override?.kind ?? null, note: override?.note ?? null };
    }),
  };
}
