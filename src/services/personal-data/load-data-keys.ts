// At start-up, before serving: the personal-data keys (src/crypto) are read, unwrapped under the
// KEK and put in the process's cipher. The first process to start on an empty database generates
// them: under an advisory lock, looking again once it holds it, so several processes starting at
// once on one PostgreSQL create one pair (the primary key is the backstop). A wrong KEK stops the
// start-up here, saying so, rather than at the first resident read.
import { randomBytes } from 'node:crypto';
import { dataKeys } from '../../db/schema/index.ts';
import { lockForTransaction } from '../../db/advisory-lock.ts';
import type { Db } from '../../db/client.ts';
import { unwrapDataKey, wrapDataKey } from '../../crypto/wrap-key.ts';
import type { DataKeys } from '../../crypto/personal-cipher.ts';
import type { ServiceContext } from '../context.ts';

const KEY_ID = 1;
const PURPOSES = ['field', 'index'] as const;

type Row = typeof dataKeys.$inferSelect;

function unwrap(rows: Row[], kek: Uint8Array): DataKeys | undefined {
  const wrapped = (purpose: (typeof PURPOSES)[number]) =>
    rows.find((r) => r.purpose === purpose && r.keyId === KEY_ID)?.wrappedKey;
  const field = wrapped('field');
  const index = wrapped('index');
  if (!field || !index) return undefined;
  try {
    return {
      field: { id: KEY_ID, key: unwrapDataKey(kek, 'field', KEY_ID, field) },
      index: unwrapDataKey(kek, 'index', KEY_ID, index),
    };
  } catch {
    throw new Error('the personal-data keys cannot be opened with this key-encryption key (JUZHU_KEK)');
  }
}

async function createMissing(tx: Db, kek: Uint8Array, now: Date): Promise<void> {
  await lockForTransaction(tx, 'juzhu.data_keys');
  for (const purpose of PURPOSES) {
    await tx
      .insert(dataKeys)
      .values({
        purpose,
        keyId: KEY_ID,
        wrappedKey: wrapDataKey(kek, purpose, KEY_ID, randomBytes(32)),
        createdAt: now,
      })
      .onConflictDoNothing();
  }
}

export async function loadDataKeys(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'credentials' | 'personal'>,
): Promise<void> {
  if (ctx.personal.loaded) return;
  const kek = ctx.credentials.kek;
  let keys = unwrap(await ctx.db.select().from(dataKeys), kek);
  if (!keys) {
    await ctx.db.transaction((tx) => createMissing(tx, kek, ctx.clock.now()));
    keys = unwrap(await ctx.db.select().from(dataKeys), kek);
  }
  if (!keys) throw new Error('the personal-data keys were not created');
  ctx.personal.use(keys);
}
