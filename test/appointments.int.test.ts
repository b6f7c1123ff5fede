// Window appointments end to end (R3): slots on the official calendar's working days, booking with
// a confirmation SMS, one active booking per purpose, capacity, cancellation cut-off, and the
// window's check-in and no-show.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';

const STATION = 'ps-110105-jg'; // 建外派出所, where clerk-110105 works
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

for (const target of dbTargets()) {
  describe(`appointments on ${target.name}`, () => {
    let p: TestPlatform;
    let wang: string;
    let li: string;
    before(async () => {
      // Wednesday 30 September 2026: the National Day holiday follows (1–7 October, and 25 September
      // was Mid-Autumn), with Saturday 10 October a make-up working day.
      p = await startPlatform(target, '2026-09-30T10:00:00+08:00');
      wang = await p.residentToken('13800000001');
      li = await p.residentToken('13800000002');
    });
    after(() => p.close());
    const book = (token: string, start: string, purpose = 'application') =>
      p.call('POST', '/api/v1/appointments', { token, body: { stationId: STATION, start, purpose } });

    test('slots only on working days of the official calendar, and only ahead of now', async () => {
      const res = await p.call('GET', `/api/v1/stations/${STATION}/slots?from=2026-09-30&to=2026-10-11`);
      assert.equal(res.statusCode, 200, res.body);
      const slots: { start: string; capacity: number; available: number }[] = res.json();
      const days = [
        ...new Set(
          slots.map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(0, 10)),
        ),
      ];
      assert.deepEqual(days, ['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
      assert.equal(slots.length, 10 + 3 * 13);
      assert.equal(slots[0]?.start, at('2026-09-30T10:30:00'));
      assert.ok(slots.every((s) => s.capacity === 4 && s.available === 4));
      assertError(await p.call('GET', '/api/v1/stations/nowhere/slots'), 404, 'NOT_FOUND');
      assertError(
        await p.call('GET', `/api/v1/stations/${STATION}/slots?from=2026-10-09&to=2026-10-01`),
        400,
        'VALIDATION_FAILED',
      );
    });

    test('book: 201, a confirmation SMS, listed; a second of the same purpose 409; bad times 422', async () => {
      const res = await book(wang, at('2026-10-08T09:00:00'));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().status, 'booked');
      const sms = (await p.call('GET', '/api/v1/dev/outbox?to=13800000001')).json()[0];
      assert.match(sms.text, /2026年10月08日 09:00在建外派出所/);
      assert.deepEqual(
        (await p.call('GET', '/api/v1/appointments', { token: wang }))
          .json()
          .map((a: { id: string }) => a.id),
        [res.json().id],
      );
      assertError(await book(wang, at('2026-10-09T09:00:00')), 409, 'ALREADY_BOOKED');
      assert.equal((await book(wang, at('2026-10-09T09:00:00'), 'replacement')).statusCode, 201);
      for (const [start, reason] of [
        [at('2026-09-30T09:00:00'), 'past'],
        [at('2026-10-01T09:00:00'), 'day_off'],
        [at('2026-10-08T09:10:00'), 'not_a_slot'],
        [at('2026-10-30T09:00:00'), 'too_far'],
      ] as const) {
        const refused = await book(li, start);
        assertError(refused, 422, 'SLOT_UNAVAILABLE');
        assert.equal(refused.json().error.details.reason, reason);
      }
      assertError(await book(li, 'tomorrow'), 400, 'VALIDATION_FAILED');
    });

    test('capacity set by an admin: the slot full is 409 SLOT_FULL; a cancelled place is free again', async () => {
      const admin = await p.staffToken('admin');
      const schedule = {
        periods: ['09:00-12:00'],
        slotMinutes: 60,
        capacity: 2,
        cancelCutoffMinutes: 1440,
        bookAheadDays: 14,
      };
      const set = await p.call('PUT', `/api/v1/admin/stations/${STATION}/appointment-schedule`, {
        token: admin,
        body: schedule,
      });
      assert.equal(set.statusCode, 200, set.body);
      const slot = at('2026-10-10T10:00:00');
      const a = await book(li, slot);
      assert.equal(a.statusCode, 201, a.body);
      // The station's cut-off, from the server: the deadline is shown before anyone tries to cancel.
      const dayBefore = new Date(at('2026-10-09T10:00:00')).toISOString();
      assert.deepEqual([a.json().cancellableUntil, a.json().cancellable], [dayBefore, true]);
      assert.equal((await book(await p.residentToken('13800000003'), slot)).statusCode, 201);
      assertError(await book(await p.residentToken('13800000004'), slot), 409, 'SLOT_FULL');
      const listed = (
        await p.call('GET', `/api/v1/stations/${STATION}/slots?from=2026-10-10&to=2026-10-10`)
      ).json();
      assert.deepEqual(
        listed.map((s: { available: number }) => s.available),
        [2, 0, 2],
      );
      assert.equal(listed[1].cancellableUntil, dayBefore, 'a slot says its cancellation deadline');
      const mine = (await p.call('GET', '/api/v1/appointments', { token: li })).json();
      assert.deepEqual(
        mine
          .filter((m: { id: string }) => m.id === a.json().id)
          .map((m: { cancellableUntil: string }) => m.cancellableUntil),
        [dayBefore],
      );
      const cancelled = await p.call('DELETE', `/api/v1/appointments/${a.json().id}`, { token: li });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.deepEqual([cancelled.json().cancellableUntil, cancelled.json().cancellable], [null, false]);
      // Cancelling twice: nothing left to cancel, said with its own code and the booking's status.
      const twice = await p.call('DELETE', `/api/v1/appointments/${a.json().id}`, { token: li });
      assertError(twice, 409, 'BOOKING_NOT_ACTIVE');
      assert.equal(twice.json().error.details.status, 'cancelled');
      assert.match(twice.json().error.message, /已取消/);
      assertError(
        await p.call('DELETE', `/api/v1/appointments/${a.json().id}`, { token: wang }),
        404,
        'NOT_FOUND',
      );
      assert.equal((await book(await p.residentToken('13800000004'), slot)).statusCode, 201);
      // Within the 24-hour cut-off a booking stands.
      const late = await book(li, at('2026-10-08T11:00:00'));
      p.clock.set(new Date(at('2026-10-07T12:00:00')));
      li = await p.residentToken('13800000002'); // the earlier session has run out
      // Past the deadline the list says so before the resident tries: no longer cancellable.
      const listedLate = (await p.call('GET', '/api/v1/appointments', { token: li }))
        .json()
        .find((m: { id: string }) => m.id === late.json().id);
      assert.deepEqual(
        [listedLate.cancellableUntil, listedLate.cancellable],
        [new Date(at('2026-10-07T11:00:00')).toISOString(), false],
      );
      // Too late: the refusal names the deadline itself, in Beijing time and the reader's language.
      const deadline = new Date(at('2026-10-07T11:00:00')).toISOString();
      for (const [lang, named] of [
        ['zh-CN', /北京时间2026年10月7日 11:00/],
        ['en', /Oct 7, 2026, 11:00\sAM, Beijing time/],
        ['es', /7 oct 2026, 11:00, hora de Pekín/],
      ] as const) {
        const tooLate = await p.call('DELETE', `/api/v1/appointments/${late.json().id}`, { token: li, lang });
        assertError(tooLate, 409, 'CANCELLATION_CLOSED');
        assertMessageIn(tooLate, 'CANCELLATION_CLOSED', lang);
        assert.match(tooLate.json().error.message, named);
        assert.equal(tooLate.json().error.details.cancellableUntil, deadline);
      }
    });

    test('the window: the day’s list, check-in on the day, no-show once the slot began; other stations see nothing', async () => {
      p.clock.set(new Date(at('2026-10-08T08:30:00')));
      const clerk = await p.staffToken('clerk-110105');
      const day = (
        await p.call('GET', '/api/v1/staff/appointments?date=2026-10-08', { token: clerk })
      ).json();
      assert.equal(day.length, 2);
      const [first, second] = day as {
        id: string;
        start: string;
        resident: { name: string; idNumber: string };
      }[];
      // Who is coming, masked as a queue at the window may see the screen.
      for (const row of [first!, second!]) {
        assert.match(row.resident.name, /^\p{Script=Han}\*+$/u);
        assert.match(row.resident.idNumber, /^\d{4}\*+\d{3}[\dX]$/);
      }
      assertError(
        await p.call('POST', `/api/v1/staff/appointments/${first!.id}/no-show`, { token: clerk }),
        409,
        'INVALID_TRANSITION',
      );
      const checked = await p.call('POST', `/api/v1/staff/appointments/${first!.id}/check-in`, {
        token: clerk,
      });
      assert.equal(checked.json().status, 'checked_in');
      // The resident cannot cancel what the window has closed; the message names the status.
      const closedByWindow = await p.call('DELETE', `/api/v1/appointments/${first!.id}`, {
        token: await p.residentToken('13800000001'),
        lang: 'en',
      });
      assertError(closedByWindow, 409, 'BOOKING_NOT_ACTIVE');
      assert.match(closedByWindow.json().error.message, /is checked in;/);
      assertError(
        await p.call('POST', `/api/v1/staff/appointments/${first!.id}/check-in`, { token: clerk }),
        409,
        'INVALID_TRANSITION',
      );
      const elsewhere = await p.staffToken('clerk-110108');
      assertError(
        await p.call('POST', `/api/v1/staff/appointments/${second!.id}/check-in`, { token: elsewhere }),
        404,
        'NOT_FOUND',
      );
      p.clock.set(new Date(at('2026-10-08T11:10:00')));
      // Hours later: the first sign-in ended after 30 idle minutes; the clerk signs in again.
      const later = await p.staffToken('clerk-110105');
      const gone = await p.call('POST', `/api/v1/staff/appointments/${second!.id}/no-show`, { token: later });
      assert.equal(gone.json().status, 'no_show');
    });
  });
}
