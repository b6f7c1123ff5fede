// Role and jurisdiction (DESIGN §4), checked by every staff use case. A wrong role is FORBIDDEN;
// something outside the caller's jurisdiction is NOT_FOUND, so its existence does not leak.
import { and, eq } from 'drizzle-orm';
import { AppError, NotSignedIn } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { applications, cards } from '../../db/schema/index.ts';
import type { Channel, Principal, StaffPrincipal, StaffRole } from '../context.ts';
import { residentActorFor, staffActor, type Actor, type ResidentActor, type StationActor } from '../actor.ts';
import { applicationScope, cardScope } from './jurisdiction.ts';

export function requireStaff(principal: Principal | undefined, roles: readonly StaffRole[]): StaffPrincipal {
  if (!principal) throw new NotSignedIn();
  if (principal.kind !== 'staff' || !roles.includes(principal.role)) throw new AppError('FORBIDDEN');
  return principal;
}

/**
 * An administrator as the actor of an administration use case: the one check the thin layer
 * around such a use case (a route) makes before calling it.
 */
export function adminActor(principal: Principal | undefined, channel: Channel = 'online'): Actor {
  return staffActor(requireStaff(principal, ['admin']), channel);
}

export function requireResident(principal: Principal | undefined): string {
  if (!principal) throw new NotSignedIn();
  if (principal.kind !== 'resident') throw new AppError('FORBIDDEN');
  return principal.residentId;
}

/**
 * A signed-in resident as the actor of a resident use case (apply, book, cancel, bind): the one
 * check its route makes. Staff are FORBIDDEN and nobody signed in is 401, as before.
 */
export function residentActor(principal: Principal | undefined, channel: Channel = 'online'): ResidentActor {
  return residentActorFor(requireResident(principal), channel);
}

/**
 * A clerk of a station as the actor of the window's work there (DESIGN §4: check-in and binding
 * codes are the clerk's): another role, or a clerk with no station, is FORBIDDEN.
 */
export function clerkActor(principal: Principal | undefined, channel: Channel = 'window'): StationActor {
  const clerk = requireStaff(principal, ['clerk']);
  if (clerk.stationId === null) throw new AppError('FORBIDDEN');
  return { ...staffActor(clerk, channel), id: clerk.staffId, stationId: clerk.stationId };
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
  const q = tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), applicationScope(member)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function cardInJurisdiction(
  tx: Db,
  member: StaffPrincipal,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<typeof cards.$inferSelect> {
  const q = tx
    .select()
    .from(cards)
    .where(and(eq(cards.id, id), cardScope(member)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
