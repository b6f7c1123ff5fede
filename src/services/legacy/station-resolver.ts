// The station a legacy card belongs to: the police station of its street, else a station of its
// district (police stations first). An import resolves a million rows in memory with this; a card
// being made asks the database the same question (materialise-legacy-card.ts).
import type { RawSession } from '../../db/raw-session.ts';

export type StationOf = (district: string, street: string) => string | null;

export async function stationResolver(s: RawSession): Promise<StationOf> {
  const rows = await s.query<{ id: string; district_code: string; street_codes: string[] }>(
    `select id, district_code, street_codes from stations order by kind = 'police_station' desc, id`,
  );
  const byStreet = new Map<string, string>();
  const byDistrict = new Map<string, string>();
  for (const r of rows) {
    for (const street of r.street_codes) if (!byStreet.has(street)) byStreet.set(street, r.id);
    if (!byDistrict.has(r.district_code)) byDistrict.set(r.district_code, r.id);
  }
  return (district, street) => byStreet.get(street) ?? byDistrict.get(district) ?? null;
}
