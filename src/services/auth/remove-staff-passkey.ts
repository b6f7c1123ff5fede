// A staff member removes one of their own passkeys (issue 9): a key lost or handed back stops
// being a way in. Only the member's own: another member's passkey is not found (404, as an unknown
// id), so ids tell nothing. Safe to allow from any session: an account with a passkey gave a
// second factor at sign-in (login-staff.ts asks for one once any is enrolled), so a password alone
// never reaches here for it. Removing the last one is allowed: where a second factor is required,
// an administrator enrols a TOTP again (staff-totp.ts). Audited.
import { AppError } from '../../domain/errors.ts';
import { staffRoles } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { deleteStaffPasskey } from '../../db/repositories/staff-passkeys.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from '../staff/access.ts';
import { auditedAs, staffActor } from '../actor.ts';

export async function removeOwnPasskey(
  ctx: ServiceContext,
  principal: Principal | undefined,
  passkeyId: string,
): Promise<void> {
  const member = requireStaff(principal, staffRoles);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteStaffPasskey(tx, member.staffId, passkeyId);
    if (!removed) throw new AppError('NOT_FOUND', 'passkey');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(staffActor(member)),
      action: 'staff.passkey_removed',
      subjectKind: 'staff',
      subjectId: member.staffId,
      details: { passkeyId },
    });
  });
}
