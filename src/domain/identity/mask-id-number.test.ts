import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskIdNumber } from './mask-id-number.ts';

test('an ID number keeps its first and last four characters', () => {
  assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  assert.equal(maskIdNumber('11010519491231002X').length, 18);
});

test('something too short to mask partly is masked whole', () => {
  assert.equal(maskIdNumber('12345678'), '********');
  assert.equal(maskIdNumber(''), '');
});
