// The visits' half of a calendar change (docs/visits.md, docs/calendar.md): a verification visit's
// due date counted on the provisional calendar is counted again, n working days from the day the
// task was created (the day of issue), like an application's (recount-due-dates.ts).
import { eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { visits } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { visitDueOn } from '../visits/create-visit.ts';
import { recountDueDates } from './recount-due-dates.ts';
import type { Actor } from '../actor.ts';

export async function recomputeProvisionalVisitDueDates(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  calendar: WorkingDayCalendar,
  actor: Actor,
  now: Date,
): Promise<number> {
  const rows = await tx
    .select({
      id: visits.id,
      createdAt: visits.createdAt,
      due: visits.dueOn,
      stationId: visits.stationId,
    })
    .from(visits)
    .where(eq(visits.dueOnProvisional, true))
    .for('update');
  return recountDueDates(
    tx,
    rows,
    {
      subject: 'visit',
      count: (row) => {
        const next = visitDueOn(calendar, beijingDate(row.createdAt), ctx.policy.visitWorkingDays);
        return { due: next.dueOn, provisional: next.dueOnProvisional };
      },
      write: (row, next) =>
        tx
          .update(visits)
          .set({ dueOn: next.due, dueOnProvisional: next.provisional })
          .where(eq(visits.id, row.id)),
    },
    actor,
    now,
  );
}
