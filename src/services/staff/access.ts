// Role and jurisdiction (DESIGN §4), checked by every staff use case. A wrong role is FORBIDDEN;
// something outside the caller's jurisdiction is NOT_FOUND, so its existence does not leak.
import { eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { applications } from '../../db/schema/index.ts';
import type { Principal, StaffPrincipal, StaffRole } from '../context.ts';

export function requireStaff(principal: Principal | undefined, roles: readonly StaffRole[]): StaffPrincipal {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (principal.kind !== 'staff' || !roles.includes(principal.role)) throw new AppError('FORBIDDEN');
  return principal;
}

export function requireResident(principal: Principal | undefined): string {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  if (principal.kind !== 'resident') throw new AppError('FORBIDDEN');
  return principal.residentId;
}

/** The district a station member works in; admins and station-less staff have none. */
export function districtOf(member: StaffPrincipal): string {
  if (member.districtCode === null) throw new AppError('FORBIDDEN');
  return member.districtCode;
}

export async function applicationInJurisdiction(
  tx: Db,
  member: StaffPrincipal,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<typeof applications.$inferSelect> {
  const district = districtOf(member);
  const q = tx.select().from(applications).where(eq(applications.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row || row.districtCode !== district) throw new AppError('NOT_FOUND');
  return row;
}
