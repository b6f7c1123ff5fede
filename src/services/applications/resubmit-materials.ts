// POST /applications/{id}/materials: the applicant brings what the officer listed; the time
// limit restarts from the resubmission (DESIGN §2).
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { dueDate } from '../../domain/calendar/due-date.ts';
import { applyEvent } from '../../domain/applications/apply-event.ts';
import { missingMaterials } from '../../domain/applications/required-materials.ts';
import { applications, materials } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { sealNote } from '../../db/repositories/staff-notes.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { storeMaterials, type MaterialUpload } from './store-materials.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';
import { toDomainApplication } from './to-domain-application.ts';

export async function resubmitMaterials(
  ctx: ServiceContext,
  actor: ResidentActor,
  id: string,
  uploads: readonly MaterialUpload[],
): Promise<ApplicationView> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const { dueBy, dueByProvisional } = dueDate(await ctx.calendar(), today, ctx.policy.reviewWorkingDays);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!row || row.applicantId !== residentId) throw new AppError('NOT_FOUND');
    const app = toDomainApplication(ctx.personal, row);
    const stillMissing = missingMaterials(
      app.missing,
      uploads.map((u) => u.kind),
    );
    if (row.status === 'needs_materials' && stillMissing.length > 0) {
      throw new AppError(
        'MATERIALS_MISSING',
        undefined,
        { missing: stillMissing.join(', ') },
        { missing: stillMissing },
      );
    }
    const next = applyEvent(app, { kind: 'resubmit', acceptedOn: today, dueBy });
    const rounds = await tx
      .select({ round: materials.round })
      .from(materials)
      .where(eq(materials.applicationId, id));
    await storeMaterials(ctx, tx, id, uploads, Math.max(0, ...rounds.map((r) => r.round)) + 1, now);
    const [updated] = await tx
      .update(applications)
      .set({
        status: next.status,
        acceptedOn: next.acceptedOn,
        dueBy: next.dueBy,
        dueByProvisional,
        missing: next.missing,
        reasonSealed: sealNote(ctx.personal, 'applications.reason', next.reason),
        updatedAt: now,
      })
      .where(eq(applications.id, id))
      .returning();
    if (!updated) throw new Error('application update returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'application.resubmitted',
      subjectKind: 'application',
      subjectId: id,
      stationId: row.stationId,
      details: { materials: uploads.map((u) => u.kind), dueBy, dueByProvisional },
    });
    return toApplicationView(ctx.personal, updated);
  });
}
