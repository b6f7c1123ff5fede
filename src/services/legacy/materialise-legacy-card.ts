// A legacy card enters the register when it is first needed (R10, issue 8): its holder (held
// without a phone until they bind), its card and its status-list entry are made from the stored
// row of the export. Needed means: the holder binds their identity, opens the wallet (an identity
// bound before the import), comes to a window, or staff look them up (card search, confirmation
// form). An import itself writes nothing but `legacy_cards`, so a million imported cards never
// queue on a status-list row; each card takes its entry here, as an electronic issuance does.
//
// Idempotent under concurrency: the legacy rows are locked (FOR UPDATE) before anything is made, in
// card-number order, and `card_id` marks a row done. A second caller waits for the first to commit,
// then finds `card_id` set (READ COMMITTED re-reads a locked row) and makes nothing. The holder is
// made through the residents repository (ID number and name sealed, ON CONFLICT on the ID number's
// blind index DO NOTHING), and (number, version) is unique in `cards`. Rows are found by the blind
// index of the ID number, as residents are.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beijingDate } from '../../domain/beijing-date.ts';
import { parseIdNumber } from '../../domain/identity/id-number.ts';
import { legacyCardDates } from '../../domain/legacy/legacy-row.ts';
import type { Db } from '../../db/client.ts';
import { cards, legacyCardSeals, legacyCards, stations } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/repositories/audit.ts';
import { ensureHeldResident } from '../../db/repositories/residents.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { insertCardWithStatusEntry } from '../credentials/status-entries.ts';
import type { ServiceContext } from '../context.ts';
import { sealAddress } from '../../db/repositories/addresses.ts';
import { legacyRowFields, openLegacyBlock, type LegacySealedFields } from './legacy-seal-blocks.ts';

export type LegacyCardRow = typeof legacyCards.$inferSelect;
type Ctx = Pick<ServiceContext, 'clock' | 'policy' | 'personal'>;

/**
 * Makes the register's card of one legacy row, which the caller has locked and found not made
 * (`card_id` null). Returns the card's id. A holder who has an active electronic card of the kind
 * keeps it: the legacy card is made superseded by it (staff find it by its number; it never shows).
 */
export async function materialiseLegacyCard(ctx: Ctx, tx: Db, row: LegacyCardRow): Promise<string> {
  const now = ctx.clock.now();
  const sealed = await sealedFieldsOf(ctx.personal, tx, row);
  // Sex and birth date are the ID number's: the import checked the row's against them.
  const id = parseIdNumber(sealed.idNumber, beijingDate(now));
  const holderId = await ensureHeldResident(tx, ctx.personal, {
    idNumber: id.idNumber,
    name: sealed.name,
    sex: id.sex,
    birthDate: id.birthDate,
    createdAt: now,
  });
  const [electronic] = await tx
    .select({ id: cards.id })
    .from(cards)
    .where(
      and(
        eq(cards.holderId, holderId),
        eq(cards.kind, row.kind),
        eq(cards.source, 'electronic'),
        eq(cards.storedStatus, 'active'),
      ),
    )
    .orderBy(desc(cards.issuedOn))
    .limit(1);
  const dates = legacyCardDates(row.kind, row.issuedOn, row.validUntil, row.lastEndorsedOn, ctx.policy);
  const card = await insertCardWithStatusEntry(tx, {
    holderId,
    kind: row.kind,
    source: 'legacy',
    number: row.cardNumber,
    version: 1,
    storedStatus: electronic ? 'superseded' : 'active',
    supersededBy: electronic?.id ?? null,
    issuedOn: row.issuedOn,
    ...dates,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    ...sealAddress(ctx.personal, 'cards', sealed.addressDetail),
    stationId: await stationOf(tx, row.districtCode, row.streetCode),
    createdAt: now,
  });
  await tx
    .update(legacyCards)
    .set({ cardId: card.id })
    .where(and(eq(legacyCards.part, row.part), eq(legacyCards.cardNumber, row.cardNumber)));
  await recordAudit(tx, {
    at: now,
    actorKind: 'system',
    actorId: null,
    channel: 'system',
    action: 'card.legacy_entered',
    subjectKind: 'card',
    subjectId: card.id,
    details: { importId: row.importId, line: row.line },
  });
  return card.id;
}

