// Staff second factor (issue 9): TOTP (RFC 6238) for the staff login. An enrolled account is asked
// for its code after the right password; a code is good once; wrong codes count like wrong
// passwords; in production officers and administrators without one are refused until an
// administrator enrols them. The secret is sealed under the KEK: the database never holds it plain.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { auditLog, staff } from '../src/db/schema/index.ts';

const PASSWORD = 'juzhu-demo';

for (const target of dbTargets()) {
  describe(`staff second factor on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    let secret: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      admin = await p.staffToken('admin');
    });
    after(() => p.close());

    const login = (username: string, totp?: string, lang = 'zh-CN') =>
      p.call('POST', '/api/v1/auth/staff', {
        body: { username, password: PASSWORD, ...(totp === undefined ? {} : { totp }) },
        lang,
      });
    const codeNow = () => generate({ secret, epoch: Math.floor(p.clock.now().getTime() / 1000) });
    const officerId = async () =>
      (
        await p.database.db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'officer-110105'))
      )[0]!.id;

    test('an administrator enrols an officer: the secret is shown once, and stored only sealed', async () => {
      const id = await officerId();
      const res = await p.call('POST', `/api/v1/admin/staff/${id}/totp`, { token: admin });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<{ secret: string; uri: string }>();
      secret = body.secret;
      assert.match(secret, /^[A-Z2-7]{32}$/, 'base32, 160 bits');
      assert.match(body.uri, /^otpauth:\/\/totp\/.*officer-110105.*secret=[A-Z2-7]+/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const [row] = await p.database.db.select({ s: staff.totpSecret }).from(staff).where(eq(staff.id, id));
      const stored = row?.s ?? '';
      assert.ok(stored.startsWith('v1.'), 'sealed');
      assert.ok(!stored.includes(secret), 'never the secret itself');
      const other = await p.staffToken('officer-110101');
      assertError(await p.call('POST', `/api/v1/admin/staff/${id}/totp`, { token: other }), 403, 'FORBIDDEN');
    });

    test('the right password alone asks for the code; the right code signs in, once', async () => {
      const asked = await login('officer-110105', undefined, 'en');
      assertError(asked, 401, 'SECOND_FACTOR_REQUIRED');
      assertMessageIn(asked, 'SECOND_FACTOR_REQUIRED', 'en');
      const code = await codeNow();
      const signed = await login('officer-110105', code);
      assert.equal(signed.statusCode, 200, signed.body);
      assertError(await login('officer-110105', code), 401, 'UNAUTHENTICATED'); // replayed
      p.clock.advance(30_000);
      assert.equal((await login('officer-110105', await codeNow())).statusCode, 200, 'the next code works');
    });

    test('a code from a minute ago or a made-up one is refused, counted, and in the trail', async () => {
      const old = await generate({ secret, epoch: Math.floor(p.clock.now().getTime() / 1000) - 90 });
      assertError(await login('officer-110105', old), 401, 'UNAUTHENTICATED');
      const wrong = (Number(await codeNow()) + 1) % 1_000_000;
      assertError(await login('officer-110105', String(wrong).padStart(6, '0')), 401, 'UNAUTHENTICATED');
      const failures = await p.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'session.login_failed'));
      assert.ok(failures.some((f) => (f.details as { reason?: string }).reason === 'totp'));
      // Wrong codes take places in the name's window like wrong passwords: 5, then 429.
      for (let i = 0; i < 3; i++) await login('officer-110105', '000000');
      assertError(await login('officer-110105', await codeNow()), 429, 'RATE_LIMITED');
    });
  });

  describe(`staff second factor required (production rule) on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00', { staffSecondFactor: 'required' });
    });
    after(() => p.close());

    test('an officer or administrator without a code is refused until enrolled; a clerk is not asked', async () => {
      const login = (username: string) =>
        p.call('POST', '/api/v1/auth/staff', { body: { username, password: PASSWORD }, lang: 'es' });
      for (const username of ['officer-110105', 'admin']) {
        const res = await login(username);
        assertError(res, 403, 'SECOND_FACTOR_NOT_ENROLLED');
        assertMessageIn(res, 'SECOND_FACTOR_NOT_ENROLLED', 'es');
      }
      assert.equal((await login('clerk-110105')).statusCode, 200);
    });
  });
}
