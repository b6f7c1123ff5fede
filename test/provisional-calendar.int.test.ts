// A year whose official calendar is not published (2027, past the packaged data): applications are
// still accepted, online and at the window, and on resubmission; their due dates are counted on the
// provisional calendar (weekends, 1 Jan, 1–2 May, 1–3 Oct), marked so for the resident and the
// staff, and recounted when the year is loaded, here from the command line's service; so are the
// due dates of the verification visits of cards issued meanwhile (working days too).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { and, eq } from 'drizzle-orm';
import { loadCalendarYear } from '../src/services/admin/manage-calendar.ts';
import { systemActor } from '../src/services/actor.ts';
import { auditLog, visits } from '../src/db/schema/index.ts';

// Tuesday 28 September 2027: National Day (1 October, a Friday) lies in the next 8 working days.
const BEFORE_NATIONAL_DAY = '2027-09-28T10:00:00+08:00';
const haidian = { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' };

for (const target of dbTargets()) {
  describe(`provisional due dates on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, BEFORE_NATIONAL_DAY);
    });
    after(() => p.close());

    let resident: string;
    let online: string;
    let window: string;

    test('an online application in an unpublished year is accepted with a provisional due date', async () => {
      resident = await p.residentToken('13700000101');
      await p.call('PUT', '/api/v1/me/identity', {
        token: resident,
        body: { name: '测试', idNumber: makeTestIdNumber('110101', '1990-01-01', 41) },
      });
      const res = await p.call('POST', '/api/v1/applications', {
        token: resident,
        body: { type: 'registration_card', address: haidian, materials: [photo, proofOfAddress] },
      });
      assert.equal(res.statusCode, 201, res.body);
      // 29, 30 Sep; 1 Oct off (2–3 Oct a weekend); 4, 5, 6, 7, 8, 11 Oct.
      assert.equal(res.json().dueBy, '2027-10-11');
      assert.equal(res.json().dueByProvisional, true);
      online = res.json().id;
      const listed = (await p.call('GET', '/api/v1/applications', { token: resident })).json();
      assert.equal(listed[0].dueByProvisional, true);
    });

    test('a resubmission restarts the clock on the provisional calendar', async () => {
      const officer = await p.staffToken('officer-110108');
      const asked = await p.call('POST', `/api/v1/staff/applications/${online}/decision`, {
        token: officer,
        body: { decision: 'request_materials', missing: ['photo'], reason: '照片模糊' },
      });
      assert.equal(asked.statusCode, 200, asked.body);
      p.clock.set(new Date('2027-09-30T10:00:00+08:00'));
      resident = await p.residentToken('13700000101'); // the day's session ran out
      const res = await p.call('POST', `/api/v1/applications/${online}/materials`, {
        token: resident,
        body: { materials: [photo] },
      });
      assert.equal(res.statusCode, 200, res.body);
      // 1 Oct off; 4, 5, 6, 7, 8, 11, 12, 13 Oct.
      assert.equal(res.json().dueBy, '2027-10-13');
      assert.equal(res.json().dueByProvisional, true);
    });

    test('a window application too; the staff see the mark and the working days left', async () => {
      const clerk = await p.staffToken('clerk-110108');
      const res = await p.call('POST', '/api/v1/staff/applications', {
        token: clerk,
        body: {
          type: 'registration_card',
          address: haidian,
          applicant: { name: '窗口', idNumber: makeTestIdNumber('110101', '1985-05-05', 43) },
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().dueBy, '2027-10-13');
      assert.equal(res.json().dueByProvisional, true);
      window = res.json().id;
      const detail = await p.call('GET', `/api/v1/staff/applications/${window}`, { token: clerk });
      assert.equal(detail.json().dueByProvisional, true);
      assert.equal(detail.json().workingDaysLeft, 8);
    });

    let visitId: string;
    test("approved, the card's verification visit is due on the provisional calendar too", async () => {
      const officer = await p.staffToken('officer-110108');
      const approved = await p.call('POST', `/api/v1/staff/applications/${online}/decision`, {
        token: officer,
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      // Decided, its due date no longer runs: the console no longer marks it provisional.
      const decided = await p.call('GET', `/api/v1/staff/applications/${online}`, { token: officer });
      assert.equal(decided.json().dueByProvisional, false);
      const listed = await p.call('GET', '/api/v1/staff/visits?status=open', { token: officer });
      assert.equal(listed.statusCode, 200, listed.body);
      const visit = listed
        .json<{
          items: {
            id: string;
            card: { id: string };
            dueOn: string;
            dueOnProvisional: boolean;
            workingDaysLeft: number | null;
          }[];
        }>()
        .items.find((v) => v.card.id === approved.json().issuedCardId);
      assert.ok(visit, 'the new card has its visit');
      // Issued Thursday 30 September: 1 Oct off (2–3 Oct a weekend); 4, 5, 6, 7, 8 Oct.
      assert.equal(visit.dueOn, '2027-10-08');
      assert.equal(visit.dueOnProvisional, true);
      // Counted down on the provisional calendar it was set on, like an application's: the days
      // left are known (not "clock stopped"), 30 September to 8 October.
      assert.equal(visit.workingDaysLeft, 5);
      visitId = visit.id;
    });

    test('loading 2027 recounts both; a year still unpublished keeps the mark', async () => {
      // A test arrangement (not the official one): National Day week 1–7 October off, Saturday
      // 9 October worked.
      const days = ['2027-01-01', ...[1, 4, 5, 6, 7].map((d) => `2027-10-0${d}`)];
      const provisionalVisits = await p.database.db
        .select({ id: visits.id })
        .from(visits)
        .where(eq(visits.dueOnProvisional, true));
      const recounted = await loadCalendarYear(p.ctx, systemActor('cli'), {
        year: 2027,
        daysOff: days,
        makeUpWorkingDays: ['2027-10-09'],
      });
      // The demo's seeded visits (created today) are provisional too: each is recounted.
      assert.equal(recounted.applications, 2);
      assert.equal(recounted.visits, provisionalVisits.length);
      assert.ok(provisionalVisits.some((v) => v.id === visitId));
      assert.equal(recounted.recomputed, 2 + provisionalVisits.length);
      const seen = await p.call('GET', `/api/v1/applications/${online}`, { token: resident });
      // 8, 9 (Sat, worked), 11, 12, 13, 14, 15, 18 Oct.
      assert.equal(seen.json().dueBy, '2027-10-18');
      assert.equal(seen.json().dueByProvisional, false);
      const clerk = await p.staffToken('clerk-110108');
      const detail = await p.call('GET', `/api/v1/staff/applications/${window}`, { token: clerk });
      assert.equal(detail.json().dueBy, '2027-10-18');
      assert.equal(detail.json().dueByProvisional, false);
      // The visit, from 30 September: 8, 9 (Sat, worked), 11, 12, 13 Oct; official now, and audited.
      const visit = await p.call('GET', `/api/v1/staff/visits/${visitId}`, {
        token: await p.staffToken('officer-110108'),
      });
      assert.equal(visit.json().dueOn, '2027-10-13');
      assert.equal(visit.json().dueOnProvisional, false);
      const audited = await p.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'visit.due_date_recomputed'), eq(auditLog.subjectId, visitId)));
      assert.deepEqual(
        audited.map((a) => [a.channel, a.details]),
        [['cli', { from: '2027-10-08', to: '2027-10-13', provisional: false }]],
      );

      // Late December 2027, 2028 not loaded: provisional again.
      p.clock.set(new Date('2027-12-27T10:00:00+08:00'));
      const late = await p.call('POST', '/api/v1/staff/applications', {
        token: await p.staffToken('clerk-110108'),
        body: {
          type: 'registration_card',
          address: haidian,
          applicant: { name: '年末', idNumber: makeTestIdNumber('110101', '1980-02-02', 45) },
          materialsChecked: ['photo', 'proof_of_address'],
        },
      });
      assert.equal(late.statusCode, 201, late.body);
      // 28, 29, 30, 31 Dec; 3, 4, 5, 6 Jan 2028 (1 Jan a Saturday).
      assert.equal(late.json().dueBy, '2028-01-06');
      assert.equal(late.json().dueByProvisional, true);
    });
  });
}
