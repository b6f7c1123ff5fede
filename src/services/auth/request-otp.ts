// POST /auth/otp: a one-time login code by SMS, sent after the code is committed. Codes are single-use, live ≤ 10 minutes and are
// rate-limited per phone and per client address (state in the database, so every process sees it).
import { FieldError } from '../../domain/validation-problem.ts';
import { randomInt } from 'node:crypto';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { otpCodes } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { enforceRateLimit } from '../../db/repositories/rate-limits.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export const MIN_SECONDS_BETWEEN_CODES = 60;
export const MAX_CODES_PER_HOUR = 5;

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const PHONE_PATTERN = '^1[3-9][0-9]{9}$';

/**
 * What `otp_codes.code_hash` keeps of a code: HMAC-SHA-256 of phone and code under the login-code key
 * (src/crypto/keyed-digest.ts). The unkeyed SHA-256 releases before kept gave a dumped row's code
 * away in 10^6 hashes. Codes sent before the upgrade no longer verify (they live minutes: the
 * resident asks for another).
 */
export const otpHash = (personal: PersonalCipher, phone: string, code: string): string =>
  personal.digest('otp_code', `${phone}:${code}`).toString('hex');

/**
 * How the audit trail names a phone: its blind index (keyed HMAC, as `otp_codes` and `residents`
 * find a phone), never the number. An unkeyed hash, as releases before kept, can be reversed by
 * hashing every mainland number; rows written so stay as they were (the trail is append-only).
 */
export const phoneSubject = (personal: PersonalCipher, phone: string): string =>
  personal.indexHex('phone', phone);

export async function requestOtp(ctx: ServiceContext, phone: string, clientAddress: string): Promise<void> {
  if (!new RegExp(PHONE_PATTERN).test(phone)) {
    throw new FieldError({ field: 'phone', keyword: 'pattern' });
  }
  const now = ctx.clock.now();
  // Per phone alone, one address sent codes to 30 phones (SMS cost, harassment): count it too.
  const bucket = `otp-send:ip:${clientAddress}`;
  await enforceRateLimit(ctx.db, bucket, now, 3600, ctx.limits.otpSendsPerHourPerAddress);
  const code = await ctx.db.transaction(async (tx) => {
    // One request per phone at a time: row locks cannot lock rows that do not exist yet, so 20
    // simultaneous first requests each saw none and each sent a code. The lock ends with the
    // transaction (no release to forget).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otp:${phone}`}))`);
    const hourAgo = new Date(now.getTime() - 3600_000);
    // Spent codes older than the hour they count for serve nothing: this phone's go now; the
    // rest go with purgeExpiredOtpCodes.
    const phoneIndex = ctx.personal.indexHex('phone', phone);
    await tx
      .delete(otpCodes)
      .where(and(eq(otpCodes.phoneIndex, phoneIndex), lt(otpCodes.createdAt, hourAgo)));
    const recent = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.phoneIndex, phoneIndex), gt(otpCodes.createdAt, hourAgo)));
    const newest = Math.max(0, ...recent.map((r) => r.createdAt.getTime()));
    const wait = Math.ceil((newest + MIN_SECONDS_BETWEEN_CODES * 1000 - now.getTime()) / 1000);
    if (wait > 0) throw new AppError('OTP_RATE_LIMITED', undefined, { retryAfter: wait });
    if (recent.length >= MAX_CODES_PER_HOUR) {
      const oldest = Math.min(...recent.map((r) => r.createdAt.getTime()));
      throw new AppError('OTP_RATE_LIMITED', undefined, {
        retryAfter: Math.ceil((oldest + 3600_000 - now.getTime()) / 1000),
      });
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await tx.insert(otpCodes).values({
      phoneIndex,
      codeHash: otpHash(ctx.personal, phone, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ctx.otpTtlSeconds * 1000),
    });
    await recordAudit(tx, {
      at: now,
      actorKind: 'system',
      actorId: null,
      channel: 'online',
      action: 'otp.sent',
      // The phone number is personal data: the trail keeps a hash that still links attempts.
      subjectKind: 'phone',
      subjectId: phoneSubject(ctx.personal, phone),
    });
    return code;
  });
  // Sent after commit: no connection (nor the phone's lock) is held through the gateway's answer.
  // A code the gateway did not take is deleted, so it neither works nor counts against the phone.
  const minutes = Math.round(ctx.otpTtlSeconds / 60);
  try {
    await ctx
      .sms(ctx.db)
      .send(phone, `【北京居住证】验证码 ${code}，${minutes}分钟内有效。请勿告诉他人。`, now);
  } catch (e) {
    await ctx.db.transaction(async (tx) => {
      await tx.delete(otpCodes).where(eq(otpCodes.codeHash, otpHash(ctx.personal, phone, code)));
      await recordAudit(tx, {
        at: now,
        actorKind: 'system',
        actorId: null,
        channel: 'online',
        action: 'otp.send_failed',
        subjectKind: 'phone',
        subjectId: phoneSubject(ctx.personal, phone),
      });
    });
    throw e;
  }
}

/** Codes sent to a phone in the last hour (for tests and the admin view). */
export async function countRecentCodes(ctx: ServiceContext, phone: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.phoneIndex, ctx.personal.indexHex('phone', phone)),
        gt(otpCodes.createdAt, new Date(ctx.clock.now().getTime() - 3600_000)),
      ),
    );
  return row?.n ?? 0;
}
