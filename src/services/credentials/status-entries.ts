// Every card gets an entry in a Token Status List at a random index (DESIGN §3), allocated in the
// transaction that creates the card. The list row is locked, so two issuers never take one index.
import { asc, eq, lt, sql } from 'drizzle-orm';
import { allocateStatusIndex, createStatusList, MIN_STATUS_LIST_SIZE } from '../../credentials/index.ts';
import type { Db } from '../../db/client.ts';
import { statusLists } from '../../db/schema/index.ts';
import { insertCard, type CardRow, type NewCardRow } from '../../db/repositories/cards.ts';

export async function allocateStatusEntry(tx: Db): Promise<{ list: number; index: number }> {
  for (;;) {
    const [open] = await tx
      .select()
      .from(statusLists)
      .where(lt(statusLists.allocatedCount, statusLists.size))
      .orderBy(asc(statusLists.list))
      .limit(1)
      .for('update');
    if (!open) {
      const [last] = await tx.select({ max: sql<number | null>`max(${statusLists.list})` }).from(statusLists);
      const fresh = createStatusList((last?.max ?? 0) + 1, MIN_STATUS_LIST_SIZE);
      await tx
        .insert(statusLists)
        .values({ list: fresh.list, size: fresh.size, allocated: fresh.allocated, allocatedCount: 0 })
        .onConflictDoNothing();
      continue;
    }
    const record = {
      list: open.list,
      size: open.size,
      statuses: new Uint8Array(0),
      allocated: new Uint8Array(open.allocated),
    };
    const index = allocateStatusIndex(record);
    if (index === undefined) {
      await tx.update(statusLists).set({ allocatedCount: open.size }).where(eq(statusLists.list, open.list));
      continue;
    }
    await tx
      .update(statusLists)
      .set({ allocated: record.allocated, allocatedCount: open.allocatedCount + 1 })
      .where(eq(statusLists.list, open.list));
    return { list: open.list, index };
  }
}

/** Inserts a card with its status-list entry. */
export async function insertCardWithStatusEntry(tx: Db, row: NewCardRow): Promise<CardRow> {
  const entry = await allocateStatusEntry(tx);
  return insertCard(tx, { ...row, statusList: entry.list, statusIndex: entry.index });
}
