// Revocation (DESIGN §2: false information), with a reason the holder sees. Codes shown for the
// card stop verifying at once online and, offline, as soon as verifiers refresh the status list.
//
// `revokeCardAs` is THE revocation use case: it takes an actor and checks nothing about who may
// call it. Its callers are thin layers that authorise first, in the same transaction:
// - `revokeCard` below: POST /staff/cards/{id}/revoke, an officer of the card's district;
// - `reviewVisit` (services/visits/review-visit.ts): an officer reviewing a visit that found no
//   such resident or another one at the address;
// - jobs, imports and the CLI with `systemActor(...)`.
import { FieldError } from '../../domain/validation-problem.ts';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { revokeCard as revokeDomainCard } from '../../domain/cards/index.ts';
import type { Db } from '../../db/client.ts';
import { cards } from '../../db/schema/index.ts';
import { findCard, toDomainCard } from '../../db/repositories/cards.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { sealNote } from '../../db/repositories/staff-notes.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { auditedAs, staffActor, type Actor } from '../actor.ts';
import { cardInJurisdiction, requireStaff } from '../staff/access.ts';
import { writeAndAnnounce, type Announce } from '../changes/write-and-announce.ts';

export interface RevokedCard {
  id: string;
  status: 'revoked';
  reason: string;
}

/** The transaction a use case joins, and where it announces its changes to caches. */
export interface UnitOfWork {
  tx: Db;
  announce: Announce;
}

export async function revokeCardAs(
  ctx: ServiceContext,
  actor: Actor,
  input: { cardId: string; reason: string; details?: Record<string, unknown> },
  work: UnitOfWork,
): Promise<RevokedCard> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new FieldError({ field: 'reason', keyword: 'required' });
  const { tx, announce } = work;
  const now = ctx.clock.now();
  const row = await findCard(tx, input.cardId, { forUpdate: true });
  if (!row) throw new AppError('NOT_FOUND');
  const revoked = revokeDomainCard(toDomainCard(row));
  await tx
    .update(cards)
    .set({
      storedStatus: revoked.storedStatus,
      revokedReasonSealed: sealNote(ctx.personal, 'cards.revoked_reason', reason),
      revokedAt: now,
    })
    .where(eq(cards.id, row.id));
  await recordAudit(tx, {
    at: now,
    ...auditedAs(actor),
    action: 'card.revoked',
    subjectKind: 'card',
    subjectId: row.id,
    ...(input.details ? { details: input.details } : {}),
  });
  announce({ kind: 'card', id: row.id, statusList: row.statusList });
  return { id: row.id, status: 'revoked', reason };
}

/** POST /staff/cards/{id}/revoke: an officer of the card's district. */
export async function revokeCard(
  ctx: ServiceContext,
  principal: Principal | undefined,
  cardId: string,
  reason: string,
): Promise<RevokedCard> {
  const officer = requireStaff(principal, ['officer']);
  return writeAndAnnounce(ctx, async (tx, announce) => {
    await cardInJurisdiction(tx, officer, cardId, { forUpdate: true });
    return revokeCardAs(ctx, staffActor(officer), { cardId, reason }, { tx, announce });
  });
}

/**
 * `juzhu cards revoke <number>`: an operator revokes the version in use of a card number (a court
 * order, a decision taken outside the console). The same use case; the audit names the CLI.
 */
export async function revokeCardByNumber(
  ctx: ServiceContext,
  actor: Actor,
  number: string,
  reason: string,
): Promise<RevokedCard> {
  return writeAndAnnounce(ctx, async (tx, announce) => {
    const [current] = await tx
      .select({ id: cards.id })
      .from(cards)
      .where(and(eq(cards.number, number), eq(cards.storedStatus, 'active')))
      .orderBy(desc(cards.version))
      .limit(1);
    if (!current) throw new AppError('NOT_FOUND', `no card in use numbered ${number}`);
    return revokeCardAs(ctx, actor, { cardId: current.id, reason }, { tx, announce });
  });
}
