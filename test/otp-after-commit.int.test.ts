// A login code's SMS goes out after the code is committed (no connection held through the
// gateway's answer); when the gateway refuses, the caller hears of it and the code is gone: it
// neither works nor counts against the phone's limit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { countRecentCodes, requestOtp } from '../src/services/auth/request-otp.ts';
import type { ServiceContext } from '../src/services/context.ts';

for (const target of dbTargets()) {
  describe(`login code SMS after commit on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2026-06-16T10:30:00+08:00');
    });
    after(() => p.close());

    test('the gateway is called once the code is stored, by another connection', async () => {
      const seen: number[] = [];
      const ctx: ServiceContext = {
        ...p.ctx,
        sms: () => ({
          send: async (to) => {
            // Through the pool (PostgreSQL) or the one connection (PGlite): only a committed code
            // is visible here, and on PGlite an open transaction would block this read.
            seen.push(await countRecentCodes(p.ctx, to));
          },
        }),
      };
      await requestOtp(ctx, '13900000011', '198.51.100.1');
      assert.deepEqual(seen, [1]);
    });

    test('a refused send fails the request and leaves no code', async () => {
      const down: ServiceContext = {
        ...p.ctx,
        sms: () => ({ send: () => Promise.reject(new Error('SMS gateway answered 503')) }),
      };
      await assert.rejects(requestOtp(down, '13900000012', '198.51.100.1'), /SMS gateway answered 503/);
      assert.equal(await countRecentCodes(p.ctx, '13900000012'), 0);
      // The phone may ask again at once: the failed attempt did not count.
      await requestOtp(p.ctx, '13900000012', '198.51.100.1');
      assert.equal(await countRecentCodes(p.ctx, '13900000012'), 1);
    });
  });
}
