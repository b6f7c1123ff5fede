// GET /me/access-log: who checked the holder's cards, when, with what result; and whether the full
// record was shown (DESIGN §3: every look-up is visible to the holder).
import { desc, eq, inArray } from 'drizzle-orm';
import { cards, confirmationForms, stations, verifications, verifierOrgs } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

export interface AccessLogEntry {
  at: string;
  cardNumber: string;
  result: string;
  verifier: string;
  verifierKind: string | null;
  fullRecord: boolean;
}

export async function accessLog(
  ctx: ServiceContext,
  residentId: string,
  limit = 100,
): Promise<AccessLogEntry[]> {
  const mine = await ctx.db.select({ id: cards.id }).from(cards).where(eq(cards.holderId, residentId));
  if (mine.length === 0) return formsIssued(ctx, residentId, limit);
  const rows = await ctx.db
    .select({
      at: verifications.at,
      number: cards.number,
      result: verifications.result,
      org: verifierOrgs.name,
      kind: verifierOrgs.kind,
      fullRecord: verifications.fullRecord,
    })
    .from(verifications)
    .innerJoin(cards, eq(cards.id, verifications.cardId))
    .leftJoin(verifierOrgs, eq(verifierOrgs.id, verifications.orgId))
    .where(
      inArray(
        verifications.cardId,
        mine.map((c) => c.id),
      ),
    )
    .orderBy(desc(verifications.at))
    .limit(limit);
  const checks = rows.map((r) => ({
    at: r.at.toISOString(),
    cardNumber: r.number,
    result: r.result,
    verifier: r.org ?? 'anonymous',
    verifierKind: r.kind,
    fullRecord: r.fullRecord,
  }));
  return [...checks, ...(await formsIssued(ctx, residentId, limit))]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}

/** Every confirmation form printed for the holder (R9): a station saw the full record to print it. */
async function formsIssued(ctx: ServiceContext, holderId: string, limit: number): Promise<AccessLogEntry[]> {
  const rows = await ctx.db
    .select({ at: confirmationForms.issuedAt, number: cards.number, station: stations.name })
    .from(confirmationForms)
    .innerJoin(cards, eq(cards.id, confirmationForms.cardId))
    .innerJoin(stations, eq(stations.id, confirmationForms.stationId))
    .where(eq(confirmationForms.holderId, holderId))
    .orderBy(desc(confirmationForms.issuedAt))
    .limit(limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    cardNumber: r.number,
    result: 'confirmation_form_issued',
    verifier: r.station,
    verifierKind: 'station',
    fullRecord: true,
  }));
}
