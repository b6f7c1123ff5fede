// POST /staff/applications/{id}/reveal-id: the full ID numbers of the applicant (and agent), shown
// only on purpose and recorded, because an ID number is sensitive personal information (PIPL
// Art. 28) and the trail must show who looked at whose (the audit row names no number).
import { inArray } from 'drizzle-orm';
import { residents } from '../../db/schema/index.ts';
import { openIdNumber } from '../../db/repositories/residents.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { applicationInJurisdiction, requireStaff } from './access.ts';

export async function revealIdNumbers(ctx: ServiceContext, principal: Principal | undefined, id: string) {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await applicationInJurisdiction(tx, member, id);
    const agentId = (row.proxy as { agentId?: string } | null)?.agentId ?? null;
    const people = await tx
      .select({ id: residents.id, idNumber: residents.idNumberSealed })
      .from(residents)
      .where(inArray(residents.id, agentId ? [row.applicantId, agentId] : [row.applicantId]));
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: member.staffId,
      channel: 'window',
      action: 'identity.revealed',
      subjectKind: 'application',
      subjectId: id,
      stationId: member.stationId,
      details: { residentIds: people.map((p) => p.id) },
    });
    const numberOf = (pid: string | null) =>
      openIdNumber(ctx.personal, people.find((p) => p.id === pid)?.idNumber ?? null);
    return { applicant: numberOf(row.applicantId), agent: numberOf(agentId) };
  });
}
