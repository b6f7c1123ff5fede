// `juzhu visits list` and `juzhu cards revoke` as an operator uses them on a data folder: the demo's
// visits of one station, and a revocation through the one revocation use case, audited as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { openPglite } from '../src/db/client.ts';
import { auditLog } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { createServiceContext } from '../src/services/create-context.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';
import { seedDemo } from '../src/services/demo/seed-demo.ts';
import { testCredentials } from './support/test-app.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));

test("visits list shows a station's tasks; cards revoke revokes through the one use case", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-visits-'));
  const seeding = openPglite(`${dir}/pglite`);
  await seeding.migrate();
  const seedCtx = createServiceContext({
    database: seeding,
    clock: fixedClock(new Date('2025-09-26T10:00:00+08:00')),
    mode: 'demo',
    credentials: testCredentials,
  });
  await loadDataKeys(seedCtx);
  await seedDemo(seedCtx);
  await seeding.close();

  // The operator's clock: a Monday three weeks on, when the demo's tasks are overdue.
  const env = {
    ...process.env,
    JUZHU_DATA_DIR: dir,
    // The seeding's key-encryption key: it wrapped the personal-data keys.
    JUZHU_KEK: Buffer.from(testCredentials.kek).toString('base64'),
    LOG_LEVEL: 'silent',
    JUZHU_CLOCK: '2025-10-20T09:00:00+08:00',
  };
  const juzhu = (args: string[]) => run(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, env });

  const listed = (await juzhu(['visits', 'list', '--station', 'ps-110105-jg'])).stdout.trim().split('\n');
  assert.equal(listed.at(-1), '2 visit(s)');
  for (const line of listed.slice(0, -1)) {
    assert.match(
      line,
      /^2025-10-10  open +OVERDUE +\S+  建外街道  示范路 1 号院 2 号楼 301  -  [0-9a-f-]{36}$/,
    );
  }
  const open = JSON.parse(
    (await juzhu(['visits', 'list', '--station', 'ps-110105-jg', '--json'])).stdout,
  ) as {
    card: { number: string; status: string };
  }[];
  const number = open[0]!.card.number;

  await assert.rejects(
    juzhu(['visits', 'list', '--status', 'lost']),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /--status must be among open, confirmed/);
      return true;
    },
  );

  const revoked = await juzhu(['cards', 'revoke', number, '--reason', '法院判决：虚假登记']);
  assert.match(revoked.stdout, new RegExp(`^card ${number} revoked`));
  const after = JSON.parse(
    (await juzhu(['visits', 'list', '--station', 'ps-110105-jg', '--json'])).stdout,
  ) as {
    card: { number: string; status: string };
  }[];
  assert.equal(after.find((v) => v.card.number === number)?.card.status, 'revoked');
  await assert.rejects(
    juzhu(['cards', 'revoke', number, '--reason', '再次']),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 1);
      assert.equal(e.stderr.trim(), `juzhu: NOT_FOUND: no card in use numbered ${number}`);
      return true;
    },
  );

  const check = openPglite(`${dir}/pglite`);
  const entries = await check.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'card.revoked'), eq(auditLog.channel, 'cli')));
  await check.close();
  assert.deepEqual(
    entries.map((e) => [e.actorKind, e.actorId]),
    [['system', null]],
  );
});
