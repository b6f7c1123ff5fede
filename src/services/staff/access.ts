// Role and jurisdiction (DESIGN §4), checked by every staff use case. A wrong role is FORBIDDEN;
// something outside the caller's jurisdiction is NOT_FOUND, so its existence does not leak.
import { eq, or, type SQL } from 'drizzle-orm';
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

type ApplicationRow = typeof applications.$inferSelect;

/**
 * The applications a staff member may see (DESIGN §4): an officer, the district's; a clerk, only
 * their own station's: those it decides and those taken at its window (issue 9, finding 4: a
 * service-station clerk read a police station's applicants and their photos).
 */
export function applicationScope(member: StaffPrincipal): SQL {
  if (member.role !== 'clerk') return eq(applications.districtCode, districtOf(member));
  const station = member.stationId;
  if (station === null) throw new AppError('FORBIDDEN');
  return or(eq(applications.stationId, station), eq(applications.intakeStationId, station)) as SQL;
}

function inScope(member: StaffPrincipal, row: ApplicationRow): boolean {
  if (member.role !== 'clerk') return row.districtCode === districtOf(member);
  return (
    member.stationId !== null &&
    (row.stationId === member.stationId || row.intakeStationId === member.stationId)
  );
}

export async function applicationInJurisdiction(
  tx: Db,
  member: StaffPrincipal,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApplicationRow> {
  const q = tx.select().from(applications).where(eq(applications.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row || !inScope(member, row)) throw new AppError('NOT_FOUND');
  return row;
}
