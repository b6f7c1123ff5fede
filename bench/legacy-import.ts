// `node bench/legacy-import.ts [rows]` (default 100,000; LEGACY_ROWS too): the legacy import (R10)
// against raw COPY of the same rows, on the PostgreSQL server BENCH_DATABASE_URL (a throwaway
// database, dropped at the end). One file of valid rows is generated; then, in one run:
//   1. raw COPY: the file streamed as is into a plain table of the same columns (no checks, no
//      indices): the fastest the server can take these bytes;
//   2. our import: every row parsed and checked in Node, stored by COPY into the import's own
//      table, indexed, checked against the register, attached to legacy_cards; one transaction;
//   3. raw COPY again, so a neighbour's load on a shared machine falls on both sides of the ratio;
//   4. our import again: the idempotent re-run (every row found, nothing written);
//   5. on the side, in this process: what the two blind indexes a row (HMAC-SHA-256 of the ID
//      number and the name) and sealing the name, ID number and addresses in blocks of 64 rows cost
//      Node, against one AES-256-GCM seal a field, and against the time Node was busy during the
//      import (CPU time, measured apart after a warm-up; the import computes a repeated name's
//      index once).
// Prints the table and the ratio of our throughput to the mean of the two COPY runs (issue 8: at
// least 50 %).
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { blindIndexer } from '../src/crypto/blind-index.ts';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPostgres } from '../src/db/client.ts';
import { stations } from '../src/db/schema/index.ts';
import { listDistricts, listStreets } from '../src/domain/address/beijing-divisions.ts';
import { importLegacyCards } from '../src/services/legacy/import-legacy-cards.ts';
import { LEGACY_HEADER, legacyCsvLine, legacyRow } from '../test/support/legacy-csv.ts';
import { benchContext, DEFAULT_BENCH_DATABASE_URL } from './http-fixture.ts';
import { table } from './measure.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';
import { createPersonalCipher } from '../src/crypto/personal-cipher.ts';
import { LegacyBlockSealer } from '../src/services/legacy/legacy-seal-blocks.ts';

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

/**
 * CPU milliseconds used so far by the server processes serving `database` (Linux /proc; the server
 * runs on this machine): with Node's own CPU time, what each side of the import costs whatever the
 * neighbours' load, which stretches the wall clock of a two-process pipeline more than of one.
 */
async function serverCpu(database: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        // utime and stime: fields 14 and 15 of the line, in clock ticks of 10 ms.
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // Ended meanwhile, or another machine's process: not counted.
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(LEGACY_HEADER + '\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(legacyCsvLine(legacyRow(i)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function rawCopy(
  url: string,
  file: string,
  table: string,
): Promise<{ ms: number; serverCpuMs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table ${table} (
      card_number text, kind text, name text, sex text, ethnicity text, birth_date date, id_number text,
      hukou_address text, district_code text, street text, address_detail text, issuing_authority text,
      issued_on date, valid_until date, last_endorsed_on date)`);
    const database = new URL(url).pathname.slice(1);
    const cpu = await serverCpu(database);
    const started = performance.now();
    await client.query('begin');
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`)),
    );
    await client.query('commit');
    const ms = performance.now() - started;
    return { ms, serverCpuMs: cpuSince(cpu, await serverCpu(database)) };
  } finally {
    await client.end();
  }
}

/**
 * Node's cost of a row's encryption, measured apart on a sample and scaled to `rows`: the two blind
 * indexes; sealing the name, ID number and addresses in blocks of 64 rows, as the import does
 * (legacy-seal-blocks.ts); and, for comparison, what sealing those four fields one AES-GCM call
 * each would cost (OpenSSL 3's per-call set-up is most of it for fields this short).
 */
function cryptoCostMs(rows: number): { indexes: number; blocks: number; perField: number } {
  const SAMPLE = 100_000;
  const key = createSecretKey(randomBytes(32));
  const sample = Array.from({ length: 1000 }, (_, i) => legacyRow(i));
  const records = sample.map((r) => ({
    cardNumber: r.card_number,
    name: r.name,
    idNumber: r.id_number,
    hukouAddress: r.hukou_address,
    addressDetail: r.address_detail,
  }));
  const index = blindIndexer(randomBytes(32));
  const cipher = createPersonalCipher();
  cipher.use({ field: { id: 1, key: randomBytes(32) }, index: randomBytes(32) });
  // CPU time of this thread (not the wall clock a neighbour's load stretches), after a first
  // untimed round so that the code measured is the optimised one the import runs.
  const cpuMs = (work: () => void): number => {
    work();
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return ((used.user + used.system) / 1000) * (rows / SAMPLE);
  };
  const indexes = cpuMs(() => {
    for (let i = 0; i < SAMPLE; i++) {
      const r = sample[i % sample.length]!;
      index.hex('id_number', r.id_number);
      index.hex('name', r.name);
    }
  });
  const blocks = cpuMs(() => {
    const sealer = new LegacyBlockSealer(cipher, '00000000-0000-4000-8000-000000000000');
    for (let i = 0; i < SAMPLE; i++) sealer.add(records[i % records.length]!);
    sealer.end();
  });
  const perField = cpuMs(() => {
    for (let i = 0; i < SAMPLE; i++) {
      const r = sample[i % sample.length]!;
      for (const v of [r.id_number, r.name, r.hukou_address, r.address_detail]) {
        const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
        c.update(v, 'utf8');
        c.final();
        c.getAuthTag();
      }
    }
  });
  return { indexes, blocks, perField };
}

