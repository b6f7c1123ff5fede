// At start-up, after the migrations: answers kept for idempotent replay by a release before
// sealing hold their body in clear (migration 0023 added `body_sealed` beside it). They live 24
// hours, so there are few: each is sealed under its row's id (replayColumn) and its clear body
// emptied, in one transaction; `FOR UPDATE SKIP LOCKED` leaves rows another starting process holds.
import { and, eq, isNotNull } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema/index.ts';
import { replayColumn } from '../idempotency/idempotency-keys.ts';
import type { ServiceContext } from '../context.ts';

export async function sealPlainReplays(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: idempotencyKeys.id, body: idempotencyKeys.plainBody })
      .from(idempotencyKeys)
      .where(isNotNull(idempotencyKeys.plainBody))
      .for('update', { skipLocked: true });
    for (const r of rows) {
      await tx
        .update(idempotencyKeys)
        .set({ bodySealed: ctx.personal.sealBytes(replayColumn(r.id), r.body!), plainBody: null })
        .where(and(eq(idempotencyKeys.id, r.id), isNotNull(idempotencyKeys.plainBody)));
    }
    return rows.length;
  });
}
