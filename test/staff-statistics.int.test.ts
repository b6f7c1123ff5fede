// GET /api/v1/staff/statistics (issue 7), on every database: the figures an officer (own
// district) and an admin (the city, or one district) see equal what the tables hold, counted
// here by direct queries; other roles are refused, another district is NOT_FOUND.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

const PERIOD = '?from=2025-06-01&to=2025-06-30';

for (const target of dbTargets()) {
  describe(`GET /api/v1/staff/statistics on ${target.name}`, () => {
    let p: TestPlatform;
    const stats = async (token: string, query = PERIOD) => {
      const res = await p.call('GET', `/api/v1/staff/statistics${query}`, { token });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    /** What the database holds, counted without the service. */
    const direct = async (where: string): Promise<number> => {
      const res = await p.database.db.execute(
        sql.raw(`select count(*)::int as n from applications where ${where}`),
      );
      const rows = (res as { rows: { n: number }[] }).rows;
      return Number(rows[0]?.n);
    };

    before(async () => {
      // Tuesday 2025-06-10: five window applications in 朝阳区, one in 海淀区.
      p = await startPlatform(target, '2025-06-10T09:00:00+08:00');
      const intake = async (district: string, street: string, seq: number) => {
        const clerk = await p.staffToken(`clerk-${district}`);
        const res = await p.call('POST', '/api/v1/staff/applications', {
          token: clerk,
          body: {
            type: 'registration_card',
            address: { districtCode: district, street, detail: '某路 1 号' },
            applicant: { name: '韩梅', idNumber: makeTestIdNumber('340104', '1990-01-01', seq) },
            materialsChecked: ['photo', 'proof_of_address'],
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push(await intake('110105', '110105003', 100 + i));
      await intake('110108', '110108001', 200);
      const officer = await p.staffToken('officer-110105');
      const decide = async (id: string, body: object) => {
        const res = await p.call('POST', `/api/v1/staff/applications/${id}/decision`, {
          token: officer,
          body,
        });
        assert.equal(res.statusCode, 200, res.body);
      };
      await decide(ids[0]!, { decision: 'approve' }); // in time, week 24
      await decide(ids[1]!, { decision: 'request_materials', missing: ['photo'] });
      p.clock.set(new Date('2025-06-24T10:00:00+08:00')); // past the due date (06-20), week 26
      const late = await p.staffToken('officer-110105');
      const res = await p.call('POST', `/api/v1/staff/applications/${ids[2]}/decision`, {
        token: late,
        body: { decision: 'reject', reason: '地址不实' },
      });
      assert.equal(res.statusCode, 200, res.body);
    });
    after(() => p.close());

    test("an officer sees the district's figures, equal to what the tables hold", async () => {
      const s = await stats(await p.staffToken('officer-110105'));
      assert.equal(s.districtCode, '110105');
      const inDistrict = "district_code = '110105'";
      assert.equal(s.applications.total, await direct(inDistrict));
      assert.equal(s.applications.total, 5);
      for (const { status, count } of s.applications.byStatus) {
        assert.equal(count, await direct(`${inDistrict} and status = '${status}'`), status);
      }
      assert.deepEqual(s.applications.byChannel, [{ channel: 'window', count: 5 }]);
      assert.deepEqual(s.applications.byDistrict, [{ districtCode: '110105', count: 5 }]);
      assert.deepEqual(s.decidedInTime, { decided: 2, withinLimit: 1, share: 0.5 });
      assert.equal(
        s.overdueNow,
        await direct(
          `${inDistrict} and status in ('submitted','resubmitted','approved') and due_by < '2025-06-24'`,
        ),
      );
      assert.equal(s.overdueNow, 2);
      assert.deepEqual(
        s.decisionsByWeek.map(
          (w: { week: string; approved: number; rejected: number; materialsRequested: number }) => [
            w.week,
            w.approved,
            w.rejected,
            w.materialsRequested,
          ],
        ),
        [
          ['2025-W24', 1, 0, 1],
          ['2025-W26', 0, 1, 0],
        ],
      );
      assert.equal(s.decisionsByStation.length, 1);
      assert.equal(s.decisionsByStation[0].approved + s.decisionsByStation[0].rejected, 2);
    });

    test('an admin sees the city, or one district', async () => {
      const admin = await p.staffToken('admin');
      const city = await stats(admin);
      assert.equal(city.districtCode, null);
      assert.equal(city.applications.total, await direct('true'));
      assert.deepEqual(city.applications.byDistrict, [
        { districtCode: '110105', count: 5 },
        { districtCode: '110108', count: 1 },
      ]);
      const haidian = await stats(admin, `${PERIOD}&districtCode=110108`);
      assert.equal(haidian.applications.total, 1);
      assert.equal(haidian.decidedInTime.share, null, 'nothing decided there');
      const empty = await stats(admin, '?from=2025-07-01&to=2025-07-31');
      assert.equal(empty.applications.total, 0);
    });

    test('who may ask: 401, 403 for other roles, 404 for an officer asking of another district', async () => {
      assertError(await p.call('GET', `/api/v1/staff/statistics${PERIOD}`), 401, 'UNAUTHENTICATED');
      for (const token of [
        await p.residentToken('13800000001'),
        await p.staffToken('clerk-110105'),
        await p.staffToken('police-110105'),
      ]) {
        assertError(await p.call('GET', `/api/v1/staff/statistics${PERIOD}`, { token }), 403, 'FORBIDDEN');
      }
      const officer = await p.staffToken('officer-110105');
      assertError(
        await p.call('GET', `/api/v1/staff/statistics${PERIOD}&districtCode=110108`, { token: officer }),
        404,
        'NOT_FOUND',
      );
      assertError(
        await p.call('GET', '/api/v1/staff/statistics?from=2025-06-30&to=2025-06-01', { token: officer }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
}
