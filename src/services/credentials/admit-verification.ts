// POST /verify is open to anyone, and each check is recorded: without a limit, one client could
// fill the audit trail and starve the service. Counted per verifier organisation when a key is
// given, else per client address, in the database so all processes count together.
import { enforceRateLimit } from '../../db/repositories/rate-limits.ts';
import type { ServiceContext } from '../context.ts';
import type { VerifierIdentity } from './verify-code.ts';

export async function admitVerification(
  ctx: ServiceContext,
  verifier: VerifierIdentity | undefined,
  clientAddress: string,
): Promise<void> {
  const [bucket, limit] = verifier
    ? [`verify:org:${verifier.orgId}`, ctx.limits.verificationsPerMinutePerOrg]
    : [`verify:ip:${clientAddress}`, ctx.limits.verificationsPerMinutePerAddress];
  await enforceRateLimit(ctx.db, bucket, ctx.clock.now(), 60, limit);
}
