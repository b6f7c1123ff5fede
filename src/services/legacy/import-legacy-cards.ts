// `juzhu import legacy <file.csv>` (R10): the old card system's export, streamed, every row checked,
// stored in one transaction in `legacy_cards`, the holders' names, ID numbers and addresses sealed
// in blocks beside it (`legacy_card_seals`, legacy-seal-blocks.ts).
//
// Unit of atomicity: the whole file. One bad row (or a row that contradicts the register) refuses
// the file and writes nothing; the report lists every bad row with its line and reason, so one
// correction round fixes them all. A dry run (`check`) does exactly the same work and rolls back,
// so what it reports is what the import will do. A second run of the same file finds every card
// already there (same card number, same details) and imports nothing: the run is idempotent.
//
// Nothing else is written: a legacy card's holder, its card in the register and its status-list
// entry are made when the card is first needed (materialise-legacy-card.ts), so an import takes
// no status-list lock at all, and a million cards cost a million rows (and ~16,000 sealed blocks).
//
// Speed (issue 8: at least half the throughput of a raw COPY of the same file): the rows are parsed
// and checked here (csv-records.ts) while the server stores the previous ones through COPY
// (legacy-rows-sink.ts), into a table of the import's own with no index yet. Once loaded, the table is indexed
// (sorted builds) and checked against the register set-based (register-checks.ts); then a large
// import is attached as a partition of `legacy_cards` as it is, and a small one is moved into the
// shared partition, so partitions stay few. PGlite takes multi-row INSERTs instead of COPY.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { beijingDate } from '../../domain/beijing-date.ts';
import {
  checkLegacyRow,
  mapLegacyHeader,
  type LegacyColumn,
  type LegacyRowProblem,
} from '../../domain/legacy/legacy-row.ts';
import { rawTransaction, type RawSession } from '../../db/raw-session.ts';
import { requireStaff } from '../staff/access.ts';
import type { Channel, Principal, ServiceContext } from '../context.ts';
import { CsvFormatError, CsvRecords } from './csv-records.ts';
import {
  LEGACY_CARD_COLUMNS,
  legacyCardEncoder,
  type LegacyCardEncoder,
  type LegacyValue,
  type SealedBlock,
} from './legacy-card-columns.ts';
import { rowsSink, type RowsSink } from './legacy-rows-sink.ts';
import {
  alreadyPresent,
  heldElectronically,
  indexLoadedRows,
  registerConflicts,
  sealedDetailsConflicts,
} from './register-checks.ts';
import { stationResolver } from './station-resolver.ts';

/** Bad rows kept in the report; past this they are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 1000;
/** New rows from which an import keeps a partition of its own; fewer are moved into the shared one. */
export const OWN_PARTITION_ROWS = 50_000;

export interface LegacyImportInput {
  /** The export, as bytes (a file stream). */
  source: Readable;
  /** Its name, for the report and the audit log. */
  fileName: string;
  /** Check only: everything an import does, then rolled back. */
  dryRun?: boolean;
  /** Called as rows go by: bytes read so far and rows seen. */
  onProgress?: (p: { bytes: number; rows: number }) => void;
  /** Called when the rows are all read and the set-based work begins, then when the writes begin. */
  onPhase?: (phase: 'register_checks' | 'writing') => void;
}

export interface LegacyImportReport {
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** `imported`: committed; `checked`: a dry run that found nothing wrong; `refused`: nothing written. */
  outcome: 'imported' | 'checked' | 'refused';
  /** Data rows read (the header not counted). */
  rows: number;
  /** New cards written (or that would be, in a dry run). */
  imported: number;
  /** Rows whose card is already in the register with the same details (a re-run). */
  alreadyPresent: number;
  /** New cards whose holder has an active electronic card of the kind today: made superseded when needed. */
  supersededByElectronic: number;
  /** New cards past their printed expiry: in the register, not in the wallet. */
  expired: number;
  /** Every bad row up to MAX_LISTED_PROBLEMS, in file order. */
  problems: LegacyRowProblem[];
  problemCount: number;
  importId: string | null;
  /** Milliseconds: reading, checking and loading the rows; indexing them and the register checks; the writes. */
  timings: { readMs: number; checkMs: number; writeMs: number };
}

type Actor = { principal: Principal | undefined; channel: Channel };

class Refused extends Error {}

/** Only an administrator, or the command line on the server (which holds the database's keys). */
function authorise(actor: Actor): { actorKind: 'staff' | 'system'; actorId: string | null } {
  if (actor.channel === 'cli' && actor.principal === undefined) return { actorKind: 'system', actorId: null };
  const admin = requireStaff(actor.principal, ['admin']);
  return { actorKind: 'staff', actorId: admin.staffId };
}

