// The one start-up step every sealed column shares: rows written by a release before sealing hold
// a value in clear beside its `*_sealed` column. Each is sealed and its clear column emptied, in
// batches of a few hundred rows, each its own short transaction; `FOR UPDATE SKIP LOCKED` shares
// the work among processes starting at once. Once every row is sealed this is one query that
// finds nothing.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { SealedColumn } from '../../crypto/field-cipher.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;

export interface ClearColumn {
  table: string;
  /** The clear text column of older releases, emptied once sealed. */
  clear: string;
  sealed: string;
  /** What the value is bound to (the associated data): its column, or its column and row. */
  boundTo(rowId: string): SealedColumn;
}

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/** Seals every value of the column still in clear; returns how many. */
export async function sealClearColumn(
  ctx: Pick<ServiceContext, 'db' | 'personal'>,
  column: ClearColumn,
): Promise<number> {
  const t = sql.identifier(column.table);
  const clear = sql.identifier(column.clear);
  const sealedColumn = sql.identifier(column.sealed);
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; text: string }>(
        tx,
        sql`select id, ${clear} as text from ${t} where ${clear} is not null limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const values = rows.map((r) => hex(ctx.personal.seal(column.boundTo(r.id), r.text)));
      await tx.execute(
        sql`update ${t} x set ${sealedColumn} = decode(v.s, 'hex'), ${clear} = null
              from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(values)}::text[])
                   as v(id, s)
             where x.id = v.id`,
      );
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}
