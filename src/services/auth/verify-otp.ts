// POST /auth/otp/verify: exchanges a valid, unused, unexpired code for a resident session. The
// newest code counts; five wrong tries burn it, so guessing 10^6 codes is not an option.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { otpCodes, residents } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { residentWithPhone, sealResidentFields } from '../../db/repositories/residents.ts';
import { enforceRateLimit } from '../../db/repositories/rate-limits.ts';
import type { ServiceContext } from '../context.ts';
import { createSession } from './create-session.ts';
import { otpHash, phoneSubject } from './request-otp.ts';
import type { Language } from '../../i18n/language.ts';

export const MAX_FAILED_ATTEMPTS = 5;

export async function verifyOtp(
  ctx: ServiceContext,
  phone: string,
  code: string,
  clientAddress: string,
  /** The language the login page was in, when the request said (Accept-Language): the SMS language. */
  language?: Language,
): Promise<{ token: string; expiresAt: Date; residentId: string }> {
  const now = ctx.clock.now();
  // Five tries a code stop guessing one phone; this stops one address guessing across many.
  const bucket = `otp-verify:ip:${clientAddress}`;
  await enforceRateLimit(ctx.db, bucket, now, 3600, ctx.limits.otpVerifiesPerHourPerAddress);
  // The failed-attempt count must survive the refusal, so the check and the count commit on
  // their own and the refusal is thrown after the transaction.
  const outcome = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(otpCodes)
      .where(
        and(
          eq(otpCodes.phoneIndex, ctx.personal.indexHex('phone', phone)),
          isNull(otpCodes.usedAt),
          gt(otpCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(otpCodes.createdAt))
      .limit(1)
      .for('update');
    if (!current || current.failedAttempts >= MAX_FAILED_ATTEMPTS) return { ok: false as const };
    if (current.codeHash !== otpHash(ctx.personal, phone, code)) {
      await tx
        .update(otpCodes)
        .set({ failedAttempts: current.failedAttempts + 1 })
        .where(eq(otpCodes.id, current.id));
      await recordAudit(tx, {
        at: now,
        actorKind: 'system',
        actorId: null,
        channel: 'online',
        action: 'otp.failed',
        subjectKind: 'phone',
        subjectId: phoneSubject(ctx.personal, phone),
        details: { attempt: current.failedAttempts + 1 },
      });
      return { ok: false as const };
    }
    await tx.update(otpCodes).set({ usedAt: now }).where(eq(otpCodes.id, current.id));
    let [resident] = await tx
      .select({ id: residents.id, language: residents.language })
      .from(residents)
      .where(residentWithPhone(ctx.personal, phone));
    if (resident && language && resident.language !== language) {
      await tx.update(residents).set({ language }).where(eq(residents.id, resident.id));
    }
    if (!resident) {
      [resident] = await tx
        .insert(residents)
        .values({ ...sealResidentFields(ctx.personal, { phone }), language: language ?? null })
        .returning({ id: residents.id, language: residents.language });
      if (!resident) throw new Error('insert returned no row');
      await recordAudit(tx, {
        at: now,
        actorKind: 'resident',
        actorId: resident.id,
        channel: 'online',
        action: 'resident.registered',
        subjectKind: 'resident',
        subjectId: resident.id,
      });
    }
    const session = await createSession(
      tx,
      { kind: 'resident', id: resident.id },
      now,
      ctx.sessionTtlSeconds,
    );
    await recordAudit(tx, {
      at: now,
      actorKind: 'resident',
      actorId: resident.id,
      channel: 'online',
      action: 'session.created',
      subjectKind: 'resident',
      subjectId: resident.id,
    });
    return { ok: true as const, ...session, residentId: resident.id };
  });
  if (!outcome.ok) throw new AppError('OTP_INVALID');
  return outcome;
}
