// Passkeys as a staff second factor besides TOTP (issue 9), with genuine WebAuthn responses from a
// software authenticator (support/software-authenticator.ts): a signed-in member adds one; the
// login then takes an assertion instead of a code. Challenges live in the database, bound to one
// member and one purpose, answered once; the origin must be the platform's; a credential is only
// good for its own account; a counter going backwards is refused; failures count like wrong codes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, testCredentials, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { softwareAuthenticator, type SoftwareAuthenticator } from './support/software-authenticator.ts';
import { auditLog, staff, staffPasskeys } from '../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../src/services/demo/demo-data.ts';
import { enrolStaffPasskey, passkeyRegistrationOptions } from '../src/services/auth/enrol-staff-passkey.ts';

const ORIGIN = testCredentials.publicUrl;
type Options = { challenge: string; rp: { id?: string }; excludeCredentials?: { id: string }[] };
type LoginOptions = { challenge: string; rpId?: string; allowCredentials?: { id: string }[] };

for (const target of dbTargets()) {
  describe(`staff passkeys on ${target.name}`, () => {
    let p: TestPlatform;
    let officer: string;
    const key = softwareAuthenticator();
    const clerkKey = softwareAuthenticator();
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      officer = await p.staffToken('officer-110105');
    });
    after(() => p.close());

    const enrol = async (token: string, authenticator: SoftwareAuthenticator, origin = ORIGIN) => {
      const options = await p.call('POST', '/api/v1/staff/me/passkeys/options', { token });
      assert.equal(options.statusCode, 200, options.body);
      const response = authenticator.register(options.json<Options>(), origin);
      return p.call('POST', '/api/v1/staff/me/passkeys', { token, body: { name: 'desk key', response } });
    };
    const loginOptions = async (username: string) => {
      const res = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username, password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<LoginOptions>();
    };
    const login = (username: string, passkey?: unknown) =>
      p.call('POST', '/api/v1/auth/staff', {
        body: { username, password: DEMO_PASSWORD, ...(passkey ? { passkey } : {}) },
      });

    test('adding a passkey needs a staff session: 401 without one, 403 for a resident', async () => {
      const resident = await p.residentToken('13800000002');
      for (const [method, url] of [
        ['GET', '/api/v1/staff/me/passkeys'],
        ['POST', '/api/v1/staff/me/passkeys/options'],
        ['POST', '/api/v1/staff/me/passkeys'],
      ] as const) {
        assertError(await p.call(method, url, method === 'POST' ? { body: {} } : {}), 401, 'UNAUTHENTICATED');
        assertError(
          await p.call(method, url, { token: resident, ...(method === 'POST' ? { body: {} } : {}) }),
          403,
          'FORBIDDEN',
        );
      }
    });

    test('a signed-in officer adds a passkey: verified, kept with its public key only, audited', async () => {
      const res = await enrol(officer, key);
      assert.equal(res.statusCode, 201, res.body);
      const added = res.json<{ id: string; name: string; transports: string[]; lastUsedAt: null }>();
      assert.equal(added.name, 'desk key');
      assert.deepEqual(added.transports, ['internal']);
      const [row] = await p.database.db
        .select()
        .from(staffPasskeys)
        .where(eq(staffPasskeys.credentialId, key.credentialId));
      assert.ok(row && row.publicKey.length > 64, 'the COSE public key');
      const audited = await p.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff.passkey_enrolled'), eq(auditLog.subjectId, row.staffId)));
      assert.equal(audited.length, 1);
      const listed = await p.call('GET', '/api/v1/staff/me/passkeys', { token: officer });
      assert.deepEqual(
        listed.json<{ id: string }[]>().map((k) => k.id),
        [added.id],
      );
      // The same authenticator is not offered twice (excludeCredentials).
      const again = await p.call('POST', '/api/v1/staff/me/passkeys/options', { token: officer });
      assert.deepEqual(
        again.json<Options>().excludeCredentials?.map((c) => c.id),
        [key.credentialId],
      );
    });

    test('a registration answering a used, stale or foreign challenge, or from another origin, is refused', async () => {
      const other = softwareAuthenticator();
      const options = (
        await p.call('POST', '/api/v1/staff/me/passkeys/options', { token: officer })
      ).json<Options>();
      const response = other.register(options, 'https://juzhu.example.evil');
      const refused = await p.call('POST', '/api/v1/staff/me/passkeys', {
        token: officer,
        body: { name: 'phish', response },
      });
      assertError(refused, 422, 'PASSKEY_REJECTED');
      // The challenge was taken by that attempt: the right origin now finds none.
      const replay = await p.call('POST', '/api/v1/staff/me/passkeys', {
        token: officer,
        body: { name: 'replay', response: other.register(options, ORIGIN) },
      });
      assertError(replay, 422, 'PASSKEY_REJECTED');
      // Another member's challenge is not this member's.
      const clerk = await p.staffToken('clerk-110105');
      const clerkOptions = (
        await p.call('POST', '/api/v1/staff/me/passkeys/options', { token: clerk })
      ).json<Options>();
      const foreign = await p.call('POST', '/api/v1/staff/me/passkeys', {
        token: officer,
        body: { name: 'foreign', response: other.register(clerkOptions, ORIGIN) },
      });
      assertError(foreign, 422, 'PASSKEY_REJECTED');
      // A challenge older than five minutes has expired.
      const stale = (
        await p.call('POST', '/api/v1/staff/me/passkeys/options', { token: officer })
      ).json<Options>();
      p.clock.advance(6 * 60_000);
      const late = await p.call('POST', '/api/v1/staff/me/passkeys', {
        token: officer,
        body: { name: 'late', response: other.register(stale, ORIGIN) },
      });
      assertError(late, 422, 'PASSKEY_REJECTED');
      const rows = await p.database.db
        .select()
        .from(staffPasskeys)
        .where(eq(staffPasskeys.credentialId, other.credentialId));
      assert.deepEqual(rows, []);
      // The clerk adds their own, for the next test.
      assert.equal((await enrol(clerk, clerkKey)).statusCode, 201);
    });

    test('the password alone asks for the second factor; the passkey signs in; audited', async () => {
      const asked = await login('officer-110105');
      assertError(asked, 401, 'SECOND_FACTOR_REQUIRED');
      assert.deepEqual(asked.json<{ error: { details: unknown } }>().error.details, { methods: ['passkey'] });
      const options = await loginOptions('officer-110105');
      assert.deepEqual(
        options.allowCredentials?.map((c) => c.id),
        [key.credentialId],
      );
      key.counter = 1;
      const signed = await login('officer-110105', key.assert(options, ORIGIN));
      assert.equal(signed.statusCode, 200, signed.body);
      assert.equal(signed.json<{ role: string }>().role, 'officer');
      const [row] = await p.database.db
        .select()
        .from(staffPasskeys)
        .where(eq(staffPasskeys.credentialId, key.credentialId));
      assert.equal(row?.signCount, 1);
      assert.ok(row?.lastUsedAt);
      const created = await p.database.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'session.created'), eq(auditLog.subjectId, row.staffId)));
      assert.ok(created.some((c) => (c.details as { secondFactor?: string }).secondFactor === 'passkey'));
    });

    test('a replayed assertion, another origin, another member’s credential, a counter going back: refused', async () => {
      const options = await loginOptions('officer-110105');
      key.counter = 2;
      const assertion = key.assert(options, ORIGIN);
      assert.equal((await login('officer-110105', assertion)).statusCode, 200);
      assertError(await login('officer-110105', assertion), 401, 'UNAUTHENTICATED'); // replayed

      key.counter = 3;
      const phished = key.assert(await loginOptions('officer-110105'), 'https://juzhu.example.evil');
      assertError(await login('officer-110105', phished), 401, 'UNAUTHENTICATED');

      // The clerk's own passkey, answering a challenge given to the officer: not the officer's.
      const borrowed = clerkKey.assert(await loginOptions('officer-110105'), ORIGIN);
      assertError(await login('officer-110105', borrowed), 401, 'UNAUTHENTICATED');

      // A clone of the officer's authenticator lags behind: its counter goes backwards.
      key.counter = 1;
      const cloned = key.assert(await loginOptions('officer-110105'), ORIGIN);
      assertError(await login('officer-110105', cloned), 401, 'UNAUTHENTICATED');

      const failures = await p.database.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'session.login_failed'));
      assert.equal(failures.filter((f) => (f.details as { reason?: string }).reason === 'passkey').length, 4);
    });

    test('failed assertions take places in the name’s window like wrong passwords: 5, then 429', async () => {
      p.clock.advance(16 * 60_000); // a new window
      key.counter = 10;
      for (let i = 0; i < 5; i++) {
        const wrong = key.assert(await loginOptions('officer-110105'), 'https://juzhu.example.evil');
        assertError(await login('officer-110105', wrong), 401, 'UNAUTHENTICATED');
      }
      const right = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username: 'officer-110105', password: DEMO_PASSWORD },
      });
      assertError(right, 429, 'RATE_LIMITED');
    });

    test('a member without a passkey is told so at the options step, after the right password only', async () => {
      const none = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username: 'officer-110101', password: DEMO_PASSWORD },
      });
      assertError(none, 409, 'PASSKEY_NOT_ENROLLED');
      const wrong = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username: 'officer-110101', password: 'not-it' },
      });
      assertError(wrong, 401, 'UNAUTHENTICATED');
    });

    test('a member removes their own passkey: it no longer signs in; another member’s is not found', async () => {
      const police = await p.staffToken('police-110105');
      const spare = softwareAuthenticator();
      const res = await enrol(police, spare);
      assert.equal(res.statusCode, 201, res.body);
      const { id } = res.json<{ id: string }>();
      const url = `/api/v1/staff/me/passkeys/${id}`;
      assertError(await p.call('DELETE', url), 401, 'UNAUTHENTICATED');
      assertError(
        await p.call('DELETE', url, { token: await p.residentToken('13800000002') }),
        403,
        'FORBIDDEN',
      );
      assertError(await p.call('DELETE', url, { token: officer }), 404, 'NOT_FOUND');
      assertError(
        await p.call('DELETE', '/api/v1/staff/me/passkeys/not-a-uuid', { token: police }),
        400,
        'VALIDATION_FAILED',
      );
      const removed = await p.call('DELETE', url, { token: police });
      assert.equal(removed.statusCode, 204, removed.body);
      const listed = await p.call('GET', '/api/v1/staff/me/passkeys', { token: police });
      assert.deepEqual(listed.json(), []);
      assertError(await p.call('DELETE', url, { token: police }), 404, 'NOT_FOUND');
      const audited = await p.database.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'staff.passkey_removed'));
      assert.deepEqual(
        audited.map((a) => a.details),
        [{ passkeyId: id }],
      );
      // The key is gone: the options step no longer offers it, and its assertions find no credential.
      const none = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username: 'police-110105', password: DEMO_PASSWORD },
      });
      assertError(none, 409, 'PASSKEY_NOT_ENROLLED');
      // The officer's own passkey is untouched.
      const still = await p.call('GET', '/api/v1/staff/me/passkeys', { token: officer });
      assert.equal(still.json<unknown[]>().length, 1);
    });
  });

  describe(`staff passkeys where a second factor is required on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00', { staffSecondFactor: 'required' });
    });
    after(() => p.close());

    test('an administrator with a passkey and no TOTP signs in with it', async () => {
      const [admin] = await p.database.db.select().from(staff).where(eq(staff.username, 'admin'));
      const login = (passkey?: unknown) =>
        p.call('POST', '/api/v1/auth/staff', {
          body: { username: 'admin', password: DEMO_PASSWORD, ...(passkey ? { passkey } : {}) },
        });
      assertError(await login(), 403, 'SECOND_FACTOR_NOT_ENROLLED');
      // Enrolled through the use case itself, as a session would (none can be opened without it).
      const member = {
        kind: 'staff',
        staffId: admin!.id,
        role: 'admin',
        stationId: null,
        districtCode: null,
      } as const;
      const authenticator = softwareAuthenticator();
      const options = await passkeyRegistrationOptions(p.ctx, member);
      await enrolStaffPasskey(p.ctx, member, {
        name: 'admin key',
        response: authenticator.register(options, ORIGIN),
      });
      assertError(await login(), 401, 'SECOND_FACTOR_REQUIRED');
      const loginOptions = await p.call('POST', '/api/v1/auth/staff/passkey-options', {
        body: { username: 'admin', password: DEMO_PASSWORD },
      });
      const signed = await login(authenticator.assert(loginOptions.json<LoginOptions>(), ORIGIN));
      assert.equal(signed.statusCode, 200, signed.body);
      assert.equal(signed.json<{ role: string }>().role, 'admin');
    });
  });
}
