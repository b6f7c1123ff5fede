import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { createWorkingDayCalendar } from './working-days.ts';
import { dueDate } from './due-date.ts';
import type { CalendarYear } from './working-days.ts';

const calendar = createWorkingDayCalendar();

function missingDataFor(date: string): (e: unknown) => boolean {
  return (e) => e instanceof AppError && e.code === 'CALENDAR_DATA_MISSING' && e.params.date === date;
}

// Not the official 2027 arrangement (unpublished when this was written): test data only.
const year2027: CalendarYear = {
  year: 2027,
  daysOff: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  makeUpWorkingDays: ['2027-02-13'],
};

describe('official data', () => {
  test('covers every year from 2016 to 2026', () => {
    for (let y = 2016; y <= 2026; y++) assert.ok(calendar.coveredYears.includes(y), `${y} covered`);
    assert.deepEqual(
      [...calendar.coveredYears],
      [...calendar.coveredYears].sort((a, b) => a - b),
    );
  });

  test('weekdays work, weekends do not, public holidays do not, make-up working days do', () => {
    assert.equal(calendar.isWorkingDay('2025-03-12'), true); // Wednesday
    assert.equal(calendar.isWorkingDay('2025-03-15'), false); // Saturday
    assert.equal(calendar.isWorkingDay('2025-10-01'), false); // National Day, Wednesday
    assert.equal(calendar.isWorkingDay('2025-01-26'), true); // Sunday, make-up for Spring Festival
    assert.equal(calendar.isWorkingDay('2025-02-08'), true); // Saturday, make-up for Spring Festival
    assert.equal(calendar.isWorkingDay('2025-02-09'), false); // the Sunday after it
  });

  test('the 2025 Spring Festival holiday runs 28 January to 4 February', () => {
    assert.equal(calendar.isWorkingDay('2025-01-27'), true);
    for (let d = 28; d <= 31; d++) assert.equal(calendar.isWorkingDay(`2025-01-${d}`), false);
    for (let d = 1; d <= 4; d++) assert.equal(calendar.isWorkingDay(`2025-02-0${d}`), false);
    assert.equal(calendar.isWorkingDay('2025-02-05'), true);
  });
});

describe('addWorkingDays', () => {
  test('8 working days from the Monday before National Day 2024 skip the holiday and use its make-up Saturday', () => {
    // Off 1–7 October; 12 October (Saturday) worked. Days: 8, 9, 10, 11, 12, 14, 15, 16 October.
    assert.equal(calendar.addWorkingDays('2024-09-30', 8), '2024-10-16');
  });

  test('8 working days from the Friday before Spring Festival 2025', () => {
    // 26 Jan (Sun, worked), 27 Jan, then off to 4 Feb; 5, 6, 7, 8 (Sat, worked), 10, 11 Feb.
    assert.equal(calendar.addWorkingDays('2025-01-24', 8), '2025-02-11');
  });

  test('accepted on a Friday before a 3-day holiday, counting starts on the next working day', () => {
    // Dragon Boat Festival 2025: Saturday 31 May to Monday 2 June off.
    assert.equal(calendar.addWorkingDays('2025-05-30', 1), '2025-06-03');
  });

  test('a make-up Saturday counts as a working day', () => {
    assert.equal(calendar.addWorkingDays('2025-02-07', 1), '2025-02-08');
    assert.equal(calendar.addWorkingDays('2025-02-06', 2), '2025-02-08');
  });

  test('accepted on a day off, the day itself does not count', () => {
    assert.equal(calendar.addWorkingDays('2025-10-04', 1), '2025-10-09');
  });

  test('crosses the end of a year', () => {
    assert.equal(calendar.addWorkingDays('2025-12-30', 3), '2026-01-05'); // 1–3 Jan 2026 off, 4 Jan a make-up Sunday
  });

  test('refuses n below 1 or not whole', () => {
    assert.throws(() => calendar.addWorkingDays('2025-03-12', 0), RangeError);
    assert.throws(() => calendar.addWorkingDays('2025-03-12', 1.5), RangeError);
  });

  test('refuses a malformed date', () => {
    assert.throws(() => calendar.addWorkingDays('2025-02-30', 1), RangeError);
  });
});

