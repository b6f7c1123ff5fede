// A database of a release before sealing holds the address detail of applications, cards and
// visits in clear. After the migration, start-up seals every such row (in batches of 500) and
// empties the clear column; staff then read the addresses as before.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { applications, cards, visits } from '../src/db/schema/index.ts';
import { openAddress } from '../src/db/repositories/addresses.ts';
import { sealPlainAddresses } from '../src/services/personal-data/seal-plain-addresses.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { intakeAtWindow } from './support/intake-at-window.ts';

const OLD = '团结湖北二条 5 号楼 2 单元 601';

for (const target of dbTargets()) {
  describe(`addresses of an older release (${target.name})`, () => {
    let p: TestPlatform;
    let applicationId: string;
    let cardCount: number;
    let visitCount: number;
    before(async () => {
      p = await startPlatform(target, '2025-06-10T09:00:00+08:00');
      applicationId = await intakeAtWindow(p);
      // Every row as the release before sealing wrote it: the detail in clear, nothing sealed.
      const db = p.database.db;
      for (const table of ['applications', 'cards', 'visits'] as const) {
        await db.execute(
          sql`update ${sql.identifier(table)} set address_detail = ${OLD}, address_detail_sealed = null`,
        );
      }
      // 1,203 more applications in clear: more than two batches.
      await db.execute(sql`
        insert into applications (applicant_id, type, status, channel, station_id, district_code, street_code,
                                  address_detail, accepted_on, due_by, created_at, updated_at)
        select a.applicant_id, a.type, 'withdrawn', a.channel, a.station_id, a.district_code, a.street_code,
               ${OLD} || ' #' || g, a.accepted_on, a.due_by, a.created_at, a.updated_at
          from applications a cross join generate_series(1, 1203) g where a.id = ${applicationId}`);
      cardCount = (await db.select({ id: cards.id }).from(cards)).length;
      visitCount = (await db.select({ id: visits.id }).from(visits)).length;
      assert.ok(cardCount > 0 && visitCount > 0, 'the demo has cards and visits');
    });
    after(() => p.close());

    test('start-up seals every row, empties the clear column, and the addresses read as before', async () => {
      assert.equal(await sealPlainAddresses(p.ctx), 1204 + cardCount + visitCount);
      assert.equal(await sealPlainAddresses(p.ctx), 0, 'a second start has nothing to do');
      for (const table of ['applications', 'cards', 'visits'] as const) {
        const [left] = await queryRows<{ clear: number; unsealed: number }>(
          p.database.db,
          sql`select count(address_detail)::int as clear, count(*) filter (where address_detail_sealed is null)::int
                     as unsealed from ${sql.identifier(table)}`,
        );
        assert.deepEqual(left, { clear: 0, unsealed: 0 }, table);
      }
      const [card] = await p.database.db.select().from(cards).limit(1);
      assert.equal(openAddress(p.ctx.personal, 'cards', card!), OLD);
      const [visit] = await p.database.db.select().from(visits).limit(1);
      assert.equal(openAddress(p.ctx.personal, 'visits', visit!), OLD);
      const [other] = await queryRows<{ n: number }>(
        p.database.db,
        sql`select count(*)::int as n from ${applications} where address_detail_sealed is not null`,
      );
      assert.equal(other?.n, 1204);
      // Through the API, as staff see it.
      const detail = await p.call('GET', `/api/v1/staff/applications/${applicationId}`, {
        token: await p.staffToken('officer-110105'),
      });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().address.detail, OLD);
      const police = await p.call('GET', '/api/v1/staff/visits?status=open', {
        token: await p.staffToken('officer-110105'),
      });
      assert.equal(police.statusCode, 200, police.body);
      const listed = police.json<{ items: { address: { detail: string } }[] }>().items;
      assert.ok(listed.length > 0 && listed.every((v) => v.address.detail === OLD), police.body);
    });

    test('a sealed address moved to another table does not open', async () => {
      const [card] = await p.database.db.select().from(cards).limit(1);
      assert.throws(() => openAddress(p.ctx.personal, 'visits', card!), /cannot be opened/);
    });
  });
}
