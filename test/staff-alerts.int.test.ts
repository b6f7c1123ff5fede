// The console's alerts (GET /staff/alerts) on every database target: after the morning jobs, an
// officer reads the station's overdue reviews and community police its overdue visits, newest
// first, each pointing at something they may open; an alert that no longer stands (the visit made)
// stays listed but no longer counts. Clerks and admins are refused; another station's community
// police see none of these; the text is in the reader's language.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { applyAsNewcomer } from './support/apply-as-newcomer.ts';
import { assertError } from './support/assert-error.ts';
import { createJobRunner } from '../src/services/jobs/runner.ts';
import { platformJobs } from '../src/services/jobs/platform-jobs.ts';
import type { AlertPage } from '../src/http/schemas/alerts.ts';

// Monday 1 June 2026 in Beijing; two weeks later every seeded visit (5 working days) is overdue.
const MONDAY = '2026-06-01T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`station alerts on ${target.name}`, () => {
    let p: TestPlatform;
    let applicationId: string;
    const alerts = async (who: string, query = '', lang?: string) => {
      const res = await p.call('GET', `/api/v1/staff/alerts${query}`, {
        token: await p.staffToken(who),
        ...(lang ? { lang } : {}),
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<AlertPage>();
    };

    before(async () => {
      p = await startPlatform(target, MONDAY);
      const { application } = await applyAsNewcomer(p, {
        phone: '13700000201',
        name: '测试',
        id: ['110101', '1990-01-01', 61],
      });
      applicationId = application.id;
      // Past the application's 8 working days and the seeded visits' 5: the morning jobs alert.
      p.clock.set(new Date('2026-06-15T08:30:00+08:00'));
      const runner = createJobRunner(p.ctx, platformJobs, { id: 'alerts-test' });
      for (const job of ['overdue-review-alerts', 'overdue-visit-alerts']) {
        const run = await runner.runNow(job);
        assert.equal(run.error, undefined, run.error);
      }
    });
    after(() => p.close());

    test("an officer reads the station's overdue reviews, each opening its application", async () => {
      const page = await alerts('officer-110105');
      assert.ok(page.items.length > 0);
      assert.ok(page.items.every((a) => a.kind === 'review_overdue' && a.subject.kind === 'application'));
      const mine = page.items.find((a) => a.subject.id === applicationId);
      assert.ok(mine, 'the overdue application is alerted');
      assert.equal(mine.open, true);
      // Named as the queue names it (applicant, kind, day accepted), never by its id.
      assert.equal(mine.text, '测试的居住登记卡申请（2026年6月1日受理）已超过办结期限（2026年6月11日）。');
      assert.ok(!page.items.some((a) => a.text.includes(a.subject.id)), 'no alert names an id');
      const es = (await alerts('officer-110105', '', 'es')).items.find((a) => a.subject.id === applicationId);
      assert.equal(
        es?.text,
        'La solicitud de tarjeta de registro de 测试, aceptada el 1/6/2026, ha superado su plazo (11/6/2026).',
      );
      const opened = await p.call('GET', `/api/v1/staff/applications/${applicationId}`, {
        token: await p.staffToken('officer-110105'),
      });
      assert.equal(opened.statusCode, 200, opened.body);
    });

    test('community police read the overdue visits of their streets, newest first, in their language', async () => {
      const page = await alerts('police-110105', '', 'es');
      assert.ok(page.items.length > 0, 'the demo visits of 朝阳 are overdue');
      assert.equal(page.open, page.total);
      assert.ok(page.items.every((a) => a.kind === 'visit_overdue' && a.open));
      assert.match(
        page.items[0]!.text,
        /^La visita de verificación en .+ ha superado su plazo \(\d+\/\d+\/2026\)\.$/,
      );
      const times = page.items.map((a) => a.createdAt);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      const token = await p.staffToken('police-110105');
      for (const a of page.items) {
        const visit = await p.call('GET', `/api/v1/staff/visits/${a.subject.id}`, { token });
        assert.equal(visit.statusCode, 200, visit.body);
        assert.equal(visit.json().dueOn, a.dueOn);
      }
      const other = await alerts('police-110108');
      assert.ok(
        other.items.every((a) => !page.items.some((b) => b.id === a.id)),
        "海淀's police see none of 朝阳's alerts",
      );
    });

    test('a visit made: its alert stays listed, no longer open, and the count drops', async () => {
      const before = await alerts('police-110105');
      const first = before.items[0]!;
      const made = await p.call('POST', `/api/v1/staff/visits/${first.subject.id}/outcome`, {
        token: await p.staffToken('police-110105'),
        body: { outcome: 'confirmed' },
      });
      assert.equal(made.statusCode, 200, made.body);
      const now = await alerts('police-110105');
      assert.equal(now.total, before.total);
      assert.equal(now.open, before.open - 1);
      assert.equal(now.items.find((a) => a.id === first.id)?.open, false);
      const one = await alerts('police-110105', '?limit=1&offset=1');
      assert.deepEqual(
        one.items.map((a) => a.id),
        [before.items[1]?.id].filter(Boolean),
      );
      assert.equal(one.total, before.total);
    });

    test('clerks, admins and residents are refused; bad paging is named', async () => {
      for (const who of ['clerk-110105', 'admin']) {
        const res = await p.call('GET', '/api/v1/staff/alerts', { token: await p.staffToken(who) });
        assertError(res, 403, 'FORBIDDEN');
      }
      const resident = await p.call('GET', '/api/v1/staff/alerts', {
        token: await p.residentToken('13700000201'),
      });
      assertError(resident, 403, 'FORBIDDEN');
      assertError(await p.call('GET', '/api/v1/staff/alerts'), 401, 'UNAUTHENTICATED');
      const bad = await p.call('GET', '/api/v1/staff/alerts?limit=0', {
        token: await p.staffToken('officer-110105'),
      });
      assertError(bad, 400, 'VALIDATION_FAILED');
      assert.equal(bad.json().error.field, 'limit');
    });
  });
}
