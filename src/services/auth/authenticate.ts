// Bearer token → who is calling. Sessions live in the database so any process can check them.
// A refused token says why when the caller can act on it: SESSION_EXPIRED (lifetime over, idle
// too long, or ended by an administrator's password reset) or ACCOUNT_DEACTIVATED; an unknown
// token is just not signed in.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { findStaffMember } from '../../db/repositories/staff.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { sha256Hex } from './tokens.ts';

/** A staff session's last use is written at most this often: not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type Refusal = 'SESSION_EXPIRED' | 'ACCOUNT_DEACTIVATED';
export type Authentication = { principal: Principal } | { refused: Refusal } | undefined;

// Every request with a token runs this check: prepared once per database, so drizzle does not
// rebuild the SQL each time and PostgreSQL plans it once per connection (bench/http.bench.ts).
const prepareSessionRead = (db: Db) =>
  db
    .select({
      subjectKind: sessions.subjectKind,
      subjectId: sessions.subjectId,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      endedReason: sessions.endedReason,
    })
    .from(sessions)
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .prepare('authenticate_session');
const sessionReads = new WeakMap<Db, ReturnType<typeof prepareSessionRead>>();

function sessionRead(db: Db) {
  let read = sessionReads.get(db);
  if (!read) sessionReads.set(db, (read = prepareSessionRead(db)));
  return read;
}

export async function authenticate(ctx: ServiceContext, token: string): Promise<Authentication> {
  if (token.length < 20 || token.length > 100) return undefined;
  const hash = sha256Hex(token);
  const now = ctx.clock.now().getTime();
  let entry = ctx.hot.sessions.get(hash);
  if (!entry) {
    const [session] = await sessionRead(ctx.db).execute({ hash });
    if (!session) return undefined;
    if (session.endedReason === 'deactivated') return { refused: 'ACCOUNT_DEACTIVATED' };
    if (session.endedReason !== null) return { refused: 'SESSION_EXPIRED' };
    if (session.expiresAt.getTime() <= now) return { refused: 'SESSION_EXPIRED' };
    const principal = await principalOf(ctx, session);
    if (!principal) return { refused: 'ACCOUNT_DEACTIVATED' };
    entry = {
      principal,
      expiresAt: session.expiresAt.getTime(),
      lastSeenAt: (session.lastSeenAt ?? session.createdAt).getTime(),
    };
    ctx.hot.sessions.set(hash, entry);
  }
  if (entry.expiresAt <= now) return { refused: 'SESSION_EXPIRED' };
  if (entry.principal.kind === 'staff') {
    // Idle expiry for the console (issue 7): a session unused this long is over. Residents have
    // none: their wallet shows a card on demand and the display path must stay write-free.
    if (now - entry.lastSeenAt > ctx.staffIdleSeconds * 1000) return { refused: 'SESSION_EXPIRED' };
    if (now - entry.lastSeenAt >= TOUCH_INTERVAL_MS) {
      await ctx.db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.tokenHash, hash));
      entry.lastSeenAt = now;
    }
  }
  return { principal: entry.principal };
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
