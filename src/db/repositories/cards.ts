import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Card, CardKind } from '../../domain/cards/card.ts';
import type { Db } from '../client.ts';
import { cards, counters } from '../schema/index.ts';

export type CardRow = typeof cards.$inferSelect;
/** A new card: its address detail sealed (the column is nullable only for an older release's rows). */
export type NewCardRow = Omit<typeof cards.$inferInsert, 'addressDetailSealed' | 'plainAddressDetail'> & {
  addressDetailSealed: Uint8Array;
};

/** The columns the rules read. */
export type CardRuleFields = Pick<
  CardRow,
  | 'kind'
  | 'source'
  | 'storedStatus'
  | 'version'
  | 'issuedOn'
  | 'validUntil'
  | 'endorsementDueOn'
  | 'residenceCountFrom'
>;

/** The rules' view of a stored card. */
export function toDomainCard(row: CardRuleFields): Card {
  return {
    kind: row.kind,
    source: row.source,
    storedStatus: row.storedStatus,
    version: row.version,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    endorsementDueOn: row.endorsementDueOn,
    residenceCountFrom: row.residenceCountFrom,
  };
}

export async function findCard(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CardRow | undefined> {
  const q = db.select().from(cards).where(eq(cards.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export function cardsOfHolders(db: Db, holderIds: readonly string[]): Promise<CardRow[]> {
  if (holderIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(cards)
    .where(inArray(cards.holderId, [...holderIds]));
}

export function activeCardsOf(db: Db, holderId: string, kind: CardKind): Promise<CardRow[]> {
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.holderId, holderId), eq(cards.kind, kind), eq(cards.storedStatus, 'active')));
}

/** Next serial of a named counter, atomically (the row lock serialises concurrent issuers). */
export async function nextSerial(db: Db, name: string): Promise<number> {
  const rows = await db
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('counter upsert returned no row');
  return value;
}

export async function insertCard(db: Db, row: NewCardRow): Promise<CardRow> {
  const [inserted] = await db.insert(cards).values(row).returning();
  if (!inserted) throw new Error('card insert returned no row');
  return inserted;
}
