// At start-up, after the migrations: applications, cards and visits written by a release before
// sealing hold their address detail in clear (migration 0023 added `address_detail_sealed` beside
// it). Each such row is sealed and its clear column emptied, in batches of a few hundred rows, each
// its own short transaction; `FOR UPDATE SKIP LOCKED` shares the work among processes starting at
// once. Once every row is sealed this is one query a table that finds nothing.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { AddressTable } from '../../db/repositories/addresses.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;
const TABLES: readonly AddressTable[] = ['applications', 'cards', 'visits'];

async function sealTable(ctx: Pick<ServiceContext, 'db' | 'personal'>, table: AddressTable): Promise<number> {
  const t = sql.identifier(table);
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; detail: string }>(
        tx,
        sql`select id, address_detail as detail from ${t}
             where address_detail is not null limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
      await tx.execute(
        sql`update ${t} x set address_detail_sealed = decode(v.s, 'hex'), address_detail = null
              from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                          ${sql.param(rows.map((r) => hex(ctx.personal.seal(`${table}.address_detail`, r.detail))))}::text[])
                   as v(id, s)
             where x.id = v.id`,
      );
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}

/** Seals every address still in clear; returns how many rows, all tables together. */
export async function sealPlainAddresses(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (const table of TABLES) sealed += await sealTable(ctx, table);
  return sealed;
}
