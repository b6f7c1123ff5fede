// `juzhu import legacy` as an operator runs it: a refused file exits 1 and names each bad row; a good
// file imports, a second run imports nothing; no progress bar when stderr is not a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/client.ts';
import { stations } from '../src/db/schema/index.ts';
import { demoStations } from '../src/services/demo/demo-data.ts';
import { legacyCsv, legacyRow } from './support/legacy-csv.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));

test('import legacy: refused with every bad row, then imported once, then nothing new', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-legacy-cli-'));
  // The platform's stations, as a deployment has them (here the demo's three districts).
  const database = openPglite(path.join(dir, 'pglite'));
  await database.migrate();
  await database.db.insert(stations).values(demoStations);
  await database.close();

  const env = { ...process.env, JUZHU_DATA_DIR: dir, LOG_LEVEL: 'silent', LANG: 'en_US.UTF-8', CI: '' };
  const juzhu = (args: string[]) => run(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, env });
  const districts = demoStations.map((s) => s.districtCode);
  const rows = [0, 1, 2, 3].map((i) => legacyRow(i, {}, districts));
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, legacyCsv([rows[0]!, { ...rows[1]!, issued_on: '2015-06-30' }, rows[2]!]));
  const report = path.join(dir, 'problems.csv');
  await assert.rejects(
    juzhu(['import', 'legacy', bad, '--report', report]),
    (e: { code: number; stdout: string; stderr: string }) => {
      assert.equal(e.code, 1);
      assert.match(e.stdout, /refused, nothing imported: 1 problem\(s\) in 3 row\(s\)/);
      assert.match(e.stdout, /line 3, issued_on: legacy cards are imported from 2016-01-01 on/);
      assert.equal(e.stderr, '', 'no progress bar off a terminal');
      return true;
    },
  );
  assert.equal(
    readFileSync(report, 'utf8'),
    'line,field,reason,message\n3,issued_on,issued_before_legacy_start,"legacy cards are imported from 2016-01-01 on"\n',
  );

  const good = path.join(dir, 'good.csv');
  writeFileSync(good, legacyCsv(rows));
  const checked = await juzhu(['import', 'legacy', good, '--dry-run']);
  assert.match(checked.stdout, /checked \(dry run, nothing written\): 4 row\(s\)/);
  const first = await juzhu(['import', 'legacy', good]);
  assert.match(first.stdout, /imported: 4 row\(s\)/);
  assert.match(first.stdout, /new cards: 4\n/);
  const second = await juzhu(['import', 'legacy', good, '--json']);
  const json = JSON.parse(second.stdout) as { outcome: string; imported: number; alreadyPresent: number };
  assert.deepEqual([json.outcome, json.imported, json.alreadyPresent], ['imported', 0, 4]);

  await assert.rejects(
    juzhu(['import', 'legacy', path.join(dir, 'missing.csv')]),
    (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 2);
      assert.match(e.stderr, /cannot read/);
      return true;
    },
  );
});
