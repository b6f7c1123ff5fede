// The history of an application or a card, from the audit trail (written in the same transaction
// as each change, so it is complete): who did what when, with staff named by display name.
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, staff } from '../../db/schema/index.ts';

export async function historyOf(
  db: Db,
  subjectKind: 'application' | 'card' | 'visit',
  subjectIds: string[],
  /** Actions left out, e.g. a card's every verification (the holder's access log has those). */
  leaveOut: string[] = [],
) {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .select({ entry: auditLog, actorName: staff.displayName })
    .from(auditLog)
    // actor_id is text (it also names verifiers and the system), staff.id a uuid
    .leftJoin(staff, and(eq(auditLog.actorKind, 'staff'), sql`${staff.id}::text = ${auditLog.actorId}`))
    .where(
      and(
        eq(auditLog.subjectKind, subjectKind),
        inArray(auditLog.subjectId, subjectIds),
        leaveOut.length > 0 ? notInArray(auditLog.action, leaveOut) : undefined,
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map(({ entry, actorName }) => ({
    at: entry.at.toISOString(),
    action: entry.action,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    actorName,
    stationId: entry.stationId,
    details: entry.details,
  }));
}
