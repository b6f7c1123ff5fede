// GET /staff/cards/{id}: a card of the jurisdiction with its holder (ID number masked), every
// version of its number and the history of them all from the audit trail: what an officer needs
// before revoking it (POST /staff/cards/{id}/revoke) or a clerk before a change.
import { asc, eq } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { cards } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { cardInJurisdiction, requireStaff } from './access.ts';
import { cardSummary } from './card-summary.ts';
import { historyOf } from './history.ts';
import { findResident } from '../../db/repositories/residents.ts';
import { openNote } from '../../db/repositories/staff-notes.ts';

export async function cardDetail(ctx: ServiceContext, principal: Principal | undefined, id: string) {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const row = await cardInJurisdiction(ctx.db, member, id);
  const holder = await findResident(ctx.db, ctx.personal, row.holderId);
  const versions = await ctx.db
    .select()
    .from(cards)
    .where(eq(cards.number, row.number))
    .orderBy(asc(cards.version));
  const history = await historyOf(
    ctx.db,
    'card',
    versions.map((v) => v.id),
    ['card.verified', 'card.full_record_viewed'],
  );
  const today = beijingDate(ctx.clock.now());
  return {
    ...cardSummary(row, today, ctx.policy),
    holder: {
      id: row.holderId,
      name: holder?.name ?? null,
      idNumber: holder?.idNumber ? maskIdNumber(holder.idNumber) : null,
    },
    revokedReason: openNote(ctx.personal, 'cards.revoked_reason', row.revokedReasonSealed),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    versions: versions.map((v) => cardSummary(v, today, ctx.policy)),
    history,
  };
}
