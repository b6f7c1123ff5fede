// PUT /me/identity: binds the account to a real identity, once (实名认证). The ID number is
// checked (region, birth date, check digit), the name asked of the real-name authority, and one
// ID number may belong to one account only.
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { normalisePersonName } from '../../domain/identity/person-name.ts';
import { residents, sessions } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';

export async function bindIdentity(
  ctx: ServiceContext,
  residentId: string,
  input: { name: string; idNumber: string },
): Promise<{ name: string; idNumber: string; birthDate: string; sex: 'male' | 'female' }> {
  const now = ctx.clock.now();
  const id = parseIdNumber(input.idNumber, beijingDate(now));
  const name = normalisePersonName(input.name);
  if (!(await ctx.realName.matches({ name, idNumber: id.idNumber }))) throw new AppError('IDENTITY_REJECTED');
  try {
    await writeAndAnnounce(ctx, async (tx, announce) => {
      const [me] = await tx.select().from(residents).where(eq(residents.id, residentId)).for('update');
      if (!me) throw new AppError('NOT_FOUND');
      if (me.idNumber !== null) throw new AppError('IDENTITY_ALREADY_BOUND');
      // A person registered at a window (or imported with a legacy card) already has a record
      // with this ID number and no phone: the online account takes it over instead of clashing.
      const [existing] = await tx.select().from(residents).where(eq(residents.idNumber, id.idNumber));
      if (existing && existing.phone !== null) throw new AppError('IDENTITY_ALREADY_BOUND');
      if (existing) {
        await tx.update(residents).set({ phone: null }).where(eq(residents.id, residentId));
        await tx
          .update(residents)
          .set({ phone: me.phone, name, identityBoundAt: now })
          .where(eq(residents.id, existing.id));
        // The caller's session now speaks for the merged record.
        await tx.update(sessions).set({ subjectId: existing.id }).where(eq(sessions.subjectId, residentId));
        await tx.delete(residents).where(eq(residents.id, residentId));
        // Cached sessions still name the deleted record: every process forgets them.
        announce({ kind: 'sessions_of', subjectId: residentId });
      } else {
        await tx
          .update(residents)
          .set({ idNumber: id.idNumber, name, sex: id.sex, birthDate: id.birthDate, identityBoundAt: now })
          .where(eq(residents.id, residentId));
      }
      await recordAudit(tx, {
        at: now,
        actorKind: 'resident',
        actorId: residentId,
        channel: 'online',
        action: 'identity.bound',
        subjectKind: 'resident',
        subjectId: existing?.id ?? residentId,
        details: { verifier: ctx.realName.name, mergedWithWindowRecord: existing !== undefined },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('IDENTITY_ALREADY_BOUND');
    throw e;
  }
  return { name, idNumber: id.idNumber, birthDate: id.birthDate, sex: id.sex };
}
