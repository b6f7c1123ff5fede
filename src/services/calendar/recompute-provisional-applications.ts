// The applications' half of a calendar change: a due date counted on the provisional calendar is
// counted again from its acceptance day, with the review period in force (recount-due-dates.ts).
import { eq } from 'drizzle-orm';
import { dueDate } from '../../domain/calendar/due-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { applications } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { recountDueDates } from './recount-due-dates.ts';
import type { Actor } from '../actor.ts';

export async function recomputeProvisionalApplicationDueDates(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  calendar: WorkingDayCalendar,
  actor: Actor,
  now: Date,
): Promise<number> {
  const rows = await tx
    .select({
      id: applications.id,
      acceptedOn: applications.acceptedOn,
      due: applications.dueBy,
      stationId: applications.stationId,
    })
    .from(applications)
    .where(eq(applications.dueByProvisional, true))
    .for('update');
  return recountDueDates(
    tx,
    rows,
    {
      subject: 'application',
      count: (row) => {
        const next = dueDate(calendar, row.acceptedOn, ctx.policy.reviewWorkingDays);
        return { due: next.dueBy, provisional: next.dueByProvisional };
      },
      write: (row, next) =>
        tx
          .update(applications)
          .set({ dueBy: next.due, dueByProvisional: next.provisional })
          .where(eq(applications.id, row.id)),
    },
    actor,
    now,
  );
}
