// Staff sessions for the console (issue 7), on every database: a session unused for
// JUZHU_STAFF_IDLE_SECONDS (30 min) ends; the console is told why (SESSION_EXPIRED,
// ACCOUNT_DEACTIVATED) rather than a bare UNAUTHENTICATED; last use is written at most once a
// minute and never for residents (the display-code path stays free of writes). An administrator
// resets a password: audited, every session of the account ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { sha256Hex } from '../src/services/auth/tokens.ts';
import { auditLog, sessions } from '../src/db/schema/index.ts';

const MINUTE = 60_000;

for (const target of dbTargets()) {
  describe(`staff sessions on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
    });
    after(() => p.close());

    const queue = (token: string) => p.call('GET', '/api/v1/staff/applications', { token });
    const lastSeen = async (token: string) => {
      const [row] = await p.ctx.db
        .select({ at: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.tokenHash, sha256Hex(token)));
      return row?.at?.getTime() ?? null;
    };

    test('used within 30 minutes it lives on; idle longer it ends with SESSION_EXPIRED', async () => {
      const token = await p.staffToken('officer-110105');
      const start = p.clock.now().getTime();
      for (let i = 0; i < 3; i++) {
        p.clock.advance(25 * MINUTE);
        assert.equal((await queue(token)).statusCode, 200, `after ${(i + 1) * 25} minutes in use`);
      }
      assert.equal(await lastSeen(token), start + 75 * MINUTE);
      p.clock.advance(30 * MINUTE + 1000);
      assertError(await queue(token), 401, 'SESSION_EXPIRED');
      assertError(await p.call('POST', '/api/v1/auth/logout', { token }), 401, 'SESSION_EXPIRED');
      // A public route does not care about a stale token.
      assert.equal((await p.call('GET', '/api/v1/stations', { token })).statusCode, 200);
      assertError(await queue('bm90LWEtc2Vzc2lvbi10b2tlbi1hdC1hbGwtMDEyMzQ1Njc4OQ'), 401, 'UNAUTHENTICATED');
    });

    test('last use is written at most once a minute', async () => {
      const token = await p.staffToken('clerk-110105');
      const start = p.clock.now().getTime();
      for (let i = 0; i < 5; i++) {
        p.clock.advance(10_000);
        assert.equal((await queue(token)).statusCode, 200);
      }
      assert.equal(await lastSeen(token), null, 'not within the first minute');
      p.clock.advance(15_000);
      await queue(token);
      assert.equal(await lastSeen(token), start + 65_000);
      p.clock.advance(30_000);
      await queue(token);
      assert.equal(await lastSeen(token), start + 65_000, 'not again within the minute');
    });

    test("a resident's session is never written on use, and has no idle limit", async () => {
      const token = await p.residentToken('13800000001');
      const [card] = (await p.call('GET', '/api/v1/me/cards', { token })).json();
      for (let i = 0; i < 3; i++) {
        p.clock.advance(40 * MINUTE);
        const shown = await p.call('POST', `/api/v1/cards/${card.id}/display-codes`, { token });
        assert.equal(shown.statusCode, 201, shown.body);
      }
      assert.equal(await lastSeen(token), null);
    });

    test('a deactivated account: ACCOUNT_DEACTIVATED', async () => {
      const admin = await p.staffToken('admin');
      const officer = await p.staffToken('officer-110108');
      const staff = (await p.call('GET', '/api/v1/admin/staff', { token: admin })).json();
      const id = staff.find((s: { username: string }) => s.username === 'officer-110108').id;
      assert.equal((await queue(officer)).statusCode, 200);
      const done = await p.call('POST', `/api/v1/admin/staff/${id}/deactivate`, { token: admin });
      assert.equal(done.statusCode, 200, done.body);
      assertError(await queue(officer), 401, 'ACCOUNT_DEACTIVATED');
    });

    describe('POST /api/v1/admin/staff/:id/password', () => {
      const NEW = 'chaoyang-window-2025';
      let clerkId: string;
      let admin: string;
      before(async () => {
        admin = await p.staffToken('admin');
        const staff = (await p.call('GET', '/api/v1/admin/staff', { token: admin })).json();
        clerkId = staff.find((s: { username: string }) => s.username === 'clerk-110101').id;
      });
      const reset = (token: string | undefined, id = clerkId, password = NEW) =>
        p.call('POST', `/api/v1/admin/staff/${id}/password`, {
          ...(token ? { token } : {}),
          body: { password },
        });

      test('admins only: 401, 403 for every other role and a resident, 404 for no such account', async () => {
        assertError(await reset(undefined), 401, 'UNAUTHENTICATED');
        assertError(await reset(await p.residentToken('13800000002')), 403, 'FORBIDDEN');
        for (const user of ['clerk-110105', 'officer-110105', 'police-110105']) {
          assertError(await reset(await p.staffToken(user)), 403, 'FORBIDDEN');
        }
        assertError(await reset(admin, '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f'), 404, 'NOT_FOUND');
        assertError(await reset(admin, clerkId, 'short'), 400, 'VALIDATION_FAILED');
        assert.equal((await p.staffToken('clerk-110101')).length > 0, true, 'the old password still works');
      });

      test('the new password works, the old one not, every session ended, the reset audited', async () => {
        const clerk = await p.staffToken('clerk-110101');
        const res = await reset(admin);
        assert.equal(res.statusCode, 204, res.body);
        assertError(await queue(clerk), 401, 'SESSION_EXPIRED');
        const login = (password: string) =>
          p.call('POST', '/api/v1/auth/staff', { body: { username: 'clerk-110101', password } });
        assert.equal((await login('juzhu-demo')).statusCode, 401);
        const fresh = await login(NEW);
        assert.equal(fresh.statusCode, 200);
        assert.equal((await queue(fresh.json().token)).statusCode, 200);
        const audit = await p.ctx.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'staff.password_reset'));
        assert.equal(audit.length, 1);
        assert.equal(audit[0]?.subjectId, clerkId);
        assert.ok(!JSON.stringify(audit).includes(NEW), 'the password is not in the trail');
      });
    });
  });
}
