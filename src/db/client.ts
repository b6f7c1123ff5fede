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
import { PostgresPool } from './postgres-pool.ts';
import * as schema from './schema/index.ts';
import { withSessionLock } from './advisory-lock.ts';
import { queryRows } from './query-rows.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories accept both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Applies the migrations, then runs `afterwards` (start-up data steps that must follow them)
   * while still holding the migration lock, so a second process starting at once waits for both.
   */
  migrate(afterwards?: () => Promise<void>): Promise<void>;
  /** Throws SchemaBehindError unless every migration in drizzle/ has been applied (changes nothing). */
  assertMigrated(): Promise<void>;
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** PGlite's database, which can also be dumped as an image to start others from. */
export interface PgliteDatabase extends Database {
  /** The whole data directory as a tar (uncompressed): `openPglite(undefined, image)` starts from it. */
  dumpImage(): Promise<Blob>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens PGlite in `dataDir`, or in memory when dataDir is undefined (tests); an in-memory one may
 * start from `image`, a data directory dumped by PGlite (`dumpDataDir`), instead of an empty one.
 */
export function openPglite(dataDir: string | undefined, image?: Blob): PgliteDatabase {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const client =
    dataDir === undefined ? new PGlite(image ? { loadDataDir: image } : {}) : new PGlite(dataDir);
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    migrate: async (afterwards) => {
      await migratePglite(db, { migrationsFolder });
      await afterwards?.();
    },
    assertMigrated: () => assertMigrated(db),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
    dumpImage: () => client.dumpDataDir('none'),
  };
}

/** How long a request waits for a free connection, and /readyz for an answer, before giving up. */
const CONNECT_TIMEOUT_MS = 5000;
const PING_TIMEOUT_MS = 2000;

export function openPostgres(url: string, poolSize = 10): Database {
  // Dropped connections cost the requests in flight, never the process or a pool slot (see
  // postgres-pool.ts); a request that finds every connection busy gives up after a bound rather
  // than waiting forever, and is answered 503 (db/errors.ts).
  const pool = new PostgresPool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  const db = drizzlePg({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    // Several processes may start at once: one migrates, the others wait and find nothing to do.
    migrate: (afterwards) =>
      withSessionLock(pool, 'juzhu.migrate', async () => {
        await migratePg(db, { migrationsFolder });
        await afterwards?.();
      }),
    assertMigrated: () => assertMigrated(db),
    // /readyz answers within a bound even when the database does not.
    ping: () => withTimeout(pool.query('select 1'), PING_TIMEOUT_MS),
    close: () => pool.end(),
  };
}

export class SchemaBehindError extends Error {
  override name = 'SchemaBehindError';
}

/** Drizzle's own rule: applied when the last recorded migration is at least as new as each file. */
async function assertMigrated(db: Db): Promise<void> {
  const files = readMigrationFiles({ migrationsFolder });
  const latest = files.at(-1)?.folderMillis ?? 0;
  let applied = 0;
  try {
    const [row] = await queryRows<{ at: string | null }>(
      db,
      sql`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`,
    );
    applied = Number(row?.at ?? 0);
  } catch {
    applied = 0; // no migrations table: nothing applied
  }
  if (applied < latest) {
    throw new SchemaBehindError(
      'the database schema is behind this version: run `juzhu migrate` as the database owner (JUZHU_MIGRATE=false)',
    );
  }
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), ms);
  });
  // The abandoned query still settles later; its rejection must not go unhandled.
  work.catch(() => undefined);
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Database {
  return opts.databaseUrl !== undefined
    ? openPostgres(opts.databaseUrl)
    : openPglite(`${opts.dataDir}/pglite`);
}
