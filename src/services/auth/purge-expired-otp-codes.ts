// Login codes are kept for the hour they count in the per-phone limit, then serve nothing: this
// removes every code that has expired and is older than that hour. Each send already clears its
// own phone's; this use case is for a scheduled job or `juzhu otp purge` (data minimisation,
// PIPL Art. 19: kept no longer than needed).
import { and, lt } from 'drizzle-orm';
import { otpCodes } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

/** Deletes the codes no limit or login can use any more; returns how many. */
export async function purgeExpiredOtpCodes(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const gone = await ctx.db
    .delete(otpCodes)
    .where(and(lt(otpCodes.createdAt, hourAgo), lt(otpCodes.expiresAt, now)))
    .returning({ id: otpCodes.id });
  return gone.length;
}
