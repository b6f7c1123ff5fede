// What the HTTP benchmark runs against: a throwaway PostgreSQL database (created on the server of
// BENCH_DATABASE_URL, dropped at the end), migrated, with the demo data, signing keys under a
// fresh key-encryption key, and a demo resident signed in the way a phone signs in (OTP by the
// dev outbox), holding a valid residence permit.
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres, type Database } from '../src/db/client.ts';
import { cards, devOutbox } from '../src/db/schema/index.ts';
import { systemClock } from '../src/domain/clock.ts';
import { requestOtp } from '../src/services/auth/request-otp.ts';
import { verifyOtp } from '../src/services/auth/verify-otp.ts';
import { createServiceContext } from '../src/services/create-context.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { ensureSigningKeys } from '../src/services/credentials/manage-signing-keys.ts';
import { seedDemo } from '../src/services/demo/seed-demo.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** 王小明 in the demo data: one valid residence permit. */
const RESIDENT_PHONE = '13800000001';

export interface HttpFixture {
  databaseUrl: string;
  kek: Uint8Array;
  token: string;
  cardId: string;
  drop(): Promise<void>;
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Throws when the server does not answer (the caller skips the HTTP rows then). */
export async function createHttpFixture(serverUrl: string): Promise<HttpFixture> {
  const name = `juzhu_bench_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const database = openPostgres(databaseUrl, 2);
    // Closed before the servers start: they open their own pools.
    const prepared = await prepare(database).finally(() => database.close());
    return { databaseUrl, drop, ...prepared };
  } catch (e) {
    await drop();
    throw e;
  }
}

async function prepare(database: Database): Promise<{ kek: Uint8Array; token: string; cardId: string }> {
  await database.migrate();
  const kek = new Uint8Array(randomBytes(32));
  const ctx = benchContext(database, kek);
  await loadDataKeys(ctx);
  await ensureSigningKeys(ctx);
  await seedDemo(ctx);
  await requestOtp(ctx, RESIDENT_PHONE, '127.0.0.1');
  const [sms] = await ctx.db
    .select({ text: devOutbox.textSealed })
    .from(devOutbox)
    .where(eq(devOutbox.toIndex, ctx.personal.indexHex('phone', RESIDENT_PHONE)))
    .orderBy(desc(devOutbox.sentAt))
    .limit(1);
  const code = /(\d{6})/.exec(ctx.personal.openOrNull('dev_outbox.text', sms?.text ?? null) ?? '')?.[1];
  if (!code) throw new Error('no OTP in the dev outbox');
  const { token, residentId } = await verifyOtp(ctx, RESIDENT_PHONE, code, '127.0.0.1');
  const [card] = await ctx.db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.holderId, residentId), eq(cards.kind, 'residence_permit')));
  if (!card) throw new Error(`demo resident ${RESIDENT_PHONE} holds no residence permit`);
  return { kek, token, cardId: card.id };
}

/** The service context of the bench: demo mode, the system clock, ES256 keys under `kek`. */
export function benchContext(database: Database, kek: Uint8Array, hotCacheMs?: number): ServiceContext {
  return createServiceContext({
    database,
    ...(hotCacheMs === undefined ? {} : { hotCacheMs }),
    clock: systemClock,
    mode: 'demo',
    credentials: {
      kek,
      signingAlg: 'ES256',
      codeLifetimeSeconds: 60,
      skewSeconds: 10,
      publicUrl: 'http://127.0.0.1',
    },
  });
}
