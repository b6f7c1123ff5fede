// Bearer token → who is calling. Sessions live in the database so any process can check them.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { findStaffMember } from '../../db/repositories/staff.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { sha256Hex } from './tokens.ts';

// Every request with a token runs this check: prepared once per database, so drizzle does not
// rebuild the SQL each time and PostgreSQL plans it once per connection (bench/http.bench.ts).
const prepareSessionRead = (db: Db) =>
  db
    .select({
      subjectKind: sessions.subjectKind,
      subjectId: sessions.subjectId,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(
      and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now'))),
    )
    .prepare('authenticate_session');
const sessionReads = new WeakMap<Db, ReturnType<typeof prepareSessionRead>>();

function sessionRead(db: Db) {
  let read = sessionReads.get(db);
  if (!read) sessionReads.set(db, (read = prepareSessionRead(db)));
  return read;
}

export async function authenticate(ctx: ServiceContext, token: string): Promise<Principal | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const hash = sha256Hex(token);
  const now = ctx.clock.now();
  const hit = ctx.hot.sessions.get(hash);
  if (hit) return hit.expiresAt > now.getTime() ? hit.principal : undefined;
  const [session] = await sessionRead(ctx.db).execute({ hash, now });
  if (!session) return undefined;
  const principal = await principalOf(ctx, session);
  if (principal) ctx.hot.sessions.set(hash, { principal, expiresAt: session.expiresAt.getTime() });
  return principal;
}

async function principalOf(
  ctx: ServiceContext,
  session: Pick<typeof sessions.$inferSelect, 'subjectKind' | 'subjectId'>,
): Promise<Principal | undefined> {
  if (session.subjectKind === 'resident') return { kind: 'resident', residentId: session.subjectId };
  const member = await findStaffMember(ctx.db, { id: session.subjectId });
  if (!member?.active) return undefined;
  return {
    kind: 'staff',
    staffId: session.subjectId,
    role: member.role,
    stationId: member.stationId,
    districtCode: member.districtCode ?? null,
  };
}
