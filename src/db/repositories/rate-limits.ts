import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../client.ts';
import { rateLimits } from '../schema/index.ts';

/**
 * Counts one request in `bucket`'s current window and says whether it is within `limit`. One
 * upsert a call; the first request of a window also clears the bucket's older windows.
 */
export async function consumeRateLimit(
  db: Db,
  bucket: string,
  now: Date,
  windowSeconds: number,
  limit: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  if (count === 1) {
    await db
      .delete(rateLimits)
      .where(and(eq(rateLimits.bucket, bucket), lt(rateLimits.windowStart, windowStart)));
  }
  return {
    allowed: count <= limit,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}

/** Counts one request in `bucket`; over `limit`, 429 RATE_LIMITED with Retry-After. */
export async function enforceRateLimit(
  db: Db,
  bucket: string,
  now: Date,
  windowSeconds: number,
  limit: number,
): Promise<void> {
  const { allowed, retryAfterSeconds } = await consumeRateLimit(db, bucket, now, windowSeconds, limit);
  if (!allowed) throw new AppError('RATE_LIMITED', undefined, { retryAfter: retryAfterSeconds });
}

/** Gives back one request counted in `bucket`'s current window (one that turned out not to count). */
export async function refundRateLimit(
  db: Db,
  bucket: string,
  now: Date,
  windowSeconds: number,
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)));
}