describe('workingDaysBetween', () => {
  test('counts days after `from` up to and including `to`', () => {
    assert.equal(calendar.workingDaysBetween('2025-01-24', '2025-02-11'), 8);
    assert.equal(calendar.workingDaysBetween('2024-09-30', '2024-10-16'), 8);
    assert.equal(calendar.workingDaysBetween('2025-03-10', '2025-03-11'), 1);
    assert.equal(calendar.workingDaysBetween('2025-01-27', '2025-02-04'), 0);
  });

  test('is 0 when `to` is not after `from`', () => {
    assert.equal(calendar.workingDaysBetween('2025-03-12', '2025-03-12'), 0);
    assert.equal(calendar.workingDaysBetween('2025-03-12', '2025-03-01'), 0);
  });

  test('agrees with addWorkingDays', () => {
    for (const from of ['2024-09-27', '2025-01-24', '2025-12-26', '2026-02-13']) {
      for (const n of [1, 8, 15])
        assert.equal(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n)), n);
    }
  });
});

describe('past the end of the data', () => {
  test('refuses to answer for a year it does not know', () => {
    assert.equal(calendar.coveredYears.includes(2027), false);
    assert.throws(() => calendar.isWorkingDay('2027-01-04'), missingDataFor('2027-01-04'));
    assert.throws(() => calendar.isWorkingDay('1999-06-01'), missingDataFor('1999-06-01'));
  });

  test('refuses a deadline that would run into an unknown year, naming its first day', () => {
    assert.throws(() => calendar.addWorkingDays('2026-12-28', 8), missingDataFor('2027-01-01'));
    assert.throws(
      () => calendar.workingDaysBetween('2026-12-30', '2027-01-05'),
      missingDataFor('2027-01-01'),
    );
  });

  test('an admin-loaded year makes it work', () => {
    const loaded = createWorkingDayCalendar({ extraYears: [year2027] });
    assert.ok(loaded.coveredYears.includes(2027));
    assert.equal(loaded.isWorkingDay('2027-01-01'), false); // a Friday, New Year's Day
    assert.equal(loaded.isWorkingDay('2027-02-13'), true); // a make-up Saturday
    // 29, 30, 31 Dec 2026 (31 Dec a Thursday); 1 Jan 2027 off; 4, 5, 6, 7 Jan; 8 Jan.
    assert.equal(loaded.addWorkingDays('2026-12-28', 8), '2027-01-08');
  });
});

