// POST /applications/{id}/withdraw: the applicant takes back an application not yet decided.
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { applyEvent } from '../../domain/applications/apply-event.ts';
import { applications } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';
import { toDomainApplication } from './to-domain-application.ts';

export async function withdrawApplication(
  ctx: ServiceContext,
  actor: ResidentActor,
  id: string,
): Promise<ApplicationView> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!row || row.applicantId !== residentId) throw new AppError('NOT_FOUND');
    const next = applyEvent(toDomainApplication(ctx.personal, row), { kind: 'withdraw' });
    const [updated] = await tx
      .update(applications)
      .set({ status: next.status, updatedAt: now })
      .where(eq(applications.id, id))
      .returning();
    if (!updated) throw new Error('application update returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'application.withdrawn',
      subjectKind: 'application',
      subjectId: id,
      stationId: row.stationId,
    });
    return toApplicationView(ctx.personal, updated);
  });
}
