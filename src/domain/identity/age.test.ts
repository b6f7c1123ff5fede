import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn } from './age.ts';

test('a year is completed on the birthday, not the day before', () => {
  assert.equal(ageOn('2010-06-15', '2026-06-14'), 15);
  assert.equal(ageOn('2010-06-15', '2026-06-15'), 16);
  assert.equal(ageOn('2010-06-15', '2026-12-31'), 16);
});

test('a newborn is 0 on the day of birth', () => {
  assert.equal(ageOn('2026-11-26', '2026-11-26'), 0);
});

test('someone born on 29 February completes a year on 1 March in a common year', () => {
  assert.equal(ageOn('2008-02-29', '2024-02-28'), 15);
  assert.equal(ageOn('2008-02-29', '2024-02-29'), 16);
  assert.equal(ageOn('2008-02-29', '2025-02-28'), 16);
  assert.equal(ageOn('2009-02-28', '2025-02-28'), 16);
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
});

test('refuses malformed dates and a date before birth', () => {
  assert.throws(() => ageOn('2010-02-30', '2026-01-01'), RangeError);
  assert.throws(() => ageOn('2010-01-01', '2009-12-31'), RangeError);
});
