// What the administration pages list and nothing else changes: the signing keys with their
// windows (public parts only), an organisation's verifier keys (prefixes only: the key itself is
// shown once, when issued), and the policy in force with where each value comes from.
import { asc, eq } from 'drizzle-orm';
import { defaultPolicy, type Policy } from '../../domain/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { verifierKeys, verifierOrgs } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from '../staff/access.ts';

export async function listSigningKeys(ctx: ServiceContext, principal: Principal | undefined) {
  requireStaff(principal, ['admin']);
  const now = ctx.clock.now().toISOString();
  return (await ctx.keys.all()).map(({ purpose, canSign, record: r }) => ({
    kid: r.kid,
    purpose,
    alg: r.alg,
    canSign,
    createdAt: r.createdAt,
    signUntil: r.signUntil,
    verifyUntil: r.verifyUntil,
    signsNow: canSign && (r.signUntil === null || r.signUntil > now),
  }));
}

export async function listVerifierKeys(ctx: ServiceContext, principal: Principal | undefined, orgId: string) {
  requireStaff(principal, ['admin']);
  const [org] = await ctx.db
    .select({ id: verifierOrgs.id })
    .from(verifierOrgs)
    .where(eq(verifierOrgs.id, orgId));
  if (!org) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select()
    .from(verifierKeys)
    .where(eq(verifierKeys.orgId, orgId))
    .orderBy(asc(verifierKeys.createdAt));
  return rows.map((k) => ({
    id: k.id,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

export function policyInForce(ctx: ServiceContext, principal: Principal | undefined) {
  requireStaff(principal, ['admin']);
  const fromFile = new Set(ctx.policySource.settings);
  return {
    file: ctx.policySource.file,
    settings: (Object.keys(defaultPolicy) as (keyof Policy)[]).map((name) => ({
      name,
      value: ctx.policy[name],
      default: defaultPolicy[name],
      source: fromFile.has(name) ? ('file' as const) : ('default' as const),
    })),
  };
}
