// At start-up, after the migrations: files uploaded under a release before sealing are still in
// `blobs.content` in clear (migration 0023 added `content_sealed` beside it). Each is sealed under
// its material's id (store-materials.ts, materialColumn) and its clear bytes emptied, a few files a
// transaction (a file is up to 2 MiB, so a batch stays near 32 MiB of memory). Several processes
// starting at once share the work: `FOR UPDATE SKIP LOCKED` gives each batch to one of them. Once
// every file is sealed this finds nothing, and a later release drops the clear column.
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { blobs, materials } from '../../db/schema/index.ts';
import { materialColumn } from '../applications/store-materials.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 16;

export async function sealPlainMaterials(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: materials.id, key: blobs.key, content: blobs.plainContent })
        .from(blobs)
        .innerJoin(materials, eq(materials.storageKey, blobs.key))
        .where(isNotNull(blobs.plainContent))
        .limit(BATCH)
        .for('update', { of: blobs, skipLocked: true });
      for (const r of rows) {
        await tx
          .update(blobs)
          .set({
            contentSealed: ctx.personal.sealBytes(materialColumn(r.id), r.content!),
            plainContent: null,
          })
          .where(inArray(blobs.key, [r.key]));
      }
      return rows.length;
    });
    sealed += done;
    if (done < BATCH) break;
  }
  // A file no material names (none is written so: the file and its row share a transaction) has
  // no id to be bound to; it is deleted rather than kept in clear.
  await ctx.db.delete(blobs).where(isNotNull(blobs.plainContent));
  return sealed;
}
