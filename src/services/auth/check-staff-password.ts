// The password step of a staff sign-in, shared by the login and the passkey options that precede a
// passkey login: both take a place in the name's window before the password is checked.
import { verify } from '@node-rs/argon2';
import { AppError } from '../../domain/errors.ts';
import { findStaffMember, type StaffMember } from '../../db/repositories/staff.ts';
import { consumeRateLimit, refundRateLimit } from '../../db/repositories/rate-limits.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';
import { sha256Hex } from './tokens.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** What a failed login is filed under: a hash, because people type passwords into the name field too. */
const loginSubject = (username: string): string => sha256Hex(`staff-login:${username}`).slice(0, 32);

// Verified against when the username is unknown, so both paths cost the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Fxy3ogF4JbBIdvzEFUuFm9t9dXSvzkJzJZZWQYkGzk';

export type FailedStep = 'password' | 'totp' | 'passkey';

export interface PasswordChecked {
  member: StaffMember;
  /** Gives the attempt's place back: the password was right and nothing after it failed. */
  refund(): Promise<void>;
  /** Audits a failed second step (its place is kept) and returns the error to throw. */
  failed(step: FailedStep): Promise<AppError>;
}

export async function checkStaffPassword(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<PasswordChecked> {
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
  const failed = async (reason: FailedStep) => {
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
  return {
    member: row,
    refund: () => refundRateLimit(ctx.db, bucket, now, LOGIN_WINDOW_SECONDS),
    failed,
  };
}
