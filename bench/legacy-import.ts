// `node bench/legacy-import.ts [rows]` (default 100,000; LEGACY_ROWS too): the legacy import (R10)
// against raw COPY of the same rows, on the PostgreSQL server BENCH_DATABASE_URL (a throwaway
// database, dropped at the end). One file of valid rows is generated; then, in one run:
//   1. raw COPY: the file streamed as is into a plain table of the same columns (no checks, no
//      indices): the fastest the server can take these bytes;
//   2. our import: every row parsed and checked in Node, staged by COPY, checked against the
//      register, holders, cards (with status-list entries) and legacy details written, one transaction;
//   3. raw COPY again, so a neighbour's load on a shared machine falls on both sides of the ratio;
//   4. our import again: the idempotent re-run (every row found, nothing written).
//   5. the rows the import wrote, COPYed into the same tables of a fresh register (indices and
//      foreign keys included): the database's own share of the work, which no import can go below.
// Prints the table and the ratios of our throughput to the mean of the two COPY runs and to 5.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openPostgres } from '../src/db/client.ts';
import { stations } from '../src/db/schema/index.ts';
import { listDistricts, listStreets } from '../src/domain/address/beijing-divisions.ts';
import { importLegacyCards } from '../src/services/legacy/import-legacy-cards.ts';
import { LEGACY_HEADER, legacyCsvLine, legacyRow } from '../test/support/legacy-csv.ts';
import { benchContext, DEFAULT_BENCH_DATABASE_URL } from './http-fixture.ts';
import { table } from './measure.ts';

const rows = Number(process.argv[2] ?? process.env.LEGACY_ROWS ?? 100_000);
if (!Number.isSafeInteger(rows) || rows < 1) throw new Error('rows: a positive whole number');
const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(LEGACY_HEADER + '\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(legacyCsvLine(legacyRow(i)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function rawCopy(url: string, file: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table ${table} (
      card_number text, kind text, name text, sex text, ethnicity text, birth_date date, id_number text,
      hukou_address text, district_code text, street text, address_detail text, issuing_authority text,
      issued_on date, valid_until date, last_endorsed_on date)`);
    const started = performance.now();
    await client.query('begin');
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`)),
    );
    await client.query('commit');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const REGISTER_TABLES = [
  ['legacy_imports', 'select * from legacy_imports'],
  ['residents', `select * from residents where id in (select holder_id from cards where source = 'legacy')`],
  ['cards', `select * from cards where source = 'legacy'`],
  ['legacy_cards', 'select * from legacy_cards'],
] as const;

/**
 * The database's own share: the rows the import wrote (already checked and shaped), COPYed into
 * the same tables of a fresh register, with their indices and foreign keys. What no import that
 * writes these tables can go below, whatever it does in Node.
 */
async function copyIntoRegister(fromUrl: string, toUrl: string, stationRows: object[]): Promise<number> {
  const from = new pg.Client({ connectionString: fromUrl });
  const to = new pg.Client({ connectionString: toUrl });
  await from.connect();
  await to.connect();
  try {
    const files: string[] = [];
    for (const [t, query] of REGISTER_TABLES) {
      const f = path.join(dir, `${t}.copy`);
      await pipeline(from.query(copyTo(`copy (${query}) to stdout`)), createWriteStream(f));
      files.push(f);
    }
    const target = openPostgres(toUrl, 2);
    await target.migrate();
    await target.db.insert(stations).values(stationRows as (typeof stations.$inferInsert)[]);
    await target.close();
    const started = performance.now();
    await to.query('begin');
    for (const [i, [t]] of REGISTER_TABLES.entries()) {
      await pipeline(createReadStream(files[i]!), to.query(copyFrom(`copy ${t} from stdin`)));
    }
    await to.query('commit');
    return performance.now() - started;
  } finally {
    await from.end();
    await to.end();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-legacy-bench-'));
const file = path.join(dir, 'export.csv');
const name = `juzhu_bench_${randomBytes(6).toString('hex')}`;
const name2 = `${name}_register`;
await writeFile(file);
const megabytes = statSync(file).size / 1e6;
await admin(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = openPostgres(url.toString(), 4);
try {
  await database.migrate();
  // One police station per district, serving all its streets, as a deployment has.
  const stationRows = listDistricts().map((d) => ({
    id: `ps-${d.code}`,
    name: `${d.name}派出所`,
    kind: 'police_station' as const,
    districtCode: d.code,
    streetCodes: listStreets(d.code).map((s) => s.code),
    address: d.name,
  }));
  await database.db.insert(stations).values(stationRows);
  const ctx = benchContext(database, new Uint8Array(randomBytes(32)));
  const ours = async () => {
    const started = performance.now();
    const report = await importLegacyCards(
      ctx,
      { principal: undefined, channel: 'cli' },
      { source: createReadStream(file), fileName: 'export.csv' },
    );
    if (report.outcome !== 'imported')
      throw new Error(`import ${report.outcome}: ${JSON.stringify(report.problems[0])}`);
    return { ms: performance.now() - started, report };
  };
  const copy1 = await rawCopy(url.toString(), file, 'raw_copy_1');
  const first = await ours();
  const copy2 = await rawCopy(url.toString(), file, 'raw_copy_2');
  const rerun = await ours();
  await admin(`CREATE DATABASE ${name2}`);
  const url2 = new URL(serverUrl);
  url2.pathname = `/${name2}`;
  const registerCopy = await copyIntoRegister(url.toString(), url2.toString(), stationRows);
  if (first.report.imported !== rows || rerun.report.imported !== 0 || rerun.report.alreadyPresent !== rows)
    throw new Error('the import did not take every row once');
  const copyMs = (copy1 + copy2) / 2;
  const perSecond = (ms: number) => (rows * 1000) / ms;
  console.log(
    `\nlegacy import, ${rows.toLocaleString('en-US')} rows (${megabytes.toFixed(1)} MB CSV), PostgreSQL\n`,
  );
  console.log(
    table(
      ['run', 'seconds', 'rows/s', 'vs raw COPY'],
      [
        ['raw COPY into a plain table (1st)', (copy1 / 1000).toFixed(2), perSecond(copy1), ''],
        ['raw COPY into a plain table (2nd)', (copy2 / 1000).toFixed(2), perSecond(copy2), ''],
        [
          "COPY of the import's output into the register's tables",
          (registerCopy / 1000).toFixed(2),
          perSecond(registerCopy),
          `${((copyMs / registerCopy) * 100).toFixed(0)} %`,
        ],
        [
          'juzhu import legacy (all new)',
          (first.ms / 1000).toFixed(2),
          perSecond(first.ms),
          `${((copyMs / first.ms) * 100).toFixed(0)} %`,
        ],
        [
          'juzhu import legacy (re-run, 0 new)',
          (rerun.ms / 1000).toFixed(2),
          perSecond(rerun.ms),
          `${((copyMs / rerun.ms) * 100).toFixed(0)} %`,
        ],
      ],
    ),
  );
  console.log(
    `\nour import reaches ${((registerCopy / first.ms) * 100).toFixed(0)} % of the speed of COPYing its own ` +
      `output into the register's tables (indices and foreign keys included)`,
  );
  const t = first.report.timings;
  console.log(
    `\nthe import's phases (all new): read, check and stage ${(t.readMs / 1000).toFixed(2)} s; ` +
      `register checks ${(t.checkMs / 1000).toFixed(2)} s; writes ${(t.writeMs / 1000).toFixed(2)} s`,
  );
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`DROP DATABASE IF EXISTS ${name2} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
