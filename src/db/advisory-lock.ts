// PostgreSQL advisory locks for what several processes must do once: migrate, seed the demo data,
// create the first signing keys. Keyed by a name (hashtext), so a lock says what it guards.
// PGlite is one process with one connection: the locks are granted at once there.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from './client.ts';

export type LockName =
  | 'juzhu.migrate'
  | 'juzhu.demo_seed'
  | 'juzhu.signing_keys'
  /** The personal-data keys (data_keys), created by the first process to start. */
  | 'juzhu.data_keys'
  /** One resident's uploads, while their quota is checked and the files stored. */
  | `juzhu.materials_quota:${string}`;

/**
 * Inside a transaction: waits until no other transaction holds `name`, holds it until commit or
 * rollback. A second process then reads what the first one committed.
 */
export async function lockForTransaction(tx: Db, name: LockName): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/**
 * Around work that runs its own transactions (drizzle's migrator): a session lock held on one
 * connection of the pool while `work` uses others. If that connection drops, the server releases
 * the lock; the migrator's own transaction still keeps a half-applied migration out.
 */
export async function withSessionLock<T>(pool: pg.Pool, name: LockName, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A dropped connection is an 'error' event on the checked-out client: heard here, the query fails.
  const ignore = () => undefined;
  client.on('error', ignore);
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [name]).catch((e: Error) => (broken = e));
    client.off('error', ignore);
    client.release(broken);
  }
}
