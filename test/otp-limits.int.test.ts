// One-time login codes under attack (issue 9, finding 5): limits per client address as well as per
// phone, one code at a time per phone however many requests race (PostgreSQL, where they really
// run at once), and expired codes purged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { auditLog, devOutbox, otpCodes } from '../src/db/schema/index.ts';
import { purgeExpiredOtpCodes } from '../src/services/auth/purge-expired-otp-codes.ts';
import { otpHash } from '../src/services/auth/request-otp.ts';

const MONDAY = '2025-09-15T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`one-time codes on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, MONDAY, {
        limits: { otpSendsPerHourPerAddress: 3, otpVerifiesPerHourPerAddress: 5 },
      });
    });
    after(() => p.close());

    const post = (url: string, body: object, remoteAddress: string) =>
      p.app.inject({ method: 'POST', url, payload: body, remoteAddress });
    const send = (phone: string, from: string) => post('/api/v1/auth/otp', { phone }, from);
    const guess = (phone: string, code: string, from: string) =>
      post('/api/v1/auth/otp/verify', { phone, code }, from);

    test('one address sends codes to at most 3 phones an hour: then 429 RATE_LIMITED with Retry-After', async () => {
      const from = '203.0.113.7';
      for (const phone of ['13912348001', '13912348002', '13912348003']) {
        assert.equal((await send(phone, from)).statusCode, 202);
      }
      const fourth = await send('13912348004', from);
      assertError(fourth, 429, 'RATE_LIMITED');
      const wait = Number(fourth.headers['retry-after']);
      assert.ok(wait > 0 && wait <= 3600, `retry after ${wait}`);
      assert.equal(
        (await send('13912348004', '203.0.113.8')).statusCode,
        202,
        'another address is not held up',
      );
      p.clock.advance(wait * 1000);
      assert.equal((await send('13912348005', from)).statusCode, 202, 'the next hour is open again');
    });

    test('one address guesses at most 5 times an hour across phones: then 429, even with the right code', async () => {
      const from = '198.51.100.9';
      for (const [i, phone] of [
        '13912348001',
        '13912348002',
        '13912348003',
        '13912348004',
        '13912348005',
      ].entries()) {
        assertError(await guess(phone, String(100000 + i), from), 401, 'OTP_INVALID');
      }
      await send('13912348011', '192.0.2.1');
      const text = (await p.call('GET', '/api/v1/dev/outbox?to=13912348011')).json<{ text: string }[]>()[0]
        ?.text;
      const code = /(\d{6})/.exec(text ?? '')?.[1] ?? '';
      const sixth = await guess('13912348011', code, from);
      assertError(sixth, 429, 'RATE_LIMITED');
      assert.ok(Number(sixth.headers['retry-after']) > 0);
      assert.equal(
        (await guess('13912348011', code, '192.0.2.1')).statusCode,
        200,
        'the owner still signs in',
      );
    });

    test('20 simultaneous requests for one phone: one code stored, one SMS sent, 19 refused', async () => {
      const phone = '13912348020';
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(phone, `10.0.${i}.1`)));
      const statuses = answers.map((a) => a.statusCode).sort();
      assert.deepEqual(statuses, [202, ...Array<number>(19).fill(429)]);
      for (const a of answers.filter((x) => x.statusCode === 429)) {
        assertError(a, 429, 'OTP_RATE_LIMITED');
      }
      assert.equal(
        (
          await p.database.db
            .select()
            .from(otpCodes)
            .where(eq(otpCodes.phoneIndex, p.ctx.personal.indexHex('phone', phone)))
        ).length,
        1,
      );
      assert.equal(
        (
          await p.database.db
            .select()
            .from(devOutbox)
            .where(eq(devOutbox.toIndex, p.ctx.personal.indexHex('phone', phone)))
        ).length,
        1,
      );
      // The audit trail names the phone by its keyed index: no hash anyone can recompute from
      // the number (an unkeyed SHA-256 of every mainland number is an afternoon's work).
      const sent = await p.database.db
        .select({ subjectId: auditLog.subjectId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'otp.sent'), eq(auditLog.subjectKind, 'phone')));
      const subjects = sent.map((r) => r.subjectId);
      assert.ok(subjects.includes(p.ctx.personal.indexHex('phone', phone)));
      const unkeyed = createHash('sha256').update(`phone:${phone}`).digest('hex');
      assert.ok(!subjects.some((s) => unkeyed.startsWith(s)), 'no unkeyed hash of the phone');
    });

    test('a code is stored keyed: no unkeyed hash to try 10^6 codes against; it still signs in', async () => {
      const [phone, from] = ['13912348040', '192.0.2.40'];
      assert.equal((await send(phone, from)).statusCode, 202);
      const text = (await p.call('GET', `/api/v1/dev/outbox?to=${phone}`)).json<{ text: string }[]>()[0]
        ?.text;
      const code = /(\d{6})/.exec(text ?? '')?.[1] ?? '';
      const [row] = await p.database.db
        .select()
        .from(otpCodes)
        .where(eq(otpCodes.phoneIndex, p.ctx.personal.indexHex('phone', phone)));
      const unkeyed = createHash('sha256').update(`${phone}:${code}`).digest('hex');
      assert.notEqual(row?.codeHash, unkeyed, 'not the plain SHA-256 of phone and code');
      const asIndex = p.ctx.personal.indexHex('phone', `${phone}:${code}`);
      assert.ok(!row?.codeHash.startsWith(asIndex), 'nor a blind index of the same string');
      assert.equal(row?.codeHash, otpHash(p.ctx.personal, phone, code));
      assert.equal((await guess(phone, code, from)).statusCode, 200);

      // A code sent by the release before (unkeyed) no longer verifies: codes live minutes, the
      // resident asks for another.
      const before = '13912348041';
      assert.equal((await send(before, from)).statusCode, 202);
      const sent = (await p.call('GET', `/api/v1/dev/outbox?to=${before}`)).json<{ text: string }[]>()[0];
      const second = /(\d{6})/.exec(sent?.text ?? '')?.[1] ?? '';
      await p.database.db.execute(
        sql`update otp_codes set code_hash = ${createHash('sha256').update(`${before}:${second}`).digest('hex')}
            where phone = ${p.ctx.personal.indexHex('phone', before)}`,
      );
      assertError(await guess(before, second, from), 401, 'OTP_INVALID');
    });

    test('expired codes are purged once the hour they count for has passed', async () => {
      const phone = '13912348030';
      assert.equal((await send(phone, '192.0.2.30')).statusCode, 202);
      const all = async () => p.database.db.select().from(otpCodes);
      const before = (await all()).length;
      assert.equal(await purgeExpiredOtpCodes(p.ctx), 0, 'nothing is old enough yet');
      p.clock.advance(3601_000);
      assert.equal((await send(phone, '192.0.2.30')).statusCode, 202);
      const mine = await p.database.db
        .select()
        .from(otpCodes)
        .where(eq(otpCodes.phoneIndex, p.ctx.personal.indexHex('phone', phone)));
      assert.equal(mine.length, 1, "a new send clears the phone's own spent codes");
      const purged = await purgeExpiredOtpCodes(p.ctx);
      assert.equal(purged, before - 1, 'every other code of the hour before is gone');
      assert.equal((await all()).length, 1);
    });
  });
}
