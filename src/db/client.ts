// The database: embedded PGlite (one folder on disk, the default) or a PostgreSQL server
// (DATABASE_URL). The same drizzle schema and the same SQL migrations serve both.
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { withSessionLock } from './advisory-lock.ts';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories accept both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens PGlite in `dataDir`, or in memory when dataDir is undefined (tests). */
export function openPglite(dataDir: string | undefined): Database {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const client = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (restart, failover, a database dropped under it) is an
  // 'error' event on the pool; unheard, it would end the process. The pool opens a new one when
  // next needed, and a query on a broken connection fails on its own, so there is nothing to do.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    // Several processes may start at once: one migrates, the others wait and find nothing to do.
    migrate: () => withSessionLock(pool, 'juzhu.migrate', () => migratePg(db, { migrationsFolder })),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Database {
  return opts.databaseUrl !== undefined
    ? openPostgres(opts.databaseUrl)
    : openPglite(`${opts.dataDir}/pglite`);
}
