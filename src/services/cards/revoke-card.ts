// POST /staff/cards/{id}/revoke: an officer of the card's district revokes it, with a reason the
// holder sees (DESIGN §2: false information). Codes shown for it stop verifying at once online
// and, offline, as soon as verifiers refresh the status list.
import { FieldError } from '../../domain/validation-problem.ts';
import { eq } from 'drizzle-orm';
import { revokeCard as revokeDomainCard } from '../../domain/cards/index.ts';
import { cards } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { cardInJurisdiction, requireStaff } from '../staff/access.ts';
import { writeAndAnnounce } from '../changes/write-and-announce.ts';

export async function revokeCard(
  ctx: ServiceContext,
  principal: Principal | undefined,
  cardId: string,
  reason: string,
): Promise<{ id: string; status: 'revoked'; reason: string }> {
  const officer = requireStaff(principal, ['officer']);
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw new FieldError({ field: 'reason', keyword: 'required' });
  const now = ctx.clock.now();
  await writeAndAnnounce(ctx, async (tx, announce) => {
    const row = await cardInJurisdiction(tx, officer, cardId, { forUpdate: true });
    const revoked = revokeDomainCard(toDomainCard(row));
    await tx
      .update(cards)
      .set({ storedStatus: revoked.storedStatus, revokedReason: trimmed, revokedAt: now })
      .where(eq(cards.id, cardId));
    await recordAudit(tx, {
      at: now,
      actorKind: 'staff',
      actorId: officer.staffId,
      channel: 'window',
      action: 'card.revoked',
      subjectKind: 'card',
      subjectId: cardId,
      stationId: officer.stationId,
    });
    announce({ kind: 'card', id: cardId, statusList: row.statusList });
  });
  return { id: cardId, status: 'revoked', reason: trimmed };
}
