import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDistrict, findStreet, listDistricts, listStreets } from './beijing-divisions.ts';

test("lists Beijing's 16 districts and nothing outside Beijing", () => {
  const districts = listDistricts();
  assert.equal(districts.length, 16);
  assert.deepEqual(districts[0], { code: '110101', name: '东城区' });
  assert.ok(districts.some((d) => d.name === '延庆区' && d.code === '110119'));
  assert.ok(districts.every((d) => d.code.startsWith('1101')));
});

test('finds a district by code; a Tianjin code or a retired county code is not found', () => {
  assert.deepEqual(findDistrict('110105'), { code: '110105', name: '朝阳区' });
  assert.equal(findDistrict('120101'), undefined);
  assert.equal(findDistrict('110228'), undefined);
});

test("lists a district's streets with 9-digit codes under the district", () => {
  const streets = listStreets('110101');
  assert.ok(streets.some((s) => s.name === '东华门街道' && s.code === '110101001'));
  assert.ok(streets.every((s) => /^110101\d{3}$/.test(s.code) && s.districtCode === '110101'));
  assert.ok(listStreets('110105').some((s) => s.name === '望京街道'));
  assert.ok(listStreets('110118').some((s) => s.name === '溪翁庄镇'));
});

test('an unknown district has no streets', () => {
  assert.deepEqual(listStreets('120101'), []);
  assert.deepEqual(listStreets(''), []);
});

test('finds a street by code or exact name, only within its district', () => {
  assert.equal(findStreet('110101', '110101001')?.name, '东华门街道');
  assert.equal(findStreet('110101', '东华门街道')?.code, '110101001');
  assert.equal(findStreet('110101', ' 东华门街道 ')?.code, '110101001');
  assert.equal(findStreet('110102', '东华门街道'), undefined);
  assert.equal(findStreet('110102', '110101001'), undefined);
  assert.equal(findStreet('110101', '东华门'), undefined);
});
