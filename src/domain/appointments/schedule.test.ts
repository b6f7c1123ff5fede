import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSchedule, parsePeriods, slotAt, slotsOfDate } from './schedule.ts';

const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
const NOW = new Date('2026-11-20T10:00:00+08:00'); // a Friday

test('the default grid: 09:00–12:00 and 13:30–17:00 in 30-minute slots, Beijing time', () => {
  const slots = slotsOfDate('2026-11-23', defaultSchedule);
  assert.equal(slots.length, 13);
  assert.equal(slots[0]?.start.toISOString(), '2026-11-23T01:00:00.000Z');
  assert.equal(slots.at(-1)?.end.toISOString(), '2026-11-23T09:00:00.000Z');
});

test('a booking starts on a slot of a working day, in the future, within the horizon', () => {
  const at = (iso: string) => slotAt(new Date(iso), defaultSchedule, NOW, weekdays);
  assert.equal(at('2026-11-20T09:30:00+08:00'), 'past');
  assert.equal(at('2026-11-20T10:00:00+08:00'), 'past');
  assert.equal(at('2026-11-21T09:00:00+08:00'), 'day_off');
  assert.equal(at('2026-11-23T09:10:00+08:00'), 'not_a_slot');
  assert.equal(at('2026-11-23T12:00:00+08:00'), 'not_a_slot');
  assert.equal(at('2026-12-07T09:00:00+08:00'), 'too_far');
  assert.deepEqual(at('2026-11-20T13:30:00+08:00'), {
    start: new Date('2026-11-20T05:30:00Z'),
    end: new Date('2026-11-20T06:00:00Z'),
  });
});

test('periods must be HH:MM-HH:MM, in order, not overlapping', () => {
  for (const bad of [['9:00-12:00'], ['12:00-09:00'], ['09:00-12:00', '11:00-13:00'], []]) {
    assert.throws(() => parsePeriods(bad), { code: 'VALIDATION_FAILED' }, JSON.stringify(bad));
  }
});
