// `node bench/legacy-rows-cpu.ts [rows]`: Node's per-row work of the legacy import alone (reading
// the CSV, checking each row, its blind indexes, sealing its personal data in blocks, writing its
// COPY text), no database: microseconds a row. With
// PROFILE=<file>, the timed runs (not the generation of the rows) are profiled into <file>
// (.cpuprofile, for Chrome's DevTools).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { LEGACY_HEADER, legacyCsvLine, legacyRow } from '../test/support/legacy-csv.ts';
import { CsvRecords } from '../src/services/legacy/csv-records.ts';
import { checkLegacyRow, mapLegacyHeader, type LegacyColumn } from '../src/domain/legacy/legacy-row.ts';
import { randomBytes } from 'node:crypto';
import { legacyCardEncoder, copyTextLine } from '../src/services/legacy/legacy-card-columns.ts';
import { createPersonalCipher } from '../src/crypto/personal-cipher.ts';
import { defaultPolicy } from '../src/domain/policy.ts';

const rows = Number(process.argv[2] ?? 200_000);
const lines: string[] = [LEGACY_HEADER + '\n'];
for (let i = 0; i < rows; i++) lines.push(legacyCsvLine(legacyRow(i)));
const bytes = Buffer.from(lines.join(''));
const CHUNK = 1 << 16;
const profile = process.env.PROFILE;
const cipher = createPersonalCipher();
cipher.use({ field: { id: 1, key: randomBytes(32) }, index: randomBytes(32) });
const session = new Session();
if (profile) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (let run = 0; run < 3; run++) {
  let index: Record<LegacyColumn, number> | null = null;
  let out = 0;
  let bad = 0;
  const encoder = legacyCardEncoder(cipher, '00000000-0000-4000-8000-000000000000');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const records = new CsvRecords((fields, line) => {
    if (index === null) {
      const h = mapLegacyHeader(fields);
      if (!h.ok) throw new Error('header');
      index = h.index;
      return;
    }
    const c = checkLegacyRow(fields, index, line, '2026-12-01', defaultPolicy);
    if (!c.ok) {
      bad++;
      return;
    }
    const stored = encoder.row(c.card, line);
    out += copyTextLine(stored.values).length + (stored.sealed?.sealed.length ?? 0) * 2;
  });
  for (let o = 0; o < bytes.length; o += CHUNK) records.write(bytes.subarray(o, o + CHUNK));
  records.end();
  const used = process.cpuUsage(cpu);
  console.log(
    `run ${run}: ${(((performance.now() - started) * 1000) / rows).toFixed(2)} µs/row wall, ${((used.user + used.system) / rows).toFixed(2)} µs/row cpu, bad ${bad}, out ${out}`,
  );
}
if (profile) {
  const { profile: taken } = await session.post('Profiler.stop');
  writeFileSync(profile, JSON.stringify(taken));
}
