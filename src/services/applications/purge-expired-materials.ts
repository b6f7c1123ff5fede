// Retention of uploaded materials (issue 9, finding 9; PIPL Art. 19, kept no longer than needed): a
// withdrawn application's files are deleted after `withdrawnMaterialsRetentionDays`, a rejected
// one's after `rejectedMaterialsRetentionDays` (the time to contest the decision). The material
// rows stay, marked purged, as the record of what was submitted (kind, size, keyed digest). Files of
// applications in progress or approved are kept: they are the basis of a card in force.
// For a scheduled job or `juzhu materials-purge`; safe to run twice or in several processes.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { applications, materials } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;

/** Deletes the files past their retention; returns how many. */
export async function purgeExpiredMaterials(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  let purged = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: materials.id,
          storageKey: materials.storageKey,
          applicationId: materials.applicationId,
        })
        .from(materials)
        .innerJoin(applications, eq(applications.id, materials.applicationId))
        .where(
          and(
            isNull(materials.purgedAt),
            or(
              and(
                eq(applications.status, 'withdrawn'),
                lt(applications.updatedAt, daysAgo(ctx.policy.withdrawnMaterialsRetentionDays)),
              ),
              and(
                eq(applications.status, 'rejected'),
                lt(applications.updatedAt, daysAgo(ctx.policy.rejectedMaterialsRetentionDays)),
              ),
            ),
          ),
        )
        .limit(BATCH)
        // Another process purging at the same time takes other rows.
        .for('update', { of: materials, skipLocked: true });
      if (due.length === 0) return 0;
      const storage = ctx.storage(tx);
      for (const m of due) await storage.delete(m.storageKey);
      await tx
        .update(materials)
        .set({ purgedAt: now })
        .where(
          inArray(
            materials.id,
            due.map((m) => m.id),
          ),
        );
      const files = new Map<string, number>();
      for (const m of due) files.set(m.applicationId, (files.get(m.applicationId) ?? 0) + 1);
      for (const [applicationId, count] of files) {
        await recordAudit(tx, {
          at: now,
          actorKind: 'system',
          actorId: null,
          channel: 'system',
          action: 'application.materials_purged',
          subjectKind: 'application',
          subjectId: applicationId,
          details: { files: count },
        });
      }
      return due.length;
    });
    purged += done;
    if (done < BATCH) return purged;
  }
}
