// The one place writers tell caches of what they changed. The work runs in one transaction and
// announces its changes as it goes; they are published inside that transaction (so other
// processes hear of them only if it commits) and delivered to this process's caches right after
// the commit (so the writer's next request already sees them). A rolled-back write announces nothing.
import type { Db } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import type { Change } from './change-bus.ts';

export type Announce = (change: Change) => void;

export async function writeAndAnnounce<T>(
  ctx: Pick<ServiceContext, 'db' | 'changes'>,
  work: (tx: Db, announce: Announce) => Promise<T>,
): Promise<T> {
  const changes: Change[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const value = await work(tx, (c) => changes.push(c));
    await ctx.changes.publish(tx, changes);
    return value;
  });
  ctx.changes.deliver(changes);
  return result;
}
