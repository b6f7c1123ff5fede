// POST /auth/staff: username and argon2id-hashed password. One answer for every failure, so the
// response does not tell which usernames exist.
import { verify } from '@node-rs/argon2';
import { AppError } from '../../domain/errors.ts';
import { findStaffMember } from '../../db/repositories/staff.ts';
import { consumeRateLimit, refundRateLimit } from '../../db/repositories/rate-limits.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** What a failed login is filed under: a hash, because people type passwords into the name field too. */
const loginSubject = (username: string): string => sha256Hex(`staff-login:${username}`).slice(0, 32);
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext, StaffRole } from '../context.ts';
import { createSession } from './create-session.ts';
import { sha256Hex } from './tokens.ts';
import { checkStaffTotp, SECOND_FACTOR_ROLES } from './staff-totp.ts';

// Verified against when the username is unknown, so both paths cost the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Fxy3ogF4JbBIdvzEFUuFm9t9dXSvzkJzJZZWQYkGzk';

export async function loginStaff(
  ctx: ServiceContext,
  username: string,
  password: string,
  /** The TOTP code, for an account with a second factor (staff-totp.ts). */
  totp?: string,
): Promise<{
  token: string;
  expiresAt: Date;
  role: StaffRole;
  stationId: string | null;
  districtCode: string | null;
}> {
  const now = ctx.clock.now();
  // Password guessing: each attempt first takes one of MAX_FAILED_LOGINS places in the name's
  // 15-minute window, in one atomic upsert, and only then is the password checked; a right password
  // gives its place back. So however many attempts race (40 in parallel were checked up to 40
  // times when the failures were counted first and recorded after the check), at most
  // MAX_FAILED_LOGINS wrong passwords are checked a window, and then the name (known or not) takes
  // no password at all until the window ends. The count is in the database: every process sees it.
  const bucket = `staff-login:${loginSubject(username)}`;
  const place = await consumeRateLimit(ctx.db, bucket, now, LOGIN_WINDOW_SECONDS, MAX_FAILED_LOGINS);
  if (!place.allowed) throw new AppError('RATE_LIMITED', undefined, { retryAfter: place.retryAfterSeconds });
  const row = await findStaffMember(ctx.db, { username });
  const ok = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  const failed = async (reason: 'password' | 'totp') => {
    await recordAudit(ctx.db, {
      at: now,
      actorKind: 'system',
      actorId: null,
      channel: 'online',
      action: 'session.login_failed',
      subjectKind: 'staff_login',
      subjectId: loginSubject(username),
      details: { reason },
    });
    return new AppError('UNAUTHENTICATED', 'bad credentials');
  };
  if (!row || !ok || !row.active) throw await failed('password');
  if (row.totpSecret) {
    // The password was right: its place is given back, and the code is asked for. A wrong code
    // keeps its place, so codes are guessed no faster than passwords.
    if (totp === undefined) {
      await refundRateLimit(ctx.db, bucket, now, LOGIN_WINDOW_SECONDS);
      throw new AppError('SECOND_FACTOR_REQUIRED');
    }
    if (!(await checkStaffTotp(ctx, { id: row.id, totpSecret: row.totpSecret }, totp)))
      throw await failed('totp');
  } else if (ctx.staffSecondFactor === 'required' && SECOND_FACTOR_ROLES.includes(row.role)) {
    await refundRateLimit(ctx.db, bucket, now, LOGIN_WINDOW_SECONDS);
    throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
  }
  await refundRateLimit(ctx.db, bucket, now, LOGIN_WINDOW_SECONDS);
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
    });
    return { ...session, role: row.role, stationId: row.stationId, districtCode: row.districtCode ?? null };
  });
}
