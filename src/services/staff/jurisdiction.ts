// Whose applications and cards a staff member may see (DESIGN §4), in ONE place: the queue, the
// application detail, card search, statistics and every single-row check use these, so a change
// of the rule (e.g. clerks scoped to their own station) is made here and nowhere else.
//
// Officers see their station's district; clerks the applications of their own station (those it
// decides and those taken at its window: issue 9, finding 4, a service-station clerk read a police
// station's applicants and their photos) and the district's cards; community police the streets
// their station serves; admins the whole city. Anything outside is answered as if it did not exist.
import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { applications, cards, stations, visits } from '../../db/schema/index.ts';
import type { StaffPrincipal } from '../context.ts';

/** The columns a jurisdiction rule reads; applications, cards and visits all have them. */
interface ScopedColumns {
  districtCode: typeof applications.districtCode | typeof cards.districtCode | typeof visits.districtCode;
  streetCode: typeof applications.streetCode | typeof cards.streetCode | typeof visits.streetCode;
}

function condition(member: StaffPrincipal, t: ScopedColumns): SQL {
  if (member.role === 'admin') return sql`true`;
  if (member.districtCode === null || member.stationId === null) throw new AppError('FORBIDDEN');
  if (member.role === 'community_police') {
    return inArray(
      t.streetCode,
      sql`(select unnest(${stations.streetCodes}) from ${stations} where ${stations.id} = ${member.stationId})`,
    );
  }
  return sql`${t.districtCode} = ${member.districtCode}`;
}

/** The SQL condition on `applications` rows the member may see. */
export function applicationScope(member: StaffPrincipal): SQL {
  if (member.role !== 'clerk') return condition(member, applications);
  const station = member.stationId;
  if (station === null) throw new AppError('FORBIDDEN');
  return or(eq(applications.stationId, station), eq(applications.intakeStationId, station)) as SQL;
}

/** The SQL condition on `cards` rows the member may see. */
export const cardScope = (member: StaffPrincipal): SQL => condition(member, cards);

/** The SQL condition on `visits` rows the member may see: community police their streets, officers the district. */
export const visitScope = (member: StaffPrincipal): SQL => condition(member, visits);
