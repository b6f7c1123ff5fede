// An officer or clerk of the application's district opens an uploaded material to review it.
// Opening a person's documents is recorded like a change, so the trail shows who saw what.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { materials } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { applicationInJurisdiction, requireStaff } from '../staff/access.ts';
import { materialColumn } from './store-materials.ts';

export async function readMaterial(
  ctx: ServiceContext,
  principal: Principal | undefined,
  applicationId: string,
  materialId: string,
): Promise<{ contentType: string; content: Uint8Array; kind: string }> {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await applicationInJurisdiction(tx, member, applicationId);
    const [material] = await tx
      .select()
      .from(materials)
      .where(and(eq(materials.id, materialId), eq(materials.applicationId, applicationId)));
    if (!material) throw new AppError('NOT_FOUND');
    const blob = await ctx.storage(tx).get(material.storageKey);
    if (!blob) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: member.staffId,
      channel: 'window',
      action: 'material.viewed',
      subjectKind: 'application',
      subjectId: applicationId,
      stationId: member.stationId,
      details: { materialId, kind: material.kind },
    });
    return {
      contentType: material.contentType,
      content: ctx.personal.openBytes(materialColumn(material.id), blob.content),
      kind: material.kind,
    };
  });
}
