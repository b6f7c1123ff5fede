// The tamper-evident audit log (issue 9, "Controls to add"): rows are sealed into a hash chain at
// commit; nobody updates, deletes or truncates them through the database; `juzhu audit verify`
// (verifyAuditChain) finds any edited, inserted or deleted row. On PostgreSQL the platform's own
// role cannot change an audit row, and many concurrent writers still leave one unbroken chain.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { recordAudit } from '../src/db/repositories/audit.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { grantAppRole } from '../src/db/app-role.ts';
import { verifyAuditChain, type ChainProblem } from '../src/services/audit/verify-audit-chain.ts';

const entry = (n: number) => ({
  at: new Date(Date.UTC(2025, 8, 26, 2, 0, n)),
  actorKind: 'system' as const,
  actorId: null,
  channel: 'system' as const,
  action: 'test.chain',
  subjectKind: 'test',
  subjectId: `row-${n}`,
  details: { n },
});

for (const target of dbTargets()) {
  describe(`the audit chain on ${target.name}`, () => {
    let p: TestPlatform;
    const run = (q: ReturnType<typeof sql>) => p.database.db.execute(q);
    /** As the owner, past the triggers: what an intruder with the owner's rights could do. */
    const bypassing = async (q: ReturnType<typeof sql>) => {
      await run(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      try {
        await run(q);
      } finally {
        await run(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      }
    };
    const problems = async () =>
      (await verifyAuditChain(p.ctx)).findings.map((f) => `${f.problem}@${f.seq ?? f.id}`);
    const seqOf = async (subjectId: string) =>
      Number(
        (
          await queryRows<{ seq: string }>(
            p.database.db,
            sql`SELECT seq FROM audit_log WHERE subject_id = ${subjectId}`,
          )
        )[0]!.seq,
      );

    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      for (let n = 1; n <= 5; n++) await p.database.db.transaction((tx) => recordAudit(tx, entry(n)));
    });
    after(() => p.close());

    test('every committed row is sealed in order; the chain verifies; the head names the last link', async () => {
      const report = await verifyAuditChain(p.ctx);
      assert.deepEqual(report.findings, []);
      assert.equal(report.intact, true);
      const [count] = await queryRows<{ n: string }>(p.database.db, sql`SELECT count(*) AS n FROM audit_log`);
      assert.equal(report.rows, Number(count!.n), 'every row is in the chain');
      assert.equal(report.head.seq, report.rows);
      assert.match(report.head.hash, /^[0-9a-f]{64}$/);
    });

    test('UPDATE, DELETE and TRUNCATE of audit rows are refused, even to the owner; nothing changes', async () => {
      for (const q of [
        sql`UPDATE audit_log SET details = '{"n":99}' WHERE subject_id = 'row-2'`,
        sql`UPDATE audit_log SET seq = NULL, hash = NULL WHERE subject_id = 'row-2'`,
        sql`DELETE FROM audit_log WHERE subject_id = 'row-3'`,
        sql`TRUNCATE audit_log`,
        sql`UPDATE audit_chain_head SET seq = 0`,
      ]) {
        await assert.rejects(run(q), (e: Error) => /append-only|only moves forward/.test(String(e.cause)));
      }
      assert.deepEqual(await problems(), []);
    });

    test('an edited row is found, by its seq', async () => {
      const seq = await seqOf('row-2');
      await bypassing(sql`UPDATE audit_log SET details = '{"n":99}' WHERE subject_id = 'row-2'`);
      assert.deepEqual(await problems(), [`edited@${seq}`]);
      await bypassing(sql`UPDATE audit_log SET details = '{"n":2}' WHERE subject_id = 'row-2'`);
      assert.deepEqual(await problems(), [], 'restored, intact again');
    });

    test('a deleted row leaves a gap; the last row deleted leaves the head pointing past the end', async () => {
      const save = sql`CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE subject_id IN ('row-3', 'row-5')`;
      await run(save);
      const [three, five] = [await seqOf('row-3'), await seqOf('row-5')];
      await bypassing(sql`DELETE FROM audit_log WHERE subject_id = 'row-3'`);
      assert.deepEqual(await problems(), [`missing@${three}`]);
      await bypassing(sql`DELETE FROM audit_log WHERE subject_id = 'row-5'`);
      const found = await problems();
      assert.ok(found.includes(`head_mismatch@${five}`), found.join());
      await bypassing(sql`INSERT INTO audit_log SELECT * FROM saved`);
      await run(sql`DROP TABLE saved`);
      assert.deepEqual(await problems(), [], 'put back, intact again');
    });

    test('a row slipped in past the seal, or forged into the chain, is found', async () => {
      await bypassing(
        sql`INSERT INTO audit_log (at, actor_kind, channel, action, subject_kind, subject_id)
            VALUES (now(), 'system', 'system', 'test.forged', 'test', 'forged')`,
      );
      const [forged] = await queryRows<{ id: string }>(
        p.database.db,
        sql`SELECT id FROM audit_log WHERE subject_id = 'forged'`,
      );
      assert.deepEqual(await problems(), [`unsealed@${forged!.id}`]);
      // Given the next seq and a made-up hash, it still does not fit.
      const head = (await verifyAuditChain(p.ctx)).head;
      await bypassing(
        sql`UPDATE audit_log SET seq = ${head.seq + 1}, prev_hash = decode(${head.hash}, 'hex'),
            hash = sha256('forged'::bytea) WHERE subject_id = 'forged'`,
      );
      const found = await problems();
      assert.ok(found.includes(`edited@${head.seq + 1}`), found.join());
      await bypassing(sql`DELETE FROM audit_log WHERE subject_id = 'forged'`);
      assert.deepEqual(await problems(), []);
    });

    test('an anchor recorded earlier must still be in the chain', async () => {
      const { head } = await verifyAuditChain(p.ctx);
      assert.equal((await verifyAuditChain(p.ctx, { anchor: head })).intact, true);
      const wrong = { seq: head.seq, hash: '00'.repeat(32) };
      const kinds = (await verifyAuditChain(p.ctx, { anchor: wrong })).findings.map((f) => f.problem);
      assert.deepEqual(kinds, ['anchor_mismatch'] satisfies ChainProblem[]);
    });

    if (target.name === 'postgres') {
      test('60 writers at once on a hot row: one unbroken chain, no deadlock', async () => {
        await run(sql`CREATE TABLE IF NOT EXISTS chain_contention (k int PRIMARY KEY, n int NOT NULL)`);
        await run(sql`INSERT INTO chain_contention VALUES (1, 0) ON CONFLICT DO NOTHING`);
        const before = (await verifyAuditChain(p.ctx)).rows;
        await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            p.database.db.transaction(async (tx) => {
              // An audit row, then a hot row's lock (as issuance takes the status list's), then another
              // audit row. A chain lock taken at insert would deadlock here: one writer holds it and
              // waits for the hot row, whose holder waits for it. The seal at commit takes the chain
              // after every other lock, so the writers only queue.
              await recordAudit(tx, { ...entry(100 + i), subjectId: `writer-${i}` });
              await tx.execute(sql`UPDATE chain_contention SET n = n + 1 WHERE k = 1`);
              await recordAudit(tx, { ...entry(200 + i), subjectId: `writer-${i}-b` });
            }),
          ),
        );
        const report = await verifyAuditChain(p.ctx);
        assert.deepEqual(report.findings, []);
        assert.equal(report.rows, before + 120);
      });

      test("the platform's own role may append and read, never change an audit row", async () => {
        const [{ db: dbName }] = (await queryRows<{ db: string }>(
          p.database.db,
          sql`SELECT current_database() AS db`,
        )) as [{ db: string }];
        await run(
          sql.raw(
            `DO $$ BEGIN CREATE ROLE juzhu_app_test LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
          ),
        );
        await grantAppRole(p.database.db, 'juzhu_app_test');
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${dbName}`;
        url.username = 'juzhu_app_test';
        const app = new pg.Client({ connectionString: url.toString() });
        await app.connect();
        try {
          await app.query('BEGIN');
          await app.query(
            `INSERT INTO audit_log (at, actor_kind, channel, action, subject_kind, subject_id)
             VALUES (now(), 'system', 'system', 'test.app_role', 'test', 'by-app-role')`,
          );
          await app.query('COMMIT');
          const sealed = await app.query(`SELECT seq FROM audit_log WHERE subject_id = 'by-app-role'`);
          assert.ok(Number(sealed.rows[0].seq) > 0, 'its commit sealed the row');
          for (const q of [
            `UPDATE audit_log SET details = '{}' WHERE subject_id = 'by-app-role'`,
            `DELETE FROM audit_log WHERE subject_id = 'by-app-role'`,
            `TRUNCATE audit_log`,
            `ALTER TABLE audit_log DISABLE TRIGGER USER`,
            `DROP TRIGGER audit_log_append_only ON audit_log`,
          ]) {
            await assert.rejects(app.query(q), /permission denied|must be owner/, q);
          }
          // Its other tables it reads and writes as the platform needs.
          await app.query(`SELECT count(*) FROM applications`);
        } finally {
          await app.end();
        }
        assert.deepEqual(await problems(), []);
      });
    }
  });
}
