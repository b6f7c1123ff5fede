import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingDayCalendar } from '../calendar/working-days.ts';
import { workingDaysLeft } from './time-left.ts';

const calendar = createWorkingDayCalendar();

test('counts working days on the official calendar, the National Day week skipped', () => {
  // Accepted Monday 2025-09-29; 8 working days later is 2025-10-16 (Oct 1–8 off, Saturday Oct 11 worked).
  const due = calendar.addWorkingDays('2025-09-29', 8);
  assert.equal(due, '2025-10-16');
  assert.equal(workingDaysLeft(calendar, 'submitted', due, '2025-09-29'), 8);
  assert.equal(workingDaysLeft(calendar, 'submitted', due, '2025-10-08'), 7, 'the holiday used none of them');
  assert.equal(workingDaysLeft(calendar, 'resubmitted', due, due), 0, 'the due date itself');
});

test('negative once the due date has passed', () => {
  assert.equal(workingDaysLeft(calendar, 'approved', '2025-06-10', '2025-06-11'), -1);
  assert.equal(
    workingDaysLeft(calendar, 'submitted', '2025-06-13', '2025-06-16'),
    -1,
    'the weekend is no day',
  );
});

test('no count while the applicant holds it or once it is decided', () => {
  for (const status of ['needs_materials', 'issued', 'rejected', 'withdrawn'] as const) {
    assert.equal(workingDaysLeft(calendar, status, '2025-06-10', '2025-06-01'), null, status);
  }
});
