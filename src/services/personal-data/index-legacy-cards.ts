// At start-up, after the migrations: legacy cards imported by a release before blind indexes have
// none yet (the migration added the columns empty; only this process holds the index key). Each
// such row gets the blind index of its ID number and name, in batches, each its own short
// transaction; `FOR UPDATE SKIP LOCKED` shares the work among processes starting at once. Once all
// are indexed this is one look-up that finds nothing (`legacy_cards_id_number_index_idx`).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 2000;

export async function indexLegacyCards(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
  let indexed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await queryRows<{ part: number; card_number: string; id_number: string; name: string }>(
        tx,
        sql`select part, card_number, id_number, name from legacy_cards
             where id_number_index is null limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const column = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
      await tx.execute(
        sql`update legacy_cards l set id_number_index = decode(v.i, 'hex'), name_index = decode(v.n, 'hex')
              from unnest(${column((r) => Number(r.part))}::int[], ${column((r) => r.card_number)}::text[],
                          ${column((r) => hex(ctx.personal.index('id_number', r.id_number)))}::text[],
                          ${column((r) => hex(ctx.personal.index('name', r.name)))}::text[])
                   as v(part, card_number, i, n)
             where l.part = v.part and l.card_number = v.card_number`,
      );
      return rows.length;
    });
    indexed += done;
    if (done < BATCH) return indexed;
  }
}
