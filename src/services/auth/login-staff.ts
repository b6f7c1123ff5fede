// POST /auth/staff: username and argon2id-hashed password. One answer for every failure, so the
// response does not tell which usernames exist.
import { verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { staff, stations } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext, StaffRole } from '../context.ts';
import { createSession } from './create-session.ts';

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
  const [row] = await ctx.db
    .select({
      id: staff.id,
      passwordHash: staff.passwordHash,
      role: staff.role,
      stationId: staff.stationId,
      active: staff.active,
      districtCode: stations.districtCode,
    })
    .from(staff)
    .leftJoin(stations, eq(stations.id, staff.stationId))
    .where(eq(staff.username, username));
  const ok = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!row || !ok || !row.active) throw new AppError('UNAUTHENTICATED', 'bad credentials');
  const now = ctx.clock.now();
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
