import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { dbTargets } from '../../test/support/test-db.ts';
import type { Database } from './client.ts';

for (const target of dbTargets()) {
  describe(`migrations on ${target.name}`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    test('create every table, and running them again changes nothing', async () => {
      await database.migrate();
      const result: unknown = await database.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = (result as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
      for (const t of ['applications', 'audit_log', 'cards', 'residents', 'staff', 'stations']) {
        assert.ok(names.includes(t), `table ${t} exists`);
      }
    });
  });
}