describe('admin changes', () => {
  test('an override turning a working day off shifts the deadline', () => {
    const withOverride = createWorkingDayCalendar({
      overrides: [{ date: '2024-10-10', kind: 'day_off', note: 'test: city-wide closure' }],
    });
    assert.equal(withOverride.isWorkingDay('2024-10-10'), false);
    assert.equal(withOverride.addWorkingDays('2024-09-30', 8), '2024-10-17');
    assert.equal(calendar.addWorkingDays('2024-09-30', 8), '2024-10-16'); // other calendars unchanged
  });

  test('an override wins over a holiday and over an admin-loaded year', () => {
    const c = createWorkingDayCalendar({
      extraYears: [year2027],
      overrides: [
        { date: '2025-10-01', kind: 'working_day' },
        { date: '2027-02-13', kind: 'day_off' },
      ],
    });
    assert.equal(c.isWorkingDay('2025-10-01'), true);
    assert.equal(c.isWorkingDay('2027-02-13'), false);
  });

  test('an override outside the covered years answers for its own day only', () => {
    const c = createWorkingDayCalendar({ overrides: [{ date: '2027-01-04', kind: 'working_day' }] });
    assert.equal(c.isWorkingDay('2027-01-04'), true);
    assert.throws(() => c.isWorkingDay('2027-01-05'), missingDataFor('2027-01-05'));
    assert.equal(c.coveredYears.includes(2027), false);
  });

  test('a loaded year replaces the official data for that year', () => {
    const c = createWorkingDayCalendar({ extraYears: [{ year: 2025, daysOff: [], makeUpWorkingDays: [] }] });
    assert.equal(c.isWorkingDay('2025-01-28'), true);
    assert.equal(c.isWorkingDay('2025-01-26'), false);
  });

  test('refuses inconsistent admin data', () => {
    const refused = (opts: Parameters<typeof createWorkingDayCalendar>[0]): void => {
      assert.throws(
        () => createWorkingDayCalendar(opts),
        (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
      );
    };
    refused({ extraYears: [{ ...year2027, daysOff: ['2028-01-03'] }] });
    refused({ extraYears: [{ ...year2027, makeUpWorkingDays: ['2027-02-15'] }] }); // a Monday
    refused({ extraYears: [{ ...year2027, makeUpWorkingDays: ['2027-01-01'] }] }); // also a day off
    refused({ extraYears: [{ ...year2027, daysOff: ['2027-02-29'] }] });
    refused({ overrides: [{ date: '2025-13-01', kind: 'day_off' }] });
    refused({
      overrides: [
        { date: '2025-03-12', kind: 'day_off' },
        { date: '2025-03-12', kind: 'working_day' },
      ],
    });
  });
});

describe('provisional calendar for unpublished years', () => {
  test('weekends and the fixed-date statutory holidays only', () => {
    const p = calendar.provisional;
    assert.equal(p.isWorkingDay('2027-01-01'), false); // New Year's Day, a Friday
    assert.equal(p.isWorkingDay('2027-01-04'), true); // Monday
    assert.equal(p.isWorkingDay('2027-01-09'), false); // Saturday
    assert.equal(p.isWorkingDay('2027-05-03'), true); // Monday: Labour Day is 1–2 May (a weekend in 2027)
    for (const d of ['2027-10-01', '2028-05-01', '2028-05-02', '2028-10-02', '2028-10-03'])
      assert.equal(p.isWorkingDay(d), false, d);
    // Lunar holidays are not guessed: 2027's Spring Festival day (6 February) is a Saturday anyway,
    // 8 February a Monday counted as a working day until the year is loaded.
    assert.equal(p.isWorkingDay('2027-02-08'), true);
    // Published years are answered from the official data, make-up days included.
    assert.equal(p.isWorkingDay('2025-01-26'), true);
    assert.equal(p.isWorkingDay('2025-10-06'), false);
    assert.equal(p.provisional, p);
  });

  test('a due date running into 2027 is computed and marked provisional', () => {
    // 21, 22, 23, 24, 25, 28, 29, 30 December 2026: still all in 2026.
    assert.deepEqual(dueDate(calendar, '2026-12-18', 8), { dueBy: '2026-12-30', dueByProvisional: false });
    // 29, 30, 31 Dec; 1 Jan off; 4, 5, 6, 7, 8 Jan.
    assert.deepEqual(dueDate(calendar, '2026-12-28', 8), { dueBy: '2027-01-08', dueByProvisional: true });
    assert.deepEqual(dueDate(calendar, '2027-04-28', 8), { dueBy: '2027-05-10', dueByProvisional: true });
    assert.deepEqual(dueDate(calendar, '2026-12-31', 1), { dueBy: '2027-01-04', dueByProvisional: true });
    // The official calendar itself still refuses.
    assert.throws(() => calendar.addWorkingDays('2026-12-28', 8), missingDataFor('2027-01-01'));
  });

  test('a loaded year makes it official, overrides count in provisional years', () => {
    const loaded = createWorkingDayCalendar({ extraYears: [year2027] });
    assert.deepEqual(dueDate(loaded, '2026-12-28', 8), { dueBy: '2027-01-08', dueByProvisional: false });
    assert.deepEqual(dueDate(loaded, '2027-02-04', 2), { dueBy: '2027-02-13', dueByProvisional: false });
    const closed = createWorkingDayCalendar({ overrides: [{ date: '2027-01-04', kind: 'day_off' }] });
    assert.deepEqual(dueDate(closed, '2026-12-28', 8), { dueBy: '2027-01-11', dueByProvisional: true });
  });

  test('reachesUncovered looks at the days after `from` only', () => {
    assert.equal(calendar.reachesUncovered('2026-12-30', '2026-12-31'), false);
    assert.equal(calendar.reachesUncovered('2026-12-31', '2027-01-01'), true);
    assert.equal(calendar.reachesUncovered('2027-01-04', '2027-01-04'), false);
    assert.equal(calendar.reachesUncovered('2025-12-31', '2026-01-05'), false);
  });
});
