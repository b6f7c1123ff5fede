// When an admin changes the calendar (loads a year, sets or removes an override), every due date
// counted on the provisional calendar is counted again on the calendar as it now stands, in the
// same transaction: from its acceptance day, with the review period in force. A due date that
// still reaches an unpublished year stays marked provisional. Each changed one is audited. The
// verification visits' due dates (working days too) are recounted alongside, the same way.
import { eq } from 'drizzle-orm';
import { dueDate } from '../../domain/calendar/due-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-days.ts';
import { applications } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Channel, ServiceContext } from '../context.ts';
import { readWorkingDayCalendar } from './load-calendar.ts';
import { recomputeProvisionalVisitDueDates } from './recompute-provisional-visits.ts';

export interface Recounted {
  applications: number;
  visits: number;
}

export async function recomputeProvisionalDueDates(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  actor: { staffId: string | null; channel: Channel },
  now: Date,
): Promise<Recounted> {
  const calendar = await readWorkingDayCalendar(tx);
  return {
    applications: await recomputeApplications(ctx, tx, calendar, actor, now),
    visits: await recomputeProvisionalVisitDueDates(ctx, tx, calendar, actor, now),
  };
}

async function recomputeApplications(
  ctx: Pick<ServiceContext, 'policy'>,
  tx: Db,
  calendar: WorkingDayCalendar,
  actor: { staffId: string | null; channel: Channel },
  now: Date,
): Promise<number> {
  const rows = await tx
    .select({
      id: applications.id,
      acceptedOn: applications.acceptedOn,
      dueBy: applications.dueBy,
      stationId: applications.stationId,
    })
    .from(applications)
    .where(eq(applications.dueByProvisional, true))
    .for('update');
  let changed = 0;
  for (const row of rows) {
    const next = dueDate(calendar, row.acceptedOn, ctx.policy.reviewWorkingDays);
    if (next.dueByProvisional && next.dueBy === row.dueBy) continue;
    await tx.update(applications).set(next).where(eq(applications.id, row.id));
    await recordAudit(tx, {
      at: now,
      actorKind: actor.staffId ? 'staff' : 'system',
      actorId: actor.staffId,
      channel: actor.channel,
      action: 'application.due_date_recomputed',
      subjectKind: 'application',
      subjectId: row.id,
      stationId: row.stationId,
      details: { from: row.dueBy, to: next.dueBy, provisional: next.dueByProvisional },
    });
    changed += 1;
  }
  return changed;
}
