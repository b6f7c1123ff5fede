// At start-up, after the migrations: tables that only look a phone or an ID number up by equality
// keep its blind index (hex) in the column that older releases filled with the value itself. Rows
// still holding a value (anything but 32 hex digits) get its index. Few rows (login codes live an
// hour, binding codes a few days): one statement per row, in one transaction per table.
import { sql } from 'drizzle-orm';
import { identityBindingCodes, otpCodes } from '../../db/schema/index.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { ServiceContext } from '../context.ts';

const INDEXED = sql`~ '^[0-9a-f]{32}$'`;

export async function indexPlainKeys(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let changed = 0;
  await ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; v: string }>(
      tx,
      sql`select ${otpCodes.id} as id, ${otpCodes.phoneIndex} as v from ${otpCodes}
           where not (${otpCodes.phoneIndex} ${INDEXED}) for update`,
    );
    for (const r of rows) {
      await tx.execute(
        sql`update ${otpCodes} set phone = ${ctx.personal.indexHex('phone', r.v)} where ${otpCodes.id} = ${r.id}`,
      );
    }
    changed += rows.length;
  });
  await ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; v: string }>(
      tx,
      sql`select ${identityBindingCodes.id} as id, ${identityBindingCodes.idNumberIndex} as v
            from ${identityBindingCodes} where not (${identityBindingCodes.idNumberIndex} ${INDEXED}) for update`,
    );
    for (const r of rows) {
      await tx.execute(
        sql`update ${identityBindingCodes} set id_number = ${ctx.personal.indexHex('id_number', r.v)}
             where ${identityBindingCodes.id} = ${r.id}`,
      );
    }
    changed += rows.length;
  });
  return changed;
}