function emptyReport(fileName: string, dryRun: boolean): LegacyImportReport {
  return {
    fileName,
    sha256: '',
    dryRun,
    outcome: 'refused',
    rows: 0,
    imported: 0,
    alreadyPresent: 0,
    supersededByElectronic: 0,
    expired: 0,
    problems: [],
    problemCount: 0,
    importId: null,
    timings: { readMs: 0, checkMs: 0, writeMs: 0 },
  };
}

export async function importLegacyCards(
  ctx: ServiceContext,
  actor: Actor,
  input: LegacyImportInput,
): Promise<LegacyImportReport> {
  const who = authorise(actor);
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const dryRun = input.dryRun === true;
  const report = emptyReport(input.fileName, dryRun);
  let lap = performance.now();
  const phase = (name: keyof LegacyImportReport['timings']) => {
    const t = performance.now();
    report.timings[name] = Math.round(t - lap);
    lap = t;
  };
  const addProblem = (p: LegacyRowProblem) => {
    report.problemCount++;
    if (report.problems.length < MAX_LISTED_PROBLEMS) report.problems.push(p);
  };
  const importId = randomUUID();
  const audit = (s: RawSession, action: string, subjectId: string) =>
    s.query(
      `insert into audit_log (at, actor_kind, actor_id, channel, action, subject_kind, subject_id, details)
       values ($1, $2, $3, $4, $5, 'legacy_import', $6, $7)`,
      [
        now,
        who.actorKind,
        who.actorId,
        actor.channel,
        action,
        subjectId,
        JSON.stringify({
          sha256: report.sha256,
          rows: report.rows,
          imported: report.imported,
          alreadyPresent: report.alreadyPresent,
          supersededByElectronic: report.supersededByElectronic,
          problems: report.problemCount,
        }),
      ],
    );

  try {
    await rawTransaction(ctx.db, async (s) => {
      // One import at a time: a second run of the same file waits and then finds it all present,
      // and the checks against the other partitions hold until this one commits.
      await s.query(`select pg_advisory_xact_lock(hashtext('juzhu.legacy_import'))`);
      // Index builds and the set-based checks sort and hash the whole file: in memory, not on disk.
      await s.query(`set local maintenance_work_mem = '256MB'`);
      await s.query(`set local work_mem = '128MB'`);
      // The checks' plans are costed on a fresh table without statistics: JIT compiling them took
      // longer than running them, and parallel workers only added a merge.
      await s.query(`set local jit = off`);
      await s.query(`set local max_parallel_workers_per_gather = 0`);
      const [next] = await s.query<{ part: number }>(
        `select coalesce(max(part), 0) + 1 as part from legacy_imports`,
      );
      const part = Number(next?.part ?? 1);
      const table = `legacy_cards_p${part}`;
      // The import's own table: the partition it may become, its bound checked as rows arrive so
      // that attaching it needs no scan.
      await s.query(
        `create table ${table} (like legacy_cards, constraint ${table}_part check (part = ${part}))`,
      );
      // What every row of the import shares is the table's default, not text in each COPY line.
      await s.query(
        `alter table ${table} alter column part set default ${part}, alter column import_id set default '${importId}'`,
      );
      const stationOf = await stationResolver(s);
      const encoder = legacyCardEncoder(ctx.personal, importId);
      const loaded = await loadRows(s, table, importId, input, encoder, {
        row: (fields, line, index) => {
          const checked = checkLegacyRow(fields, index, line, today, ctx.policy);
          if (!checked.ok) {
            checked.problems.forEach(addProblem);
            return undefined;
          }
          const c = checked.card;
          if (stationOf(c.districtCode, c.streetCode) === null) {
            addProblem({ line, field: 'district_code', reason: 'no_station' });
            return undefined;
          }
          if (c.validUntil !== null && c.validUntil < today) report.expired++;
          // Once the file is refused nothing more is stored; the rest is still checked and listed.
          return report.problemCount > 0 ? undefined : encoder.row(c, line);
        },
        problem: addProblem,
        counted: () => report.rows++,
      });
      report.sha256 = loaded.sha256;
      phase('readMs');
      if (report.problemCount > 0) throw new Refused('rows');
      input.onPhase?.('register_checks');

      for (const p of await indexLoadedRows(s, table, MAX_LISTED_PROBLEMS)) addProblem(p);
      if (report.problemCount === 0)
        for (const p of await registerConflicts(s, table, MAX_LISTED_PROBLEMS)) addProblem(p);
      if (report.problemCount === 0)
        for (const p of await sealedDetailsConflicts(s, ctx.personal, table, importId, MAX_LISTED_PROBLEMS))
          addProblem(p);
      phase('checkMs');
      if (report.problemCount > 0) throw new Refused('register');
      if (!dryRun) input.onPhase?.('writing');

      const present = await alreadyPresent(s, table, today);
      report.alreadyPresent = present.present;
      report.expired -= present.expired;
      report.imported = report.rows - present.present;
      if (present.present > 0) {
        await s.query(`delete from ${table} t using legacy_cards o where o.card_number = t.card_number`);
        // Blocks whose rows were all in the register already: their cards' data is sealed there.
        await s.query(
          `delete from legacy_card_seals b where b.import_id = $1
              and not exists (select 1 from ${table} t where t.seal_block = b.block)`,
          [importId],
        );
      }
      report.supersededByElectronic = await heldElectronically(s, table);
      if (dryRun) throw new Refused('dry_run');

      const own = report.imported >= OWN_PARTITION_ROWS;
      if (own) await s.query(`alter table legacy_cards attach partition ${table} for values in (${part})`);
      else {
        const columns = LEGACY_CARD_COLUMNS.join(', ');
        if (report.imported > 0)
          await s.query(
            `insert into legacy_cards (${columns})
             select 0, ${columns.replace(/^part, /, '')} from ${table} order by card_number`,
          );
        await s.query(`drop table ${table}`);
      }
      if (report.imported > 0) {
        await s.query(
          `insert into legacy_imports (id, file_sha256, file_name, actor_kind, actor_id, rows, imported,
                                       already_present, part, at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            importId,
            report.sha256,
            input.fileName,
            who.actorKind,
            who.actorId,
            report.rows,
            report.imported,
            report.alreadyPresent,
            own ? part : 0,
            now,
          ],
        );
        report.importId = importId;
      }
      phase('writeMs');
      await audit(s, 'legacy.imported', report.importId ?? report.sha256);
    });
    report.outcome = 'imported';
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    report.outcome = e.message === 'dry_run' ? 'checked' : 'refused';
    report.importId = null;
  }
  if (report.outcome !== 'imported') {
    // Nothing was written; the check or the refusal itself is audited in a transaction of its own.
    await rawTransaction(ctx.db, (s) =>
      audit(
        s,
        report.outcome === 'checked' ? 'legacy.checked' : 'legacy.refused',
        report.sha256 || 'unknown',
      ),
    );
  }
  if (report.outcome === 'refused') {
    report.imported = 0;
    report.alreadyPresent = 0;
    report.supersededByElectronic = 0;
    report.expired = 0;
  }
  return report;
}

interface RowHandlers {
  /** Checks one record (fields in header order): its stored values, or nothing (refused). */
  row(
    fields: string[],
    line: number,
    index: Record<LegacyColumn, number>,
  ): { values: LegacyValue[]; sealed?: SealedBlock } | undefined;
  /** A problem with the file itself (encoding, quoting, header, field count). */
  problem(p: LegacyRowProblem): void;
  /** Called once per data record, good or bad. */
  counted(): void;
}

/**
 * Streams the export through the parser and the checks into `table`. Reading waits whenever the
 * server is behind (backpressure), so at most a few chunks are in memory whatever the file's size.
 */
async function loadRows(
  s: RawSession,
  table: string,
  importId: string,
  input: LegacyImportInput,
  encoder: LegacyCardEncoder,
  on: RowHandlers,
): Promise<{ sha256: string }> {
  let index: Record<LegacyColumn, number> | null = null;
  let width = 0;
  let rows = 0;
  let waits: Promise<void>[] = [];
  const sink: RowsSink = rowsSink(s, table, importId);
  const records = new CsvRecords((fields, line) => {
    if (index === null) {
      const header = mapLegacyHeader(fields);
      if (!header.ok) {
        for (const c of header.missing) on.problem({ line, field: c, reason: 'missing_column' });
        throw new Refused('header');
      }
      index = header.index;
      width = fields.length;
      return;
    }
    rows++;
    on.counted();
    if (fields.length !== width) return on.problem({ line, field: '', reason: 'wrong_field_count' });
    const stored = on.row(fields, line, index);
    if (stored === undefined) return;
    if (stored.sealed) sink.seal(stored.sealed);
    const wait = sink.write(stored.values);
    if (wait) waits.push(wait);
  });
  try {
    try {
      for await (const chunk of input.source as AsyncIterable<Buffer>) {
        records.write(chunk);
        input.onProgress?.({ bytes: records.bytes, rows });
        if (waits.length > 0) {
          const pending = waits;
          waits = [];
          await Promise.all(pending);
        }
      }
      records.end();
      if (index === null) on.problem({ line: 1, field: '', reason: 'missing_column' });
    } catch (e) {
      if (e instanceof CsvFormatError) on.problem({ line: e.line, field: '', reason: e.reason });
      else if (!(e instanceof Refused)) throw e;
      input.source.destroy();
    }
    await Promise.all(waits);
    const last = encoder.end();
    if (last) sink.seal(last);
    await sink.end();
  } catch (e) {
    sink.abort();
    throw e;
  }
  return { sha256: records.sha256() };
}
