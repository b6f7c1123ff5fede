// Verifier organisations and their API keys (admin). A key is shown once; only its SHA-256 is
// kept. An organisation authorised for the full record (police) sees it; others the public view.
import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { verifierKeys, verifierOrgs } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from '../staff/access.ts';
import { auditedAs, type Actor } from '../actor.ts';

export type VerifierKind = (typeof verifierOrgs.$inferSelect)['kind'];

export interface VerifierOrgView {
  id: string;
  name: string;
  kind: VerifierKind;
  fullRecord: boolean;
  createdAt: string;
}

const view = (r: typeof verifierOrgs.$inferSelect): VerifierOrgView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  fullRecord: r.fullRecord,
  createdAt: r.createdAt.toISOString(),
});

export async function listVerifierOrgs(
  ctx: ServiceContext,
  principal: Principal | undefined,
): Promise<VerifierOrgView[]> {
  requireStaff(principal, ['admin']);
  return (await ctx.db.select().from(verifierOrgs).orderBy(asc(verifierOrgs.name))).map(view);
}

export async function createVerifierOrg(
  ctx: ServiceContext,
  actor: Actor,
  input: { name: string; kind: VerifierKind; fullRecord: boolean },
): Promise<VerifierOrgView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(verifierOrgs)
      .values({ name: input.name.trim(), kind: input.kind, fullRecord: input.fullRecord, createdAt: now })
      .returning();
    if (!row) throw new Error('verifier org insert returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'verifier_org.created',
      subjectKind: 'verifier_org',
      subjectId: row.id,
      details: { kind: row.kind, fullRecord: row.fullRecord },
    });
    return view(row);
  });
}

export async function issueVerifierKey(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
): Promise<{ id: string; key: string; prefix: string }> {
  const now = ctx.clock.now();
  const key = `jzv_${randomBytes(24).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: verifierOrgs.id })
      .from(verifierOrgs)
      .where(eq(verifierOrgs.id, orgId));
    if (!org) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(verifierKeys)
      .values({ orgId, keyHash: sha256Hex(key), prefix: key.slice(0, 8), createdAt: now })
      .returning({ id: verifierKeys.id, prefix: verifierKeys.prefix });
    if (!row) throw new Error('verifier key insert returned no row');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'verifier_key.issued',
      subjectKind: 'verifier_org',
      subjectId: orgId,
      details: { keyId: row.id, prefix: row.prefix },
    });
    return { id: row.id, key, prefix: row.prefix };
  });
}

export async function revokeVerifierKey(ctx: ServiceContext, actor: Actor, keyId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(verifierKeys)
      .set({ revokedAt: now })
      .where(eq(verifierKeys.id, keyId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      at: now,
      ...auditedAs(actor),
      action: 'verifier_key.revoked',
      subjectKind: 'verifier_org',
      subjectId: row.orgId,
      details: { keyId },
    });
  });
}
