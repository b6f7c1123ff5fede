// The demo data speaks of real places: every station's district and streets exist in the
// administrative-division data the address checks use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDistrict, listStreets } from '../../domain/address/beijing-divisions.ts';
import { demoDistricts, demoResidents, demoStations } from './demo-data.ts';

test('every demo station lies in a real district and serves real streets of it', () => {
  for (const s of demoStations) {
    assert.ok(findDistrict(s.districtCode), s.id);
    const streets = new Set(listStreets(s.districtCode).map((x) => x.code));
    for (const code of s.streetCodes) assert.ok(streets.has(code), `${s.id}: ${code}`);
  }
});

test('each demo district has a police station, and every demo resident lives in one of them', () => {
  for (const d of demoDistricts)
    assert.ok(
      demoStations.some((s) => s.districtCode === d && s.kind === 'police_station'),
      d,
    );
  for (const r of demoResidents)
    assert.ok((demoDistricts as readonly string[]).includes(r.districtCode), r.phone);
});
