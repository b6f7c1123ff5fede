// Challenge mode (DESIGN §3): the verifier shows a short challenge, the holder's wallet binds it
// into the code, and a code without that challenge fails. Unambiguous characters only (no 0/O,
// 1/I), short enough to type, and in QR alphanumeric mode.
import { randomInt } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { verifyChallenges } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { ServiceContext } from '../context.ts';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** What a wallet or verifier may type: the codes we hand out, and other verifiers' up to 16 characters. */
export const CHALLENGE_PATTERN = '^[0-9A-Z]{4,16}$';
export const CHALLENGE_LIFETIME_SECONDS = 120;

export async function createChallenge(
  ctx: ServiceContext,
): Promise<{ challenge: string; expiresAt: string }> {
  const now = ctx.clock.now();
  const challenge = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_SECONDS * 1000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(verifyChallenges).values({ challenge, createdAt: now, expiresAt }).onConflictDoNothing();
    await recordAudit(tx, {
      at: now,
      actorKind: 'verifier',
      actorId: null,
      channel: 'api',
      action: 'verify.challenge_created',
      subjectKind: 'challenge',
      subjectId: challenge,
    });
  });
  return { challenge, expiresAt: expiresAt.toISOString() };
}

export async function isLiveChallenge(ctx: ServiceContext, challenge: string, now: Date): Promise<boolean> {
  if (!new RegExp(CHALLENGE_PATTERN).test(challenge)) return false;
  const [row] = await ctx.db
    .select({ challenge: verifyChallenges.challenge })
    .from(verifyChallenges)
    .where(and(eq(verifyChallenges.challenge, challenge), gt(verifyChallenges.expiresAt, now)));
  return row !== undefined;
}
