// POST /admin/staff/{id}/password: an administrator sets a new password for a staff member who
// lost theirs. Every session of the account ends at once (whoever held the old password is out),
// and the reset is audited in the same transaction; the password itself is never stored or logged.
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { staff } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { checkPassword, endStaffSessions } from './manage-stations-staff.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';
import { auditedAs, type Actor } from '../actor.ts';

export async function resetStaffPassword(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  password: string,
): Promise<void> {
  const [member] = await ctx.db.select({ username: staff.username }).from(staff).where(eq(staff.id, id));
  if (!member) throw new AppError('NOT_FOUND');
  checkPassword(member.username, password);
  const passwordHash = await hash(password);
  const now = ctx.clock.now();
  await writeAndAnnounce(ctx, async (tx, announce) => {
    const [row] = await tx.update(staff).set({ passwordHash }).where(eq(staff.id, id)).returning();
    if (!row) throw new AppError('NOT_FOUND');
    await endStaffSessions(tx, id, 'password_reset');
    // Every process forgets the account's sessions at once.
    announce({ kind: 'sessions_of', subjectId: id });
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'staff.password_reset',
      subjectKind: 'staff',
      subjectId: id,
      stationId: row.stationId,
    });
  });
}
