// Bearer token → who is calling. Sessions live in the database so any process can check them.
import { and, eq, gt } from 'drizzle-orm';
import { sessions, staff, stations } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { sha256Hex } from './tokens.ts';

export async function authenticate(ctx: ServiceContext, token: string): Promise<Principal | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const [session] = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), gt(sessions.expiresAt, ctx.clock.now())));
  if (!session) return undefined;
  if (session.subjectKind === 'resident') return { kind: 'resident', residentId: session.subjectId };
  const [member] = await ctx.db
    .select({
      role: staff.role,
      stationId: staff.stationId,
      active: staff.active,
      districtCode: stations.districtCode,
    })
    .from(staff)
    .leftJoin(stations, eq(stations.id, staff.stationId))
    .where(eq(staff.id, session.subjectId));
  if (!member?.active) return undefined;
  return {
    kind: 'staff',
    staffId: session.subjectId,
    role: member.role,
    stationId: member.stationId,
    districtCode: member.districtCode ?? null,
  };
}
