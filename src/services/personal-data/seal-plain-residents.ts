// At start-up, after the migrations: residents written by a release before sealing still hold
// their phone, ID number and name in clear (migration 0022 added the sealed columns beside them).
// Each such row is sealed and indexed, and its clear columns emptied, in batches of a few hundred
// rows, each its own short transaction. Several processes starting at once share the work:
// `FOR UPDATE SKIP LOCKED` gives each batch's rows to one of them. Once every row is sealed this is
// one indexed-nothing query (the clear columns are all null), and a later release drops them.
import { isNotNull, or, inArray } from 'drizzle-orm';
import { residents } from '../../db/schema/index.ts';
import { sealResidentFields } from '../../db/repositories/residents.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;

export async function sealPlainResidents(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: residents.id,
          phone: residents.plainPhone,
          idNumber: residents.plainIdNumber,
          name: residents.plainName,
          phoneSealed: residents.phoneSealed,
          idNumberSealed: residents.idNumberSealed,
          nameSealed: residents.nameSealed,
        })
        .from(residents)
        .where(
          or(
            isNotNull(residents.plainPhone),
            isNotNull(residents.plainIdNumber),
            isNotNull(residents.plainName),
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const r of rows) {
        await tx
          .update(residents)
          .set({
            // A value already sealed (a row half-way through an older start) is kept as sealed.
            ...sealResidentFields(ctx.personal, {
              ...(r.phone !== null && r.phoneSealed === null ? { phone: r.phone } : {}),
              ...(r.idNumber !== null && r.idNumberSealed === null ? { idNumber: r.idNumber } : {}),
              ...(r.name !== null && r.nameSealed === null ? { name: r.name } : {}),
            }),
            plainPhone: null,
            plainIdNumber: null,
            plainName: null,
          })
          .where(inArray(residents.id, [r.id]));
      }
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) return sealed;
  }
}
