// POST /staff/identity-binding-codes: a clerk of any station, having seen the person's ID card,
// household register or identity certificate from the place of origin (the evidence of a
// confirmation form, DESIGN §2), issues a single-use code that lets one phone account bind that
// identity (issue 9, finding 1). Useless for an identity already bound to a phone: refused.
// The route checks the clerk and their station (clerkActor).
import { sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { identityBindingCodes, residents, type BindingEvidence } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { residentWithIdNumber } from '../../db/repositories/residents.ts';
import type { ServiceContext } from '../context.ts';
import { auditedAs, type StationActor } from '../actor.ts';
import { bindingCodeHash, newBindingCode, replaceLiveBindingCodes } from './binding-codes.ts';

export async function issueBindingCode(
  ctx: ServiceContext,
  clerk: StationActor,
  input: { idNumber: string; evidence: BindingEvidence },
): Promise<{ code: string; expiresAt: Date }> {
  const stationId = clerk.stationId;
  const now = ctx.clock.now();
  const { idNumber } = parseIdNumber(input.idNumber, beijingDate(now));
  const code = newBindingCode();
  const expiresAt = new Date(now.getTime() + ctx.policy.identityBindingCodeHours * 3600_000);
  await ctx.db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: residents.id, hasPhone: sql<boolean>`${residents.phoneIndex} is not null` })
      .from(residents)
      .where(residentWithIdNumber(ctx.personal, idNumber));
    if (held?.hasPhone) throw new AppError('IDENTITY_ALREADY_BOUND');
    const idNumberIndex = ctx.personal.indexHex('id_number', idNumber);
    await replaceLiveBindingCodes(tx, idNumberIndex, now);
    const [row] = await tx
      .insert(identityBindingCodes)
      .values({
        idNumberIndex,
        codeHash: bindingCodeHash(ctx.personal, idNumber, code),
        evidence: input.evidence,
        issuedBy: clerk.id,
        stationId,
        issuedAt: now,
        expiresAt,
      })
      .returning({ id: identityBindingCodes.id });
    if (!row) throw new Error('binding code insert returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(clerk),
      action: 'identity.binding_code_issued',
      subjectKind: 'identity_binding_code',
      subjectId: row.id,
      stationId,
      details: { evidence: input.evidence, residentId: held?.id ?? null },
    });
  });
  return { code, expiresAt };
}
