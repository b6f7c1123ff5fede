// The notification outbox at rest (issue 9): a resident's notification holds their phone and the
// text's values sealed; the sender opens them after commit, so the SMS and the wallet's list read
// as before. The demo's SMS stand-in (dev_outbox) holds the phone as its blind index and sealed,
// the text sealed. Rows of an older release, in clear, are sealed at start-up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { devOutbox, notifications } from '../src/db/schema/index.ts';
import { openParams } from '../src/services/notifications/outbox.ts';
import { sealPlainNotifications } from '../src/services/personal-data/seal-plain-notifications.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { applyAsNewcomer } from './support/apply-as-newcomer.ts';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';

const PHONE = '13900000777';
const REASON = '申报地址与房屋租赁合同不一致（团结湖北二条 5 号）';

for (const target of dbTargets()) {
  describe(`notifications sealed at rest (${target.name})`, () => {
    let p: TestPlatform;
    let token: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-15T10:00:00+08:00');
      const applied = await applyAsNewcomer(p, {
        phone: PHONE,
        name: '通知测试',
        id: ['110105', '1992-04-05', 77],
      });
      token = applied.token;
      const rejected = await p.call('POST', `/api/v1/staff/applications/${applied.application.id}/decision`, {
        token: await p.staffToken('officer-110105'),
        body: { decision: 'reject', reason: REASON },
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
    });
    after(() => p.close());

    const mine = () => p.database.db.select().from(notifications).where(isNotNull(notifications.residentId));

    test('the phone and the values are sealed; the SMS and the list read as before', async () => {
      const rows = await mine();
      assert.equal(rows.length, 1);
      const row = rows[0]!;
      assert.deepEqual([row.plainPhone, row.params, row.smsState], [null, null, 'sent']);
      assert.equal(p.ctx.personal.open('notifications.phone', row.phoneSealed!), PHONE);
      assert.equal(openParams(p.ctx.personal, row).reason, REASON);
      const outbox = (await p.call('GET', `/api/v1/dev/outbox?to=${PHONE}`)).json<
        { to: string; text: string }[]
      >();
      assert.ok(
        outbox.some((m) => m.to === PHONE && m.text.includes(REASON)),
        JSON.stringify(outbox),
      );
      const listed = await p.call('GET', '/api/v1/me/notifications', { token, lang: 'en' });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.ok(
        listed.json().some((n: { text: string }) => n.text.includes(REASON)),
        listed.body,
      );
      const [clear] = await queryRows<{ n: number }>(
        p.database.db,
        sql`select count(*)::int as n from dev_outbox where text is not null or "to" = ${PHONE}`,
      );
      assert.equal(clear?.n, 0, 'the dev outbox holds no phone or text in clear');
    });

    test('rows of an older release, in clear, are sealed at start-up and read as before', async () => {
      const [row] = await mine();
      // As the release before sealing wrote them.
      await p.database.db
        .update(notifications)
        .set({
          plainPhone: PHONE,
          phoneSealed: null,
          params: openParams(p.ctx.personal, row!),
          paramsSealed: null,
        })
        .where(eq(notifications.id, row!.id));
      await p.database.db.execute(
        sql`update dev_outbox set "to" = ${PHONE}, text = 'old text ' || id, to_sealed = null, text_sealed = null`,
      );
      const outboxRows = (await p.database.db.select({ id: devOutbox.id }).from(devOutbox)).length;
      assert.ok(outboxRows >= 2, 'a login code and the decision were texted');
      // The station's alerts keep their values in clear (ids and dates): nothing there to seal.
      assert.equal(await sealPlainNotifications(p.ctx), 1 + outboxRows);
      assert.equal(await sealPlainNotifications(p.ctx), 0, 'a second start has nothing to do');
      const [sealed] = await mine();
      assert.deepEqual([sealed!.plainPhone, sealed!.params], [null, null]);
      assert.equal(openParams(p.ctx.personal, sealed!).reason, REASON);
      const outbox = (await p.call('GET', `/api/v1/dev/outbox?to=${PHONE}`)).json<
        { to: string; text: string }[]
      >();
      assert.equal(outbox.length, outboxRows);
      assert.ok(outbox.every((m) => m.to === PHONE && m.text.startsWith('old text ')));
      const listed = await p.call('GET', '/api/v1/me/notifications', { token, lang: 'en' });
      assert.ok(
        listed.json().some((n: { text: string }) => n.text.includes(REASON)),
        listed.body,
      );
    });
  });
}
