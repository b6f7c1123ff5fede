// At start-up, after the migrations: applications, visits and cards written by a release before
// sealing hold staff's free text in clear (migration 0024 added a `*_sealed` column beside each).
// Each such value is sealed and its clear column emptied, a column at a time, in batches of a few
// hundred rows, each its own short transaction; `FOR UPDATE SKIP LOCKED` shares the work among
// processes starting at once. Once every row is sealed this is one query a column that finds nothing.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { StaffNoteColumn } from '../../db/repositories/staff-notes.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;
const COLUMNS: readonly StaffNoteColumn[] = [
  'applications.reason',
  'visits.note',
  'visits.review_note',
  'cards.revoked_reason',
];

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

async function sealColumn(
  ctx: Pick<ServiceContext, 'db' | 'personal'>,
  column: StaffNoteColumn,
): Promise<number> {
  const [table, name] = column.split('.') as [string, string];
  const t = sql.identifier(table);
  const clear = sql.identifier(name);
  const sealedColumn = sql.identifier(`${name}_sealed`);
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; text: string }>(
        tx,
        sql`select id, ${clear} as text from ${t} where ${clear} is not null limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      await tx.execute(
        sql`update ${t} x set ${sealedColumn} = decode(v.s, 'hex'), ${clear} = null
              from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                          ${sql.param(rows.map((r) => hex(ctx.personal.seal(column, r.text))))}::text[])
                   as v(id, s)
             where x.id = v.id`,
      );
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}

/** Seals every staff note still in clear; returns how many values, all columns together. */
export async function sealPlainStaffNotes(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (const column of COLUMNS) sealed += await sealColumn(ctx, column);
  return sealed;
}
