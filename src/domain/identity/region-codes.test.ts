import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAcceptedRegionCode, regionStatus } from './region-codes.ts';

test('says how much of a region code the current division data still knows', () => {
  assert.equal(regionStatus('110105'), 'county_known'); // Chaoyang District
  assert.equal(regionStatus('110103'), 'city_known'); // Chongwen District, merged into Dongcheng in 2010
  assert.equal(regionStatus('110228'), 'province_known'); // Miyun County, district 110118 since 2015
  assert.equal(regionStatus('990101'), 'unknown');
  assert.equal(regionStatus('11010'), 'unknown');
});

test('accepts any code of an existing province except the province itself', () => {
  assert.equal(isAcceptedRegionCode('422301'), true);
  assert.equal(isAcceptedRegionCode('110000'), false);
  assert.equal(isAcceptedRegionCode('810000'), false); // Hong Kong residents' permits are another document
});
