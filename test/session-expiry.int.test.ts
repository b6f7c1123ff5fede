// A resident's token works for the session's lifetime (12 h by default) and not a second longer,
// on every database: the check compares the stored expiry with the clock's now, so an instant
// sent to the database in the wrong zone or format would show here as hours of difference.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';

const DEMO_DAY = '2025-09-26T10:00:00+08:00';
const SESSION_MS = 12 * 3600_000;

for (const target of dbTargets()) {
  describe(`sessions on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, DEMO_DAY);
    });
    after(() => p.close());

    test('a token is accepted until its session expires, and refused after', async () => {
      const signedInAt = p.clock.now().getTime();
      const token = await p.residentToken('13800000001');
      const me = async () => (await p.call('GET', '/api/v1/me', { token })).statusCode;
      assert.equal(await me(), 200);
      const other = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      assert.equal((await p.call('GET', '/api/v1/me', { token: other })).statusCode, 401, 'an unknown token');
      p.clock.set(new Date(signedInAt + SESSION_MS - 1_000));
      assert.equal(await me(), 200, 'a second before the end');
      p.clock.set(new Date(signedInAt + SESSION_MS + 1_000));
      assert.equal(await me(), 401, 'a second after the end');
    });
  });
}
