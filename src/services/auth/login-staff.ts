// POST /auth/staff: username and argon2id-hashed password. One answer for every failure, so the
// response does not tell which usernames exist.
import { verify } from '@node-rs/argon2';
import { and, count, eq, gt } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { auditLog } from '../../db/schema/index.ts';
import { findStaffMember } from '../../db/repositories/staff.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

/** What a failed login is filed under: a hash, because people type passwords into the name field too. */
const loginSubject = (username: string): string => sha256Hex(`staff-login:${username}`).slice(0, 32);
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext, StaffRole } from '../context.ts';
import { createSession } from './create-session.ts';
import { sha256Hex } from './tokens.ts';

// Verified against when the username is unknown, so both paths cost the same time.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Fxy3ogF4JbBIdvzEFUuFm9t9dXSvzkJzJZZWQYkGzk';

export async function loginStaff(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<{
  token: string;
  expiresAt: Date;
  role: StaffRole;
  stationId: string | null;
  districtCode: string | null;
}> {
  const now = ctx.clock.now();
  // Password guessing: after MAX_FAILED_LOGINS failures in the window, the account (or the
  // unknown name) takes no password at all until the window has passed. The count lives in the
  // audit trail, so every process sees it.
  const since = new Date(now.getTime() - LOGIN_WINDOW_SECONDS * 1000);
  const [failures] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectKind, 'staff_login'),
        eq(auditLog.subjectId, loginSubject(username)),
        eq(auditLog.action, 'session.login_failed'),
        gt(auditLog.at, since),
      ),
    );
  if ((failures?.n ?? 0) >= MAX_FAILED_LOGINS) throw new AppError('RATE_LIMITED');
  const row = await findStaffMember(ctx.db, { username });
  const ok = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!row || !ok || !row.active) {
    await recordAudit(ctx.db, {
      at: now,
      actorKind: 'system',
      actorId: null,
      channel: 'online',
      action: 'session.login_failed',
      subjectKind: 'staff_login',
      subjectId: loginSubject(username),
    });
    throw new AppError('UNAUTHENTICATED', 'bad credentials');
  }
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
