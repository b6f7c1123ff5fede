// POST /cards/{id}/display-codes: a fresh live code each call (R7), for the holder or for an
// agent showing a ward's card (R13). A suspended permit still gets a code, saying suspended; a
// revoked, superseded or expired card gets none.
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { beijingDate } from '../../domain/beijing-date.ts';
import { effectiveStatus, isDisplayable, validityDate } from '../../domain/cards/index.ts';
import { maskName } from '../../domain/identity/person-name.ts';
import { newDisplayClaims, signDisplayCode } from '../../credentials/index.ts';
import type { Db } from '../../db/client.ts';
import { cards, guardianships, residents } from '../../db/schema/index.ts';
import { toDomainCard } from '../../db/repositories/cards.ts';
import { openName } from '../../db/repositories/residents.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { requireResident } from '../staff/access.ts';

export interface IssuedDisplayCode {
  code: string;
  issuedAt: string;
  expiresAt: string;
}

// The card read runs for every code shown: prepared once per database, so drizzle does not
// rebuild the SQL each time and PostgreSQL plans it once per connection (bench/http.bench.ts).
const prepareCardRead = (db: Db) =>
  db
    // Only what a code needs: every column read is a column parsed, on every code shown.
    .select({
      card: {
        holderId: cards.holderId,
        kind: cards.kind,
        source: cards.source,
        storedStatus: cards.storedStatus,
        number: cards.number,
        version: cards.version,
        issuedOn: cards.issuedOn,
        validUntil: cards.validUntil,
        endorsementDueOn: cards.endorsementDueOn,
        residenceCountFrom: cards.residenceCountFrom,
        districtCode: cards.districtCode,
        statusList: cards.statusList,
        statusIndex: cards.statusIndex,
      },
      holderName: residents.nameSealed,
    })
    .from(cards)
    .innerJoin(residents, eq(residents.id, cards.holderId))
    .where(eq(cards.id, sql.placeholder('cardId')))
    .prepare('issue_display_code_card');
const cardReads = new WeakMap<Db, ReturnType<typeof prepareCardRead>>();

function cardRead(db: Db) {
  let read = cardReads.get(db);
  if (!read) cardReads.set(db, (read = prepareCardRead(db)));
  return read;
}

export async function issueDisplayCode(
  ctx: ServiceContext,
  principal: Principal | undefined,
  cardId: string,
  challenge: string | undefined,
): Promise<IssuedDisplayCode> {
  const residentId = requireResident(principal);
  const now = ctx.clock.now();
  let row = ctx.hot.cards.get(cardId);
  if (!row) {
    const [read] = await cardRead(ctx.db).execute({ cardId });
    if (!read) throw new AppError('NOT_FOUND');
    // Opened once per cache fill: the cache holds what the code is made from.
    row = { card: read.card, holderName: openName(ctx.personal, read.holderName) };
    ctx.hot.cards.set(cardId, row);
  }
  if (row.card.holderId !== residentId) {
    const [agency] = await ctx.db
      .select({ id: guardianships.id })
      .from(guardianships)
      .where(and(eq(guardianships.agentId, residentId), eq(guardianships.wardId, row.card.holderId)));
    if (!agency) throw new AppError('NOT_FOUND');
  }
  const card = toDomainCard(row.card);
  const status = effectiveStatus(card, beijingDate(now), ctx.policy);
  if (!isDisplayable(status) || row.card.statusList === null || row.card.statusIndex === null) {
    throw new AppError('CARD_NOT_DISPLAYABLE');
  }
  const signer = await ctx.keys.signer('display_code', now);
  if (!signer) throw new AppError('INTERNAL', 'no display-code signing key');
  const claims = newDisplayClaims(
    {
      kind: row.card.kind,
      cardNumber: row.card.number,
      cardVersion: row.card.version,
      validUntil: validityDate(card, ctx.policy),
      statusAtIssue: status === 'suspended' ? 'suspended' : 'valid',
      districtCode: row.card.districtCode,
      maskedName: maskName(row.holderName ?? ''),
      statusList: { list: row.card.statusList, index: row.card.statusIndex },
    },
    now,
    {
      lifetimeSeconds: ctx.credentials.codeLifetimeSeconds,
      ...(challenge === undefined ? {} : { challenge }),
    },
  );
  return {
    code: signDisplayCode(claims, signer),
    issuedAt: new Date(claims.issuedAt * 1000).toISOString(),
    expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
  };
}
