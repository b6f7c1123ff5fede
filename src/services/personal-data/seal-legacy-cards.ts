// At start-up, after the blind indexes (index-legacy-cards.ts): legacy cards imported by a release
// before sealing hold their holder's name, ID number and addresses in clear. Their imports are
// listed in `legacy_imports_to_seal` (migration 0028), so a start with nothing to seal reads that
// small table, never `legacy_cards`. Each import's rows are sealed in blocks, as an import of this
// release seals them (legacy-seal-blocks.ts), the clear columns emptied, then the import is taken
// off the list. A batch is a transaction of its own under the lock imports take, so block numbers
// are given out once and no import runs beside it; a start cut short goes on where it stopped.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { BLOCK_ROWS, sealLegacyBlock } from '../legacy/legacy-seal-blocks.ts';
import type { ServiceContext } from '../context.ts';

/** Blocks a transaction seals. */
const BLOCKS_PER_BATCH = 8;

type ClearRow = {
  part: number;
  card_number: string;
  name: string;
  id_number: string;
  hukou_address: string;
  address_detail: string;
};

/** Seals every legacy row still in clear; returns how many. */
export async function sealLegacyCards(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  const imports = await queryRows<{ import_id: string }>(
    ctx.db,
    sql`select import_id from legacy_imports_to_seal order by import_id`,
  );
  let sealed = 0;
  for (const { import_id: importId } of imports) {
    // Card-number order walks the partition's unique index: each batch starts where the last ended.
    for (let after = ''; ;) {
      const rows = await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('juzhu.legacy_import'))`);
        const rows = await queryRows<ClearRow>(
          tx,
          sql`select part, card_number, name, id_number, hukou_address, address_detail from legacy_cards
               where import_id = ${importId} and seal_block is null and card_number > ${after}
               order by card_number limit ${BLOCK_ROWS * BLOCKS_PER_BATCH}`,
        );
        if (rows.length === 0) return rows;
        const [next] = await queryRows<{ block: number }>(
          tx,
          sql`select coalesce(max(block) + 1, 0) as block from legacy_card_seals where import_id = ${importId}`,
        );
        const first = Number(next?.block ?? 0);
        const blocks: { block: number; sealed: string }[] = [];
        for (let at = 0; at < rows.length; at += BLOCK_ROWS) {
          const block = first + at / BLOCK_ROWS;
          const members = rows.slice(at, at + BLOCK_ROWS).map((r) => ({
            cardNumber: r.card_number,
            name: r.name,
            idNumber: r.id_number,
            hukouAddress: r.hukou_address,
            addressDetail: r.address_detail,
          }));
          const bytes = sealLegacyBlock(ctx.personal, importId, block, members);
          blocks.push({ block, sealed: Buffer.from(bytes).toString('hex') });
        }
        await tx.execute(
          sql`insert into legacy_card_seals (import_id, block, sealed)
              select ${importId}, b.block, decode(b.sealed, 'hex')
                from unnest(${sql.param(blocks.map((b) => b.block))}::int[],
                            ${sql.param(blocks.map((b) => b.sealed))}::text[]) as b(block, sealed)`,
        );
        const column = <T>(f: (r: ClearRow, i: number) => T) => sql.param(rows.map(f));
        await tx.execute(
          sql`update legacy_cards l
                 set seal_block = v.block, seal_slot = v.slot,
                     name = null, id_number = null, hukou_address = null, address_detail = null
                from unnest(${column((r) => Number(r.part))}::int[], ${column((r) => r.card_number)}::text[],
                            ${column((_, i) => first + Math.floor(i / BLOCK_ROWS))}::int[],
                            ${column((_, i) => i % BLOCK_ROWS)}::smallint[])
                     as v(part, card_number, block, slot)
               where l.part = v.part and l.card_number = v.card_number`,
        );
        return rows;
      });
      sealed += rows.length;
      if (rows.length < BLOCK_ROWS * BLOCKS_PER_BATCH) break;
      after = rows[rows.length - 1]!.card_number;
    }
    await ctx.db.execute(sql`delete from legacy_imports_to_seal where import_id = ${importId}`);
  }
  return sealed;
}
