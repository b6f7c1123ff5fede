// The visits' half of a calendar change (docs/visits.md, docs/calendar.md): a verification visit's
// due date counted on the provisional calendar is counted again, n working days from the day the
// task was created (the day of issue), on the calendar as it now stands, in the admin's
// transaction. Like an application's, one that still reaches an unpublished year stays marked
// provisional, an official one is never recounted, and each change is audited.
import { eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { visits } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Channel, ServiceContext } from '../context.ts';
import { visitDueOn } from '../visits/create-visit.ts';

export async function recomputeProvisionalVisitDueDates(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  calendar: WorkingDayCalendar,
  actor: { staffId: string | null; channel: Channel },
  now: Date,
): Promise<number> {
  const rows = await tx
    .select({
      id: visits.id,
      createdAt: visits.createdAt,
      dueOn: visits.dueOn,
      stationId: visits.stationId,
    })
    .from(visits)
    .where(eq(visits.dueOnProvisional, true))
    .for('update');
  let changed = 0;
  for (const row of rows) {
    const next = visitDueOn(calendar, beijingDate(row.createdAt), ctx.policy.visitWorkingDays);
    if (next.dueOnProvisional && next.dueOn === row.dueOn) continue;
    await tx.update(visits).set(next).where(eq(visits.id, row.id));
    await recordAudit(tx, {
      at: now,
      actorKind: actor.staffId ? 'staff' : 'system',
      actorId: actor.staffId,
      channel: actor.channel,
      action: 'visit.due_date_recomputed',
      subjectKind: 'visit',
      subjectId: row.id,
      stationId: row.stationId,
      details: { from: row.dueOn, to: next.dueOn, provisional: next.dueOnProvisional },
    });
    changed += 1;
  }
  return changed;
}