const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-legacy-bench-'));
const file = path.join(dir, 'export.csv');
const name = `juzhu_bench_${randomBytes(6).toString('hex')}`;
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
  await loadDataKeys(ctx);
  const ours = async () => {
    const server = await serverCpu(name);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await importLegacyCards(
      ctx,
      { principal: undefined, channel: 'cli' },
      { source: createReadStream(file), fileName: 'export.csv' },
    );
    if (report.outcome !== 'imported')
      throw new Error(`import ${report.outcome}: ${JSON.stringify(report.problems[0])}`);
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - started;
    const serverCpuMs = cpuSince(server, await serverCpu(name));
    return { ms, cpuMs: (used.user + used.system) / 1000, serverCpuMs, report };
  };
  const raw1 = await rawCopy(url.toString(), file, 'raw_copy_1');
  const first = await ours();
  const raw2 = await rawCopy(url.toString(), file, 'raw_copy_2');
  const [copy1, copy2] = [raw1.ms, raw2.ms];
  const rerun = await ours();
  if (first.report.imported !== rows || rerun.report.imported !== 0 || rerun.report.alreadyPresent !== rows)
    throw new Error('the import did not take every row once');
  const sealing = cryptoCostMs(rows);
  const copyMs = (copy1 + copy2) / 2;
  const perSecond = (ms: number) => (rows * 1000) / ms;
  const vsCopy = (ms: number) => `${((copyMs / ms) * 100).toFixed(0)} %`;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `\nlegacy import, ${rows.toLocaleString('en-US')} rows (${megabytes.toFixed(1)} MB CSV), PostgreSQL\n`,
  );
  console.log(
    table(
      ['run', 'seconds', 'rows/s', 'vs raw COPY'],
      [
        ['raw COPY into a plain table (1st)', s(copy1), perSecond(copy1), ''],
        ['raw COPY into a plain table (2nd)', s(copy2), perSecond(copy2), ''],
        ['juzhu import legacy (all new)', s(first.ms), perSecond(first.ms), vsCopy(first.ms)],
        ['juzhu import legacy (re-run, 0 new)', s(rerun.ms), perSecond(rerun.ms), vsCopy(rerun.ms)],
      ],
    ),
  );
  console.log(
    `\nour import reaches ${vsCopy(first.ms)} of the throughput of raw COPY ` +
      `(${Math.round(perSecond(first.ms))} against ${Math.round(perSecond(copyMs))} rows/s)`,
  );
  const t = first.report.timings;
  console.log(
    `\nthe import's phases (all new): read, check and load ${s(t.readMs)} s; ` +
      `index and check against the register ${s(t.checkMs)} s; attach ${s(t.writeMs)} s`,
  );
  // On two idle cores the import's two processes run side by side: its wall clock is at least the
  // busier side's CPU time; raw COPY's is the server's.
  const copyCpu = (raw1.serverCpuMs + raw2.serverCpuMs) / 2;
  const busier = Math.max(first.cpuMs, first.serverCpuMs);
  console.log(
    `\nCPU time (load-independent): raw COPY ${s(copyCpu)} s of server; our import ${s(first.cpuMs)} s of Node ` +
      `and ${s(first.serverCpuMs)} s of server. On two idle cores the import would take at least ` +
      `${s(busier)} s against raw COPY's ${s(copyCpu)} s: ${((copyCpu / busier) * 100).toFixed(0)} % of its throughput ` +
      `(${((copyCpu / (first.cpuMs + first.serverCpuMs)) * 100).toFixed(0)} % on one core)`,
  );
  console.log(
    `\nencryption: Node was busy ${s(first.cpuMs)} s (CPU) of the import's ${s(first.ms)} s, of which, measured apart: ` +
      `the two blind indexes a row ${s(sealing.indexes)} s (${((sealing.indexes * 1000) / rows).toFixed(1)} µs a row); ` +
      `sealing the name, ID number and addresses in blocks of 64 rows ${s(sealing.blocks)} s ` +
      `(${((sealing.blocks * 1000) / rows).toFixed(1)} µs a row), where one AES-GCM seal a field would take ` +
      `${s(sealing.perField)} s (${((sealing.perField * 1000) / rows).toFixed(1)} µs a row)`,
  );
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
