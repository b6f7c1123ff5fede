import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCron } from './cron.ts';

const bj = (local: string) => new Date(`${local}+08:00`);

test('reads Beijing time: 09:00 daily is 01:00 UTC', () => {
  const c = parseCron('0 9 * * *');
  assert.equal(c.matches(bj('2026-06-16T09:00:00')), true);
  assert.equal(c.matches(bj('2026-06-16T09:01:00')), false);
  assert.deepEqual(c.latestAtOrBefore(bj('2026-06-16T10:30:20'), 12 * 3_600_000), bj('2026-06-16T09:00:00'));
  assert.equal(c.latestAtOrBefore(bj('2026-06-16T08:59:00'), 3_600_000), undefined);
});

test('lists, ranges, steps; weekdays; both day fields restricted means either', () => {
  assert.equal(parseCron('*/15 8-10 * * 1-5').matches(bj('2026-06-16T10:45:00')), true); // Tuesday
  assert.equal(parseCron('*/15 8-10 * * 1-5').matches(bj('2026-06-20T10:45:00')), false); // Saturday
  assert.equal(parseCron('0 0 1,15 * 7').matches(bj('2026-06-21T00:00:00')), true); // a Sunday
  assert.equal(parseCron('0 0 1,15 * 7').matches(bj('2026-06-15T00:00:00')), true);
  assert.equal(parseCron('0 0 1,15 * 7').matches(bj('2026-06-16T00:00:00')), false);
});

test('refuses what it cannot read', () => {
  for (const bad of ['* * * *', '60 * * * *', '* 24 * * *', '5-1 * * * *', 'a * * * *', '*/0 * * * *'])
    assert.throws(() => parseCron(bad), RangeError, bad);
});
