// A transaction on the database's own driver, below drizzle, for bulk work that drizzle does not
// stream: COPY FROM STDIN on PostgreSQL (pg-copy-streams), plain parameterised SQL on both. Obtained
// from the drizzle handle the services hold (its `$client`), so no use case needs another handle.
import type { Writable } from 'node:stream';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.ts';

export interface RawSession {
  kind: 'pglite' | 'postgres';
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** COPY … FROM STDIN as a writable stream: PostgreSQL only (PGlite has no such stream). */
  copyIn?: (copySql: string) => Writable;
}

function clientOf(db: Db): PGlite | pg.Pool {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof PGlite || client instanceof pg.Pool) return client;
  throw new Error('raw sessions need the database handle itself, not a transaction');
}

export function rawKind(db: Db): RawSession['kind'] {
  return clientOf(db) instanceof PGlite ? 'pglite' : 'postgres';
}

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function rawTransaction<T>(db: Db, work: (s: RawSession) => Promise<T>): Promise<T> {
  const client = clientOf(db);
  if (client instanceof PGlite) {
    return client.transaction((tx: PgliteTransaction) =>
      work({
        kind: 'pglite',
        query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
      }),
    );
  }
  const conn = await client.connect();
  const ignore = () => undefined;
  conn.on('error', ignore);
  let broken: Error | undefined;
  try {
    await conn.query('begin');
    const result = await work({
      kind: 'postgres',
      query: async <R>(text: string, params?: unknown[]) => (await conn.query(text, params)).rows as R[],
      copyIn: (copySql) => conn.query(copyFrom(copySql)),
    });
    await conn.query('commit');
    return result;
  } catch (e) {
    await conn.query('rollback').catch((r: Error) => (broken = r));
    throw e;
  } finally {
    conn.off('error', ignore);
    conn.release(broken);
  }
}
