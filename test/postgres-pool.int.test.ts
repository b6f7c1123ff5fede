// A transaction whose BEGIN fails on a dead connection gives its connection back (issue 9,
// finding 2): drizzle 0.45 sends BEGIN outside the try/finally that releases the client
// (drizzle-team/drizzle-orm#6023), so without src/db/postgres-pool.ts a pool of one connection
// hangs for good after one such failure. PostgreSQL only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PostgresPool } from '../src/db/postgres-pool.ts';
import { isDatabaseUnavailable } from '../src/db/errors.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

if (serverUrl) {
  test('a BEGIN on a dead connection fails as unavailable and frees the connection', async () => {
    const pool = new PostgresPool({ connectionString: serverUrl, max: 1, connectionTimeoutMillis: 3000 });
    const db = drizzle({ client: pool });
    try {
      // The connection dies between check-out and BEGIN, as when the server ends it.
      let killed = false;
      pool.on('acquire', (client) => {
        if (killed) return;
        killed = true;
        void client.end();
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
        }),
        (e) => isDatabaseUnavailable(e),
      );
      // The one connection is free again: the next transaction runs rather than timing out.
      const n = await db.transaction(async (tx) => (await tx.execute(sql`select 41 + 1 as n`)).rows[0]?.n);
      assert.equal(n, 42);
      assert.equal(pool.totalCount, 1);
    } finally {
      await pool.end();
    }
  });
}
