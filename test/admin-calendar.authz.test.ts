// The admin's calendar: only an admin may change it; past the data due dates are provisional and
// a loaded year recounts them;
// an override moves a due date; every change is audited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { auditLog } from '../src/db/schema/index.ts';

// Tuesday 2026-12-22: 8 working days later is in 2027, past the calendar package's data.
const LATE_DECEMBER = '2026-12-22T09:00:00+08:00';

for (const target of dbTargets()) {
  describe(`admin calendar on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, LATE_DECEMBER);
    });
    after(() => p.close());

    const apply = async (phone: string, seq: number) => {
      const token = await p.residentToken(phone);
      await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: '测试', idNumber: makeTestIdNumber('110101', '1990-01-01', seq) },
      });
      return p.call('POST', '/api/v1/applications', {
        token,
        body: {
          type: 'registration_card',
          address: { districtCode: '110108', street: '110108015', detail: '中关村大街 1 号' },
          materials: [photo, proofOfAddress],
        },
        lang: 'en',
      });
    };

    test('only an admin may change the calendar', async () => {
      const body = { kind: 'day_off' };
      assert.equal(
        (await p.call('PUT', '/api/v1/admin/calendar/overrides/2027-01-04', { body })).statusCode,
        401,
      );
      for (const user of ['officer-110105', 'clerk-110101', 'police-110108']) {
        const token = await p.staffToken(user);
        const res = await p.call('PUT', '/api/v1/admin/calendar/overrides/2027-01-04', { token, body });
        assert.equal(res.statusCode, 403, user);
        assert.equal(res.json().error.code, 'FORBIDDEN');
      }
      const resident = await p.residentToken('13800000001');
      assert.equal(
        (await p.call('GET', '/api/v1/admin/calendar?month=2026-12', { token: resident })).statusCode,
        403,
      );
    });

    test('past the data a due date is provisional, and recounted when the admin loads the year', async () => {
      // 23, 24, 25, 28, 29, 30, 31 Dec; 1 Jan (New Year, fixed by law) off; 4 Jan.
      const first = await apply('13700000001', 11);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().dueBy, '2027-01-04');
      assert.equal(first.json().dueByProvisional, true);
      const resident = await p.residentToken('13700000001');
      const own = await p.call('GET', `/api/v1/applications/${first.json().id}`, { token: resident });
      assert.equal(own.json().dueByProvisional, true, 'the resident sees the due date is provisional');

      const officer = await p.staffToken('officer-110108');
      const detail = await p.call('GET', `/api/v1/staff/applications/${first.json().id}`, { token: officer });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().dueByProvisional, true);
      assert.equal(detail.json().workingDaysLeft, 8, 'counted down on the provisional calendar');
      const queue = await p.call('GET', '/api/v1/staff/applications', { token: officer });
      const row = queue.json().items.find((i: { id: string }) => i.id === first.json().id);
      assert.equal(row.dueByProvisional, true);

      const admin = await p.staffToken('admin');
      const month = await p.call('GET', '/api/v1/admin/calendar?month=2027-01', { token: admin });
      assert.equal(month.json().days[0].working, null, 'no official data for 2027 yet');

      // A test arrangement for 2027 (the official one was not published when this was written):
      // New Year's Day and the Monday after it off.
      const loaded = await p.call('PUT', '/api/v1/admin/calendar/years/2027', {
        token: admin,
        body: { daysOff: ['2027-01-01', '2027-01-04'], makeUpWorkingDays: [] },
      });
      assert.equal(loaded.statusCode, 204, loaded.body);
      const recounted = await p.call('GET', `/api/v1/applications/${first.json().id}`, { token: resident });
      assert.equal(recounted.json().dueBy, '2027-01-05', 'the loaded year moved the due date');
      assert.equal(recounted.json().dueByProvisional, false);
      const audit = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'application.due_date_recomputed'));
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]?.details, { from: '2027-01-04', to: '2027-01-05', provisional: false });

      p.clock.advance(61_000);
      const accepted = await apply('13700000002', 13);
      assert.equal(accepted.statusCode, 201, accepted.body);
      assert.equal(accepted.json().dueBy, '2027-01-05');
      assert.equal(accepted.json().dueByProvisional, false);

      const override = await p.call('PUT', '/api/v1/admin/calendar/overrides/2026-12-31', {
        token: admin,
        body: { kind: 'day_off', note: '测试：临时调整' },
      });
      assert.equal(override.statusCode, 204);
      const december = await p.call('GET', '/api/v1/admin/calendar?month=2026-12', { token: admin });
      assert.deepEqual(
        december.json().days.find((d: { date: string }) => d.date === '2026-12-31'),
        { date: '2026-12-31', working: false, override: 'day_off', note: '测试：临时调整' },
        'the month shows the override with its note',
      );
      const after = await apply('13700000003', 15);
      assert.equal(
        after.json().dueBy,
        '2027-01-06',
        'one working day fewer before New Year moves the due date',
      );
      const settled = await p.call('GET', `/api/v1/applications/${accepted.json().id}`, {
        token: await p.residentToken('13700000002'),
      });
      assert.equal(settled.json().dueBy, '2027-01-05', 'an official due date is not recounted');

      const audited = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'calendar.override_set'));
      assert.equal(audited.length, 1);
      assert.equal(audited[0]?.subjectId, '2026-12-31');
    });

    test('an inconsistent year is refused and changes nothing', async () => {
      const admin = await p.staffToken('admin');
      const res = await p.call('PUT', '/api/v1/admin/calendar/years/2028', {
        token: admin,
        body: { daysOff: ['2027-05-01'], makeUpWorkingDays: [] },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      const month = await p.call('GET', '/api/v1/admin/calendar?month=2028-01', { token: admin });
      assert.equal(month.json().days[0].working, null);
    });
  });
}
