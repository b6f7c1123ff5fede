// At start-up, after the migrations: notifications written by a release before sealing hold the
// resident's phone and the text's values in clear, and the demo's SMS stand-in (dev_outbox) the
// phone and the text (migration 0023 added the sealed columns beside them). Each such row is sealed
// and its clear columns emptied (a station's alert keeps its values: ids and dates, outbox.ts), in
// batches each its own short transaction; `FOR UPDATE SKIP LOCKED` shares the work among processes
// starting at once. Once every row is sealed this is two queries that find nothing.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import type { ServiceContext } from '../context.ts';

const BATCH = 500;
const hex = (b: Uint8Array | null) =>
  b === null ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

async function inBatches(
  ctx: Pick<ServiceContext, 'db'>,
  batch: (tx: ServiceContext['db']) => Promise<number>,
) {
  let done = 0;
  for (;;) {
    const n = await ctx.db.transaction(batch);
    done += n;
    if (n < BATCH) return done;
  }
}

export async function sealPlainNotifications(ctx: Pick<ServiceContext, 'db' | 'personal'>): Promise<number> {
  const { personal } = ctx;
  const notifications = await inBatches(ctx, async (tx) => {
    const rows = await queryRows<{ id: string; phone: string | null; params: Record<string, string> | null }>(
      tx,
      sql`select id, phone, case when resident_id is not null then params end as params from notifications
           where phone is not null or (resident_id is not null and params is not null)
           limit ${BATCH} for update skip locked`,
    );
    if (rows.length === 0) return 0;
    await tx.execute(
      sql`update notifications x
             set phone_sealed = coalesce(decode(v.phone, 'hex'), x.phone_sealed), phone = null,
                 params_sealed = coalesce(decode(v.params, 'hex'), x.params_sealed),
                 params = case when x.resident_id is not null then null else x.params end
            from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                        ${sql.param(rows.map((r) => hex(r.phone === null ? null : personal.seal('notifications.phone', r.phone))))}::text[],
                        ${sql.param(rows.map((r) => hex(r.params === null ? null : personal.seal('notifications.params', JSON.stringify(r.params)))))}::text[])
                 as v(id, phone, params)
           where x.id = v.id`,
    );
    return rows.length;
  });
  const outbox = await inBatches(ctx, async (tx) => {
    const rows = await queryRows<{ id: string; to: string; text: string }>(
      tx,
      sql`select id::text as id, "to", text from dev_outbox where text is not null
           limit ${BATCH} for update skip locked`,
    );
    if (rows.length === 0) return 0;
    await tx.execute(
      sql`update dev_outbox x
             set "to" = v.i, to_sealed = decode(v.t, 'hex'), text_sealed = decode(v.s, 'hex'), text = null
            from unnest(${sql.param(rows.map((r) => r.id))}::bigint[],
                        ${sql.param(rows.map((r) => personal.indexHex('phone', r.to)))}::text[],
                        ${sql.param(rows.map((r) => hex(personal.seal('dev_outbox.to', r.to))))}::text[],
                        ${sql.param(rows.map((r) => hex(personal.seal('dev_outbox.text', r.text))))}::text[])
                 as v(id, i, t, s)
           where x.id = v.id`,
    );
    return rows.length;
  });
  return notifications + outbox;
}
