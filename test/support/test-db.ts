// The database targets a test file runs on: embedded PGlite always, and the PostgreSQL server
// named by TEST_DATABASE_URL when set. Each opened database is fresh and migrated: PGlite in
// memory, started from a migrated image (pglite-image.ts); PostgreSQL as a throwaway database
// created for the test file and dropped after it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/db/client.ts';
import { migratedPgliteImage } from './pglite-image.ts';

export interface DbTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

async function openThrowawayPostgres(serverUrl: string): Promise<Database> {
  const name = `juzhu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 5);
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [
    {
      name: 'pglite',
      open: async () => {
        const database = openPglite(undefined, await migratedPgliteImage());
        // Nothing left to apply: this checks the image is the migrations' (it was made from them).
        await database.migrate();
        return database;
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: 'postgres', open: () => openThrowawayPostgres(url) });
  return targets;
}
