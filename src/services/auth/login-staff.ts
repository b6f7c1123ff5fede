// POST /auth/staff: username and argon2id-hashed password (check-staff-password.ts), then the
// second factor an enrolled account must give: a TOTP code (staff-totp.ts) or a passkey assertion
// (staff-passkey-login.ts), either one. One answer for every failure, so the response does not
// tell which usernames exist.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { AppError } from '../../domain/errors.ts';
import { countStaffPasskeys } from '../../db/repositories/staff-passkeys.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext, StaffRole } from '../context.ts';
import { createSession } from './create-session.ts';
import { checkStaffPassword } from './check-staff-password.ts';
import { checkStaffPasskey } from './staff-passkey-login.ts';
import { checkStaffTotp, SECOND_FACTOR_ROLES } from './staff-totp.ts';

export { LOGIN_WINDOW_SECONDS, MAX_FAILED_LOGINS } from './check-staff-password.ts';

/** What the caller gives as the second step, if anything. */
export type SecondFactorAnswer = { totp: string } | { passkey: AuthenticationResponseJSON };
export type SecondFactorMethod = 'totp' | 'passkey';

export async function loginStaff(
  ctx: ServiceContext,
  username: string,
  password: string,
  secondFactor?: SecondFactorAnswer,
): Promise<{
  token: string;
  expiresAt: Date;
  role: StaffRole;
  stationId: string | null;
  districtCode: string | null;
}> {
  const now = ctx.clock.now();
  const attempt = await checkStaffPassword(ctx, username, password);
  const row = attempt.member;
  const methods: SecondFactorMethod[] = [];
  if (row.totpSecret) methods.push('totp');
  if ((await countStaffPasskeys(ctx.db, row.id)) > 0) methods.push('passkey');
  let usedFactor: SecondFactorMethod | null = null;
  if (methods.length > 0) {
    // The password was right: its place is given back, and the second factor is asked for (the
    // methods this account has, so the page offers those). A wrong code or assertion keeps its
    // place, so second factors are guessed no faster than passwords.
    if (secondFactor === undefined) {
      await attempt.refund();
      throw new AppError('SECOND_FACTOR_REQUIRED', undefined, {}, { methods });
    }
    if ('totp' in secondFactor) {
      const ok =
        row.totpSecret !== null &&
        (await checkStaffTotp(ctx, { id: row.id, totpSecret: row.totpSecret }, secondFactor.totp));
      if (!ok) throw await attempt.failed('totp');
      usedFactor = 'totp';
    } else {
      if (!(await checkStaffPasskey(ctx, row.id, secondFactor.passkey)))
        throw await attempt.failed('passkey');
      usedFactor = 'passkey';
    }
  } else if (ctx.staffSecondFactor === 'required' && SECOND_FACTOR_ROLES.includes(row.role)) {
    await attempt.refund();
    throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
  }
  await attempt.refund();
  return ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, { kind: 'staff', id: row.id }, now, ctx.sessionTtlSeconds);
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: row.id,
      channel: 'window',
      action: 'session.created',
      subjectKind: 'staff',
      subjectId: row.id,
      stationId: row.stationId,
      ...(usedFactor ? { details: { secondFactor: usedFactor } } : {}),
    });
    return { ...session, role: row.role, stationId: row.stationId, districtCode: row.districtCode ?? null };
  });
}
