import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { stations } from '../schema/index.ts';

export type StationRow = typeof stations.$inferSelect;

/** The station that decides applications for an address in this district: its police station first. */
export async function deciderStationFor(db: Db, districtCode: string): Promise<StationRow | undefined> {
  const [row] = await db
    .select()
    .from(stations)
    .where(and(eq(stations.districtCode, districtCode), eq(stations.kind, 'police_station')))
    .orderBy(asc(stations.id))
    .limit(1);
  if (row) return row;
  const [any] = await db.select().from(stations).where(eq(stations.districtCode, districtCode)).limit(1);
  return any;
}

export async function findStation(db: Db, id: string): Promise<StationRow | undefined> {
  const [row] = await db.select().from(stations).where(eq(stations.id, id));
  return row;
}

export function listStations(db: Db): Promise<StationRow[]> {
  return db.select().from(stations).orderBy(asc(stations.districtCode), asc(stations.id));
}
