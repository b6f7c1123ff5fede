// The two refusals of a cancellation: the deadline named as a time in Beijing (whatever the
// server's time zone), and a booking no longer active named by its status, in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage } from './error-messages.ts';

// 11:00 in Beijing is 03:00 UTC: a server on UTC must not say 03:00.
const deadline = '2026-10-07T03:00:00.000Z';

test('CANCELLATION_CLOSED names the deadline, in Beijing time and the reader’s language', () => {
  assert.match(
    errorMessage('CANCELLATION_CLOSED', 'zh-CN', { deadline }),
    /北京时间2026年10月7日 11:00）已过/,
  );
  assert.match(
    errorMessage('CANCELLATION_CLOSED', 'en', { deadline }),
    /\(Oct 7, 2026, 11:00\sAM, Beijing time\)/,
  );
  assert.match(
    errorMessage('CANCELLATION_CLOSED', 'es', { deadline }),
    /\(7 oct 2026, 11:00, hora de Pekín\)/,
  );
  for (const lang of ['zh-CN', 'en', 'es'] as const) {
    assert.doesNotMatch(errorMessage('CANCELLATION_CLOSED', lang, { deadline }), /[{}]|hours|小时|horas/);
  }
});

test('BOOKING_NOT_ACTIVE names the status with the wallet’s words', () => {
  assert.match(errorMessage('BOOKING_NOT_ACTIVE', 'zh-CN', { appointmentStatus: 'no_show' }), /“未到”/);
  assert.match(errorMessage('BOOKING_NOT_ACTIVE', 'en', { appointmentStatus: 'cancelled' }), /is cancelled;/);
  assert.match(errorMessage('BOOKING_NOT_ACTIVE', 'es', { appointmentStatus: 'checked_in' }), /«registrada»/);
});
