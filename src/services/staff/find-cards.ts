// GET /staff/cards: find a card of the jurisdiction by its number, its holder's ID number (exact,
// each an indexed look-up) or the holder's full name; current versions only, newest first.
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { maskIdNumber } from '../../domain/identity/mask-id-number.ts';
import { cards, residents } from '../../db/schema/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireStaff } from './access.ts';
import { cardSummary } from './card-summary.ts';
import { cardScope } from './jurisdiction.ts';
import { classifySearch } from './search-term.ts';
import { materialisePendingLegacyCards } from '../legacy/materialise-legacy-card.ts';
import { holdersMatching } from './holder-search.ts';
import { openIdNumber, openName } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

function cardSearch(cipher: PersonalCipher, q: string): SQL {
  const term = classifySearch(q);
  if (term.kind === 'card_number') return eq(cards.number, term.value);
  const holders = holdersMatching(cipher, term) ?? sql`false`;
  return inArray(cards.holderId, sql`(select ${residents.id} from ${residents} where ${holders})`);
}

export async function findCards(
  ctx: ServiceContext,
  principal: Principal | undefined,
  query: { q?: string | undefined; limit?: number | undefined; offset?: number | undefined },
) {
  const member = requireStaff(principal, ['officer', 'clerk']);
  const where = and(
    cardScope(member),
    ne(cards.storedStatus, 'superseded'),
    query.q ? cardSearch(ctx.personal, query.q) : undefined,
  );
  // A legacy card nobody has needed yet is made now, so the search finds it like any other.
  const term = query.q ? classifySearch(query.q) : null;
  if (term?.kind === 'id_number') await materialisePendingLegacyCards(ctx, { idNumbers: [term.value] });
  if (term?.kind === 'card_number') await materialisePendingLegacyCards(ctx, { cardNumber: term.value });
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const [counted] = await ctx.db.select({ n: count() }).from(cards).where(where);
  const rows = await ctx.db
    .select({ card: cards, name: residents.nameSealed, idNumber: residents.idNumberSealed })
    .from(cards)
    .innerJoin(residents, eq(residents.id, cards.holderId))
    .where(where)
    .orderBy(desc(cards.issuedOn), asc(cards.number))
    .limit(limit)
    .offset(offset);
  const today = beijingDate(ctx.clock.now());
  return {
    total: counted?.n ?? 0,
    limit,
    offset,
    items: rows.map(({ card, name, idNumber }) => {
      const id = openIdNumber(ctx.personal, idNumber);
      return {
        ...cardSummary(card, today, ctx.policy),
        holder: {
          id: card.holderId,
          name: openName(ctx.personal, name),
          idNumber: id === null ? null : maskIdNumber(id),
        },
      };
    }),
  };
}
