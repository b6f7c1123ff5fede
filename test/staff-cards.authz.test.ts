// Revoking a card (officer of the card's district only), and what the holder then sees.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';

for (const target of dbTargets()) {
  describe(`POST /api/v1/staff/cards/:id/revoke on ${target.name}`, () => {
    let p: TestPlatform;
    let cardId: string;
    let holder: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      holder = await p.residentToken('13800000002'); // 李娜, a registration card of 朝阳区 (110105)
      cardId = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json()[0].id;
    });
    after(() => p.close());

    const revoke = async (token: string | undefined, id = cardId) =>
      p.call('POST', `/api/v1/staff/cards/${id}/revoke`, {
        ...(token ? { token } : {}),
        body: { reason: '虚假材料' },
      });

    test("only the officer of the card's district may revoke it", async () => {
      assert.equal((await revoke(undefined)).statusCode, 401);
      assert.equal((await revoke(holder)).statusCode, 403);
      for (const user of ['clerk-110105', 'police-110105', 'admin']) {
        assert.equal((await revoke(await p.staffToken(user))).statusCode, 403, user);
      }
      const outsider = await revoke(await p.staffToken('officer-110108'));
      assert.equal(outsider.statusCode, 404);
      assert.equal(
        (await revoke(await p.staffToken('officer-110108'), '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f')).json()
          .error.message,
        outsider.json().error.message,
      );
      assert.equal(
        (await p.call('GET', '/api/v1/me/cards', { token: holder })).json().length,
        1,
        'still valid after every refusal',
      );
    });

    test('finding and opening cards: officers and clerks of the district only', async () => {
      const search = (token?: string) =>
        p.call('GET', '/api/v1/staff/cards', { ...(token ? { token } : {}) });
      const open = (token?: string, id = cardId) =>
        p.call('GET', `/api/v1/staff/cards/${id}`, { ...(token ? { token } : {}) });
      for (const call of [search, open]) {
        assertError(await call(), 401, 'UNAUTHENTICATED');
        assertError(await call(holder), 403, 'FORBIDDEN');
        for (const user of ['police-110105', 'admin']) {
          assertError(await call(await p.staffToken(user)), 403, 'FORBIDDEN');
        }
      }
      for (const user of ['officer-110105', 'clerk-110105']) {
        const token = await p.staffToken(user);
        assert.ok(
          (await search(token)).json().items.some((c: { id: string }) => c.id === cardId),
          user,
        );
        assert.equal((await open(token)).statusCode, 200, user);
      }
      for (const user of ['officer-110108', 'clerk-110108']) {
        const token = await p.staffToken(user);
        assert.ok(!(await search(token)).json().items.some((c: { id: string }) => c.id === cardId), user);
        const outside = await open(token);
        assertError(outside, 404, 'NOT_FOUND');
        const none = await open(token, '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f');
        assert.equal(outside.json().error.message, none.json().error.message);
      }
    });

    test('the officer revokes it; it leaves the wallet; a second revocation is refused', async () => {
      const officer = await p.staffToken('officer-110105');
      const done = await revoke(officer);
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().reason, '虚假材料');
      assert.deepEqual((await p.call('GET', '/api/v1/me/cards', { token: holder })).json(), []);
      const history = (await p.call('GET', '/api/v1/me/cards?all=true', { token: holder })).json();
      assert.equal(history[0].status, 'revoked');
      assert.equal(history[0].revokedReason, '虚假材料', 'the holder sees why');
      const again = await revoke(officer);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'INVALID_TRANSITION');
    });
  });
}

for (const target of dbTargets()) {
  describe(`staff password guessing on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
    });
    after(() => p.close());

    test('five wrong passwords lock the name for 15 minutes, even against the right one', async () => {
      const login = (password: string) =>
        p.call('POST', '/api/v1/auth/staff', { body: { username: 'officer-110101', password } });
      for (let i = 0; i < 5; i++) assert.equal((await login(`guess-${i}`)).statusCode, 401);
      const locked = await login('juzhu-demo');
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, 'RATE_LIMITED');
      assert.equal(
        (
          await p.call('POST', '/api/v1/auth/staff', {
            body: { username: 'officer-110105', password: 'juzhu-demo' },
          })
        ).statusCode,
        200,
        'other accounts are not affected',
      );
      p.clock.advance(15 * 60_000 + 1000);
      assert.equal((await login('juzhu-demo')).statusCode, 200);
    });
  });
}