/** The row's name, ID number and addresses, from its block (legacy-seal-blocks.ts). */
async function sealedFieldsOf(
  cipher: PersonalCipher,
  tx: Db,
  row: LegacyCardRow,
): Promise<LegacySealedFields> {
  // Rows of an older release are sealed at start-up, before any request (seal-legacy-cards.ts).
  if (row.sealBlock === null || row.sealSlot === null)
    throw new Error(`legacy card ${row.cardNumber} is not sealed yet`);
  const [block] = await tx
    .select({ sealed: legacyCardSeals.sealed })
    .from(legacyCardSeals)
    .where(and(eq(legacyCardSeals.importId, row.importId), eq(legacyCardSeals.block, row.sealBlock)));
  if (!block) throw new Error(`legacy card ${row.cardNumber}: its sealed block is missing`);
  const entries = openLegacyBlock(cipher, row.importId, row.sealBlock, block.sealed);
  return legacyRowFields(entries, row.sealSlot, row.cardNumber);
}

/**
 * Makes the cards not made yet of the holders with these ID numbers (or of these card numbers).
 * Run it in the transaction that needs the cards, before reading them. Returns how many it made.
 */
export async function materialiseLegacyCardsOf(
  ctx: Ctx,
  tx: Db,
  by: { idNumbers: string[] } | { cardNumber: string },
): Promise<number> {
  if ('idNumbers' in by && by.idNumbers.length === 0) return 0;
  const which =
    'cardNumber' in by ? eq(legacyCards.cardNumber, by.cardNumber) : holdersWith(ctx.personal, by.idNumbers);
  const rows = await tx
    .select()
    .from(legacyCards)
    .where(and(which, isNull(legacyCards.cardId)))
    .orderBy(asc(legacyCards.cardNumber))
    .for('update');
  for (const row of rows) await materialiseLegacyCard(ctx, tx, row);
  return rows.length;
}

/**
 * The same, in a transaction of its own, for callers that only read: a look-up without locks
 * first, so the common case (nothing to make) costs one indexed read.
 */
export async function materialisePendingLegacyCards(
  ctx: Pick<ServiceContext, 'clock' | 'policy' | 'db' | 'personal'>,
  by: { idNumbers: string[] } | { cardNumber: string },
): Promise<number> {
  const ids = 'idNumbers' in by ? by.idNumbers : null;
  if (ids !== null && ids.length === 0) return 0;
  const [pending] = await ctx.db
    .select({ n: sql`1` })
    .from(legacyCards)
    .where(
      and(
        ids === null
          ? eq(legacyCards.cardNumber, (by as { cardNumber: string }).cardNumber)
          : holdersWith(ctx.personal, ids),
        isNull(legacyCards.cardId),
      ),
    )
    .limit(1);
  if (!pending) return 0;
  return ctx.db.transaction((tx) => materialiseLegacyCardsOf(ctx, tx, by));
}

/** The rows of the holders with these ID numbers, by blind index (`legacy_cards_id_number_index_idx`). */
const holdersWith = (c: PersonalCipher, idNumbers: string[]) =>
  inArray(
    legacyCards.idNumberIndex,
    idNumbers.map((n) => c.index('id_number', n)),
  );

/** The police station of the street, else a station of the district (police stations first). */
async function stationOf(tx: Db, districtCode: string, streetCode: string): Promise<string> {
  const onStreet = sql`${stations.streetCodes} @> array[${streetCode}]::text[]`;
  const [station] = await tx
    .select({ id: stations.id })
    .from(stations)
    .where(sql`${onStreet} or ${stations.districtCode} = ${districtCode}`)
    .orderBy(desc(onStreet), desc(sql`${stations.kind} = 'police_station'`), asc(stations.id))
    .limit(1);
  if (!station) throw new Error(`no station for legacy card in ${districtCode}`);
  return station.id;
}
