// The city's districts and streets (GET /divisions/…), read once per page load, and their names in
// the reader's language: Chinese as the data gives them, romanized (division-latin.ts) for en and es.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { latinNames } from './division-latin.ts';

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

const streetKinds = { s: 'subdistrict', a: 'area', t: 'town', x: 'township' } as const;

/** A division's name in the page's language: (code, Chinese name) → name to show. */
export function useDivisionName(): (division: Named) => string {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return useCallback(
    ({ code, name }: Named) => {
      const latin = latinNames[code];
      if (zh || !latin) return name;
      if (code.length === 6) return t('wallet.division.district', { name: latin });
      const [base = latin, kind = ''] = latin.split('|');
      const key = streetKinds[kind as keyof typeof streetKinds];
      return key ? t(`wallet.division.${key}`, { name: base }) : base;
    },
    [zh, t],
  );
}
