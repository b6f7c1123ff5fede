// POST /applications: a resident applies online (R2). Materials come with the application; if
// any is missing the refusal lists every missing item at once (Art. 9) and nothing is stored.
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { dueDate } from '../../domain/calendar/due-date.ts';
import { missingMaterials, requiredMaterials } from '../../domain/applications/required-materials.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { translateDbError } from '../../db/errors.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type ResidentActor } from '../actor.ts';
import { insertApplication, prepareApplication, type ApplicationInput } from './prepare-application.ts';
import { storeMaterials, type MaterialUpload } from './store-materials.ts';
import { toApplicationView, type ApplicationView } from './application-view.ts';

export async function submitApplication(
  ctx: ServiceContext,
  actor: ResidentActor,
  input: ApplicationInput & { materials?: MaterialUpload[] | undefined },
): Promise<ApplicationView> {
  const residentId = actor.id;
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const { dueBy, dueByProvisional } = dueDate(await ctx.calendar(), today, ctx.policy.reviewWorkingDays);
  // A concurrent twin loses on the one-open-application index and gets CONFLICT.
  return ctx.db
    .transaction(async (tx) => {
      const prepared = await prepareApplication(ctx, tx, residentId, input, today);
      const uploads = input.materials ?? [];
      const required = requiredMaterials(input.type, {
        basis: prepared.basis ?? undefined,
        addressChanged: prepared.addressChanged,
      });
      const missing = missingMaterials(
        required,
        uploads.map((u) => u.kind),
      );
      if (missing.length > 0) {
        throw new AppError('MATERIALS_MISSING', undefined, { missing: missing.join(', ') }, { missing });
      }
      const row = await insertApplication(ctx, tx, prepared, {
        applicantId: residentId,
        channel: 'online',
        acceptedOn: today,
        dueBy,
        dueByProvisional,
        at: now,
      });
      await storeMaterials(ctx, tx, row.id, uploads, 0, now);
      await recordAudit(tx, {
        at: now,
        ...auditedAs(actor),
        action: 'application.submitted',
        subjectKind: 'application',
        subjectId: row.id,
        stationId: row.stationId,
        details: { type: row.type, dueBy, dueByProvisional, materials: uploads.map((u) => u.kind) },
      });
      return toApplicationView(ctx.personal, row);
    })
    .catch(translateDbError);
}
