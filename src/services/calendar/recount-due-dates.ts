// The recount every provisional due date goes through when an admin changes the calendar, whatever
// carries it (applications, verification visits): counted again on the calendar as it now stands;
// one that still reaches an unpublished year and has not moved is left alone; each changed one is
// written and audited in the admin's transaction (docs/calendar.md).
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Db } from '../../db/client.ts';
import { auditedAs, type Actor } from '../actor.ts';

export interface ProvisionalDue {
  id: string;
  stationId: string;
  /** The due date as it stands. */
  due: string;
}

export interface Recount {
  due: string;
  provisional: boolean;
}

export interface RecountOf<R extends ProvisionalDue> {
  subject: 'application' | 'visit';
  /** The due date on the calendar as it now stands. */
  count: (row: R) => Recount;
  write: (row: R, next: Recount) => Promise<unknown>;
}

export async function recountDueDates<R extends ProvisionalDue>(
  tx: Db,
  rows: readonly R[],
  of: RecountOf<R>,
  actor: Actor,
  now: Date,
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const next = of.count(row);
    if (next.provisional && next.due === row.due) continue;
    await of.write(row, next);
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: `${of.subject}.due_date_recomputed`,
      subjectKind: of.subject,
      subjectId: row.id,
      stationId: row.stationId,
      details: { from: row.due, to: next.due, provisional: next.provisional },
    });
    changed += 1;
  }
  return changed;
}
