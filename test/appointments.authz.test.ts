// Who may do what with appointments (DESIGN §4): check-in and no-show are the clerk's, at their own
// station (another station's appointment is NOT_FOUND); the schedule is the admin's; booking,
// listing and cancelling are the resident's own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';

const STATION = 'ps-110105-jg';

for (const target of dbTargets()) {
  describe(`appointment authorization on ${target.name}`, () => {
    let p: TestPlatform;
    let resident: string;
    let appointmentId: string;
    before(async () => {
      p = await startPlatform(target, '2026-10-08T08:00:00+08:00');
      resident = await p.residentToken('13800000001');
      const booked = await p.call('POST', '/api/v1/appointments', {
        token: resident,
        body: { stationId: STATION, start: '2026-10-08T01:30:00.000Z', purpose: 'application' },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      appointmentId = booked.json().id;
    });
    after(() => p.close());

    test('staff routes: 401 without a token, 403 for resident, officer, police and admin, 404 for another station', async () => {
      const routes = [
        ['GET', '/api/v1/staff/appointments'],
        ['POST', `/api/v1/staff/appointments/${appointmentId}/check-in`],
        ['POST', `/api/v1/staff/appointments/${appointmentId}/no-show`],
      ] as const;
      for (const [method, url] of routes) {
        assert.equal((await p.call(method, url)).statusCode, 401, url);
        assert.equal((await p.call(method, url, { token: resident })).statusCode, 403, url);
        for (const user of ['officer-110105', 'police-110105', 'admin']) {
          assert.equal(
            (await p.call(method, url, { token: await p.staffToken(user) })).statusCode,
            403,
            `${user} ${url}`,
          );
        }
      }
      const other = await p.staffToken('clerk-110101');
      assert.deepEqual((await p.call('GET', '/api/v1/staff/appointments', { token: other })).json(), []);
      assert.equal((await p.call('POST', routes[1][1], { token: other })).statusCode, 404);
      const own = await p.staffToken('clerk-110105');
      assert.equal((await p.call('GET', '/api/v1/staff/appointments', { token: own })).json().length, 1);
      assert.equal((await p.call('POST', routes[1][1], { token: own })).statusCode, 200);
    });

    test('the schedule: admin only', async () => {
      const url = `/api/v1/admin/stations/${STATION}/appointment-schedule`;
      const body = {
        periods: ['09:00-11:00'],
        slotMinutes: 20,
        capacity: 3,
        cancelCutoffMinutes: 60,
        bookAheadDays: 7,
      };
      assert.equal((await p.call('PUT', url, { body })).statusCode, 401);
      for (const token of [
        resident,
        await p.staffToken('clerk-110105'),
        await p.staffToken('officer-110105'),
      ]) {
        assert.equal((await p.call('PUT', url, { token, body })).statusCode, 403);
        assert.equal((await p.call('GET', url, { token })).statusCode, 403);
      }
      const admin = await p.staffToken('admin');
      assert.deepEqual((await p.call('PUT', url, { token: admin, body })).json(), body);
      assert.deepEqual((await p.call('GET', url, { token: admin })).json(), body);
      assert.equal(
        (await p.call('PUT', '/api/v1/admin/stations/nowhere/appointment-schedule', { token: admin, body }))
          .statusCode,
        404,
      );
    });

    test('a resident cannot see or cancel another’s appointment; staff cannot book', async () => {
      const other = await p.residentToken('13800000002');
      assert.deepEqual((await p.call('GET', '/api/v1/appointments', { token: other })).json(), []);
      assert.equal(
        (await p.call('DELETE', `/api/v1/appointments/${appointmentId}`, { token: other })).statusCode,
        404,
      );
      const clerk = await p.staffToken('clerk-110105');
      const booked = await p.call('POST', '/api/v1/appointments', {
        token: clerk,
        body: { stationId: STATION, start: '2026-10-08T02:00:00.000Z', purpose: 'application' },
      });
      assert.equal(booked.statusCode, 403);
    });
  });
}
