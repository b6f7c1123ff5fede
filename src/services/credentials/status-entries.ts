// Every card gets an entry in a Token Status List at a random index (DESIGN §3), allocated in the
// transaction that creates the card. The list row is locked, so two issuers never take one index.
import { asc, eq, lt, sql } from 'drizzle-orm';
import {
  allocateStatusIndex,
  allocateStatusIndices,
  createStatusList,
  MIN_STATUS_LIST_SIZE,
} from '../../credentials/index.ts';
import type { RawSession } from '../../db/raw-session.ts';
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

/**
 * `count` status-list entries for a bulk import, allocated a whole list's worth at a time: one lock
 * and one rewrite of a list's bitmap per batch instead of per card, so electronic issuance never
 * queues behind a million imported cards. Each batch commits on its own (`transaction`), before the
 * cards that use it: entries of an import that is then refused are never handed out again (a list
 * never reuses an index), which costs nothing but unused room in a list.
 */
export async function reserveStatusEntries(
  transaction: <T>(work: (s: RawSession) => Promise<T>) => Promise<T>,
  count: number,
): Promise<{ lists: number[]; indices: number[] }> {
  const lists: number[] = [];
  const indices: number[] = [];
  while (indices.length < count) {
    await transaction(async (s) => {
      const [open] = await s.query<{ list: number; size: number; allocated: Uint8Array }>(
        `select list, size, allocated from status_lists where allocated_count < size
          order by list limit 1 for update`,
      );
      if (!open) {
        const fresh = createStatusList(0, MIN_STATUS_LIST_SIZE);
        await s.query(
          `insert into status_lists (list, size, allocated, allocated_count)
           select coalesce(max(list), 0) + 1, $1, $2, 0 from status_lists on conflict do nothing`,
          [fresh.size, fresh.allocated],
        );
        return;
      }
      const record = {
        list: open.list,
        size: open.size,
        statuses: new Uint8Array(0),
        allocated: new Uint8Array(open.allocated),
      };
      const taken = allocateStatusIndices(record, count - indices.length);
      let free = 0;
      for (const byte of record.allocated) free += 8 - popcount(byte);
      await s.query(`update status_lists set allocated = $1, allocated_count = $2 where list = $3`, [
        record.allocated,
        record.size - free,
        open.list,
      ]);
      for (const i of taken) {
        lists.push(open.list);
        indices.push(i);
      }
    });
  }
  return { lists, indices };
}

function popcount(b: number): number {
  let n = 0;
  for (let x = b; x !== 0; x &= x - 1) n++;
  return n;
}
