// Idempotency-Key on the POSTs that create (issue 9): a retry returns the first answer and creates
// nothing more; the same key with another body is 422; while the first is still running, 409 with
// Retry-After; keys are the caller's own. On PostgreSQL, 20 simultaneous retries create one thing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { claimIdempotencyKey, replayColumn } from '../src/services/idempotency/idempotency-keys.ts';
import { requestFingerprint } from '../src/http/plugins/idempotency.ts';
import { sealPlainReplays } from '../src/services/personal-data/seal-plain-replays.ts';
import { idempotencyKeys } from '../src/db/schema/index.ts';
import { FieldOpenError } from '../src/crypto/field-cipher.ts';
import { eq, sql } from 'drizzle-orm';
import { authenticate } from '../src/services/auth/authenticate.ts';

const address = { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' };
const application = { type: 'registration_card', address, materials: [photo, proofOfAddress] };

for (const target of dbTargets()) {
  describe(`Idempotency-Key on ${target.name}`, () => {
    let p: TestPlatform;
    let seq = 0;
    before(async () => {
      p = await startPlatform(target, '2025-09-15T10:00:00+08:00');
    });
    after(() => p.close());

    const newcomer = async () => {
      seq++;
      const token = await p.residentToken(`1390000${String(seq).padStart(4, '0')}`);
      const idNumber = makeTestIdNumber('110101', '1990-01-01', 100 + seq * 2);
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: `测试${'甲乙丙丁戊己庚辛壬癸'[seq]}`, idNumber },
      });
      assert.equal(bound.statusCode, 200, bound.body);
      return token;
    };
    const post = (token: string, key: string | undefined, body: object = application, lang = 'zh-CN') =>
      p.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: {
          authorization: `Bearer ${token}`,
          'accept-language': lang,
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        payload: body,
      });
    const applications = async (token: string) =>
      (await p.call('GET', '/api/v1/applications', { token })).json<unknown[]>();

    test('a retry with the same key gets the first answer, marked replayed, and nothing new is made', async () => {
      const token = await newcomer();
      const first = await post(token, 'apply-1');
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      const again = await post(token, 'apply-1');
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.body, first.body, 'the very same answer');
      assert.match(String(again.headers['content-type']), /^application\/json/);
      assert.equal(again.headers['cache-control'], 'no-store', 'a replay is as private as the answer');
      assert.equal((await applications(token)).length, 1);
      // Without a key, a second application of the same type is refused as the service always did.
      assertError(await post(token, undefined), 409, 'CONFLICT');
    });

    test('the kept answer is sealed to its row; an older release’s, in clear, is sealed at start-up', async () => {
      const token = await newcomer();
      const first = await post(token, 'sealed-1');
      assert.equal(first.statusCode, 201, first.body);
      const kept = async () =>
        (await p.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'sealed-1')))[0]!;
      const row = await kept();
      assert.equal(row.plainBody, null);
      const id = first.json<{ id: string }>().id;
      assert.ok(first.body.includes(id));
      assert.equal(Buffer.from(row.bodySealed!).indexOf(id), -1, 'nothing of the answer in clear');
      // Moved to another caller's row (to be replayed to them), it does not open.
      const [other] = await p.database.db
        .select({ id: idempotencyKeys.id })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, 'apply-1'));
      assert.throws(() => p.ctx.personal.openBytes(replayColumn(other!.id), row.bodySealed!), FieldOpenError);
      // As the release before sealing kept it: in clear.
      await p.database.db.execute(
        sql`update idempotency_keys set body = ${Buffer.from(first.body)}, body_sealed = null where id = ${row.id}`,
      );
      assert.equal(await sealPlainReplays(p.ctx), 1);
      assert.equal(await sealPlainReplays(p.ctx), 0, 'a second start has nothing to do');
      assert.equal((await kept()).plainBody, null);
      const again = await post(token, 'sealed-1');
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.body, first.body, 'the very same answer');
    });

    test('the same key with another body: 422, named in the reader’s language; nothing is made', async () => {
      const token = await newcomer();
      assert.equal((await post(token, 'k-2')).statusCode, 201);
      const other = { ...application, address: { ...address, detail: '另一个地址 1 号' } };
      const res = await post(token, 'k-2', other, 'es');
      assertError(res, 422, 'IDEMPOTENCY_KEY_REUSED');
      assertMessageIn(res, 'IDEMPOTENCY_KEY_REUSED', 'es');
      assert.equal((await applications(token)).length, 1);
    });

    test('the fingerprint is keyed; a key held with the release before’s unkeyed one still replays', async () => {
      const token = await newcomer();
      const first = await post(token, 'keyed-1');
      assert.equal(first.statusCode, 201, first.body);
      const unkeyed = createHash('sha256')
        .update(`POST /api/v1/applications\n${JSON.stringify(application)}`)
        .digest('base64url');
      const keptFingerprint = async () =>
        (await p.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'keyed-1')))[0]!
          .fingerprint;
      assert.notEqual(await keptFingerprint(), unkeyed, 'no plain SHA-256 of the request');
      assert.equal(
        await keptFingerprint(),
        requestFingerprint(p.ctx.personal, 'POST', '/api/v1/applications', application),
      );
      // As the release before stored it: a retry over the upgrade still gets the first answer.
      await p.database.db
        .update(idempotencyKeys)
        .set({ fingerprint: unkeyed })
        .where(eq(idempotencyKeys.key, 'keyed-1'));
      const again = await post(token, 'keyed-1');
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.body, first.body);
      const other = { ...application, address: { ...address, detail: '另一个地址 2 号' } };
      assertError(await post(token, 'keyed-1', other), 422, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal((await applications(token)).length, 1);
    });

    test('keys are the caller’s own: another resident’s same key makes their own application', async () => {
      const [a, b] = [await newcomer(), await newcomer()];
      const fromA = await post(a, 'shared-key');
      const fromB = await post(b, 'shared-key');
      assert.equal(fromB.statusCode, 201);
      assert.equal(fromB.headers['idempotent-replayed'], undefined);
      assert.notEqual(fromA.json<{ id: string }>().id, fromB.json<{ id: string }>().id);
    });

    test('while the first request runs: 409 with Retry-After; a request abandoned for a minute is taken over', async () => {
      const token = await newcomer();
      const session = await authenticate(p.ctx, token);
      assert.ok(session && 'principal' in session && session.principal.kind === 'resident');
      const residentId = session.principal.residentId;
      // Another process holds the key for this exact request and has not answered yet.
      const fingerprint = requestFingerprint(p.ctx.personal, 'POST', '/api/v1/applications', application);
      const held = await claimIdempotencyKey(p.ctx, `resident:${residentId}`, 'slow-1', fingerprint);
      assert.equal(held.claimed, true);
      const busy = await post(token, 'slow-1');
      assertError(busy, 409, 'IDEMPOTENCY_KEY_IN_FLIGHT');
      const wait = Number(busy.headers['retry-after']);
      assert.ok(wait >= 1 && wait <= 60, `retry after ${wait}`);
      p.clock.advance(61_000);
      const takenOver = await post(token, 'slow-1');
      assert.equal(takenOver.statusCode, 201, takenOver.body);
      assert.equal((await applications(token)).length, 1);
    });

    test('a key that is not a plain token of 1–128 characters is refused, naming the header', async () => {
      const token = await newcomer();
      for (const bad of ['', 'x'.repeat(129), 'has space', 'ab/cd']) {
        const res = await p.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': bad },
          payload: application,
        });
        assertError(res, 400, 'VALIDATION_FAILED');
        assert.equal(res.json<{ error: { field: string } }>().error.field, 'Idempotency-Key');
      }
      assert.equal((await applications(token)).length, 0, 'nothing was made');
    });

    if (target.name === 'postgres') {
      test('20 simultaneous sends of one request with one key make one application', async () => {
        const token = await newcomer();
        const answers = await Promise.all(Array.from({ length: 20 }, () => post(token, 'burst')));
        const made = answers.filter((a) => a.statusCode === 201);
        assert.ok(made.length >= 1);
        for (const a of answers.filter((x) => x.statusCode !== 201))
          assertError(a, 409, 'IDEMPOTENCY_KEY_IN_FLIGHT');
        assert.equal(
          new Set(made.map((a) => a.json<{ id: string }>().id)).size,
          1,
          'every 201 names the same one',
        );
        assert.equal((await applications(token)).length, 1);
      });
    }
  });
}
