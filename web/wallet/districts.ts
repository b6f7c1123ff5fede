// The city's districts and streets (GET /divisions/…), read once per page load.
import { get } from '../shared/api.ts';

export interface Named {
  code: string;
  name: string;
}

let districts: Promise<Named[]> | undefined;
const streets = new Map<string, Promise<Named[]>>();

export function loadDistricts(): Promise<Named[]> {
  districts ??= get<Named[]>('/divisions/districts').catch((e: unknown) => {
    districts = undefined; // try again next time
    throw e;
  });
  return districts;
}

export function loadStreets(district: string): Promise<Named[]> {
  let list = streets.get(district);
  if (!list) {
    list = get<Named[]>(`/divisions/districts/${district}/streets`);
    streets.set(district, list);
    list.catch(() => streets.delete(district));
  }
  return list;
}
