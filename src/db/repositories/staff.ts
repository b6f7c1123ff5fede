import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { staff, stations } from '../schema/index.ts';

/** A staff member with the district of their station (null for city-wide admins). */
export interface StaffMember {
  id: string;
  passwordHash: string;
  role: (typeof staff.$inferSelect)['role'];
  stationId: string | null;
  active: boolean;
  /** Sealed; null when no second factor is enrolled. */
  totpSecret: string | null;
  districtCode: string | null;
}

export async function findStaffMember(
  db: Db,
  by: { id: string } | { username: string },
): Promise<StaffMember | undefined> {
  const [row] = await db
    .select({
      id: staff.id,
      passwordHash: staff.passwordHash,
      role: staff.role,
      stationId: staff.stationId,
      active: staff.active,
      totpSecret: staff.totpSecret,
      districtCode: stations.districtCode,
    })
    .from(staff)
    .leftJoin(stations, eq(stations.id, staff.stationId))
    .where('id' in by ? eq(staff.id, by.id) : eq(staff.username, by.username));
  return row;
}
