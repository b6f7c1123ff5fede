// GET /me/cards: every card the holder may show (R6 "all electronic cards"): their own and, as
// an agent, their wards' (R13), with the status that counts today. Legacy cards appear like
// electronic ones until they expire (R10).
import { openNote } from '../../db/repositories/staff-notes.ts';
import { eq, inArray } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import {
  effectiveStatus,
  endorsementWindow,
  isDisplayable,
  validityDate,
  type CardStatus,
} from '../../domain/cards/index.ts';
import { guardianships, residents } from '../../db/schema/index.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import { cardsOfHolders, toDomainCard } from '../../db/repositories/cards.ts';
import { maskName } from '../../domain/identity/person-name.ts';
import type { ServiceContext } from '../context.ts';
import { materialisePendingLegacyCards } from '../legacy/materialise-legacy-card.ts';

async function idNumbersOf(ctx: ServiceContext, ids: string[]): Promise<(string | null)[]> {
  const rows = await ctx.db
    .select({ idNumber: residents.idNumberSealed })
    .from(residents)
    .where(inArray(residents.id, ids));
  return rows.map((r) => openIdNumber(ctx.personal, r.idNumber));
}

export interface WalletCard {
  id: string;
  kind: 'registration_card' | 'residence_permit';
  number: string;
  version: number;
  status: CardStatus;
  issuedOn: string;
  validUntil: string;
  endorsementDueOn: string | null;
  /** Today is within the permit's endorsement window (the wallet's 即将需签注 chip). */
  endorsementOpen: boolean;
  source: 'electronic' | 'legacy';
  districtCode: string;
  /** Present when the card is a ward's, shown to the agent. */
  ward: { name: string; relation: string } | null;
  /** Why the card was revoked (DESIGN §2: a reason the holder sees). */
  revokedReason: string | null;
}

/** By default only the cards that can be shown; `includeInactive` adds expired, revoked and superseded ones. */
export async function listMyCards(
  ctx: ServiceContext,
  residentId: string,
  opts: { includeInactive?: boolean } = {},
): Promise<WalletCard[]> {
  const today = beijingDate(ctx.clock.now());
  const wards = await ctx.db
    .select({ wardId: guardianships.wardId, relation: guardianships.relation, name: residents.nameSealed })
    .from(guardianships)
    .innerJoin(residents, eq(residents.id, guardianships.wardId))
    .where(eq(guardianships.agentId, residentId));
  const wardById = new Map(wards.map((w) => [w.wardId, w]));
  // Legacy cards imported after the identity was bound (or a ward's) enter the register now.
  const [me] = await idNumbersOf(ctx, [residentId]);
  const held = wards.length > 0 ? await idNumbersOf(ctx, [...wardById.keys()]) : [];
  const idNumbers = [me, ...held].filter((n): n is string => typeof n === 'string');
  await materialisePendingLegacyCards(ctx, { idNumbers });
  const rows = await cardsOfHolders(ctx.db, [residentId, ...wardById.keys()]);
  return rows
    .map((row) => {
      const card = toDomainCard(row);
      const ward = wardById.get(row.holderId);
      const window = endorsementWindow(card, ctx.policy);
      return {
        id: row.id,
        kind: row.kind,
        number: row.number,
        version: row.version,
        status: effectiveStatus(card, today, ctx.policy),
        issuedOn: row.issuedOn,
        validUntil: validityDate(card, ctx.policy),
        endorsementDueOn: row.endorsementDueOn,
        endorsementOpen: window !== null && window.opensOn <= today && today <= window.closesOn,
        source: row.source,
        districtCode: row.districtCode,
        ward: ward
          ? { name: maskName(openName(ctx.personal, ward.name) ?? ''), relation: ward.relation }
          : null,
        revokedReason: openNote(ctx.personal, 'cards.revoked_reason', row.revokedReasonSealed),
      };
    })
    .filter((c) => opts.includeInactive === true || isDisplayable(c.status))
    .sort(
      (a, b) => (a.ward === null ? 0 : 1) - (b.ward === null ? 0 : 1) || b.issuedOn.localeCompare(a.issuedOn),
    );
}
