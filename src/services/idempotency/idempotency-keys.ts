// Idempotent POSTs (issue 9, ASVS 5.0 V2.3): a client that did not hear the answer to a POST sends it
// again with the same `Idempotency-Key` and gets the first answer, not a second application, form or
// booking. One row per (caller, key), claimed by an INSERT that only one request can win, so this
// holds across any number of processes; kept 24 hours.
import { and, eq, lt } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { idempotencyKeys } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import type { SealedColumn } from '../../crypto/field-cipher.ts';

export const KEEP_HOURS = 24;
/** A request still in flight after this is taken to have died with its process: a retry takes over. */
export const ABANDONED_AFTER_SECONDS = 60;

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

/**
 * What a stored answer is sealed under: the column and the row's id, so an answer moved to another
 * caller's row (to be replayed to them) fails to open.
 */
export function replayColumn(id: string): SealedColumn {
  return `idempotency_keys.body:${id}`;
}

export type Claim = { claimed: true; id: string } | { claimed: false; answer: StoredAnswer };

/**
 * Claims `key` for this request, or gives the stored first answer. Refuses the key when it was used
 * for another request (IDEMPOTENCY_KEY_REUSED) or when its first request is still running
 * (IDEMPOTENCY_KEY_IN_FLIGHT, with a Retry-After). `olderFingerprint`, asked only when the held
 * fingerprint differs, is the same request's in an older release's form, also accepted.
 */
export async function claimIdempotencyKey(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'personal'>,
  principal: string,
  key: string,
  fingerprint: string,
  olderFingerprint?: () => string,
): Promise<Claim> {
  const now = ctx.clock.now();
  const expired = new Date(now.getTime() - KEEP_HOURS * 3600_000);
  // This caller's expired keys go first, so an old key may be used again.
  await ctx.db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), lt(idempotencyKeys.createdAt, expired)));
  const [mine] = await ctx.db
    .insert(idempotencyKeys)
    .values({ principal, key, fingerprint, state: 'in_flight', startedAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (mine) return { claimed: true, id: mine.id };

  const [held] = await ctx.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  // Released meanwhile: claim it afresh.
  if (!held) return claimIdempotencyKey(ctx, principal, key, fingerprint, olderFingerprint);
  if (held.fingerprint !== fingerprint && held.fingerprint !== olderFingerprint?.()) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED');
  }
  if (held.state === 'done') {
    return {
      claimed: false,
      answer: {
        status: held.status ?? 200,
        contentType: held.contentType,
        body: held.bodySealed
          ? ctx.personal.openBytes(replayColumn(held.id), held.bodySealed)
          : new Uint8Array(),
      },
    };
  }
  const age = (now.getTime() - held.startedAt.getTime()) / 1000;
  if (age >= ABANDONED_AFTER_SECONDS) {
    // Taken over only by the one retry whose update still sees the old start.
    const [taken] = await ctx.db
      .update(idempotencyKeys)
      .set({ startedAt: now })
      .where(and(eq(idempotencyKeys.id, held.id), eq(idempotencyKeys.startedAt, held.startedAt)))
      .returning({ id: idempotencyKeys.id });
    if (taken) return { claimed: true, id: taken.id };
  }
  throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', undefined, {
    retryAfter: Math.max(1, Math.ceil(ABANDONED_AFTER_SECONDS - age)),
  });
}

/** Keeps the first answer for the retries to come. */
export async function completeIdempotencyKey(
  ctx: Pick<ServiceContext, 'db' | 'personal'>,
  id: string,
  answer: StoredAnswer,
): Promise<void> {
  await ctx.db
    .update(idempotencyKeys)
    .set({
      state: 'done',
      status: answer.status,
      contentType: answer.contentType,
      bodySealed: ctx.personal.sealBytes(replayColumn(id), answer.body),
    })
    .where(eq(idempotencyKeys.id, id));
}

/** Lets the key go: the request did not get an answer worth repeating (5xx, 429), so a retry runs it. */
export async function releaseIdempotencyKey(ctx: Pick<ServiceContext, 'db'>, id: string): Promise<void> {
  await ctx.db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}

/** Deletes every key past its 24 hours (for a scheduled job); returns how many. */
export async function purgeIdempotencyKeys(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<number> {
  const expired = new Date(ctx.clock.now().getTime() - KEEP_HOURS * 3600_000);
  const gone = await ctx.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, expired))
    .returning({ id: idempotencyKeys.id });
  return gone.length;
}
