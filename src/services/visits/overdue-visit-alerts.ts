// Job `overdue-visit-alerts` (docs/jobs.md): open verification visits past their due date, one
// `visit_overdue` alert each to the station whose community police serve the street (the visit's
// station), not texted. Idempotent by the notification's key (visit and due date): a second run,
// or a second process running the same slot after a lost lease, writes nothing; a due date
// recounted when a calendar year is loaded is a new deadline, and is alerted again if missed.
import { and, eq, lt, notExists, sql } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { findStreet } from '../../domain/address/beijing-divisions.ts';
import { notifications, visits } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { notify } from '../notifications/outbox.ts';

/** A run's share: the rest waits for the next run (daily), never lost, since alerted ones are skipped. */
const BATCH = 5000;

export const visitOverdueKey = (visitId: string, dueOn: string): string =>
  `visit_overdue:${visitId}:${dueOn}`;

export async function overdueVisitAlerts(ctx: ServiceContext): Promise<{ alerted: number }> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const rows = await ctx.db
    .select({
      id: visits.id,
      stationId: visits.stationId,
      dueOn: visits.dueOn,
      districtCode: visits.districtCode,
      streetCode: visits.streetCode,
    })
    .from(visits)
    .where(
      and(
        eq(visits.status, 'open'),
        lt(visits.dueOn, today),
        // Those already alerted are skipped here, so a backlog larger than a batch drains over runs.
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(notifications)
            .where(eq(notifications.key, sql`'visit_overdue:' || ${visits.id} || ':' || ${visits.dueOn}`)),
        ),
      ),
    )
    .orderBy(visits.dueOn, visits.id)
    .limit(BATCH);
  let alerted = 0;
  for (const row of rows) {
    const written = await notify(
      ctx.db,
      ctx.personal,
      {
        key: visitOverdueKey(row.id, row.dueOn),
        kind: 'visit_overdue',
        stationId: row.stationId,
        params: {
          visitId: row.id,
          dueOn: row.dueOn,
          street: findStreet(row.districtCode, row.streetCode)?.name ?? row.streetCode,
        },
      },
      now,
    );
    if (written) alerted += 1;
  }
  return { alerted };
}
