// `juzhu import legacy <file.csv>` (R10): the old card system's export, streamed, every row checked,
// loaded in one transaction.
//
// Unit of atomicity: the whole file. One bad row (or a row that contradicts the register) refuses
// the file and writes nothing; the report lists every bad row with its line and reason, so one
// correction round fixes them all. A dry run (`check`) does exactly the same work and rolls back,
// so what it reports is what the import will do. A second run of the same file finds every card
// already there (same card number, same details) and imports nothing: the run is idempotent.
//
// Speed: rows are parsed and checked in this process while the database stores the checked rows in
// a temporary staging table (COPY FROM STDIN on PostgreSQL; multi-row INSERTs on PGlite, which has
// no COPY stream); the cross-row and register checks, and the final writes, are set-based SQL from
// that table. Status-list entries are taken a list at a time in short transactions of their own
// (status-entries.ts), so electronic issuance never waits for an import.
import { createHash, randomBytes } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable, type Writable } from 'node:stream';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { beijingDate } from '../../domain/beijing-date.ts';
import { AppError } from '../../domain/errors.ts';
import {
  checkLegacyRow,
  mapLegacyHeader,
  type LegacyCardRecord,
  type LegacyColumn,
  type LegacyRowProblem,
  type LegacyRowReason,
} from '../../domain/legacy/legacy-row.ts';
import { rawKind, rawTransaction, type RawSession } from '../../db/raw-session.ts';
import { requireStaff } from '../staff/access.ts';
import { reserveStatusEntries } from '../credentials/status-entries.ts';
import type { Channel, Principal, ServiceContext } from '../context.ts';

/** Bad rows kept in the report; past this they are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 1000;
/** Rows per multi-row INSERT into the staging table on PGlite. */
const PGLITE_BATCH = 500;

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
  /** New cards whose holder already has an active electronic card of the same kind: kept as superseded. */
  supersededByElectronic: number;
  /** New cards past their printed expiry: in the register, not in the wallet. */
  expired: number;
  /** Every bad row up to MAX_LISTED_PROBLEMS, in file order. */
  problems: LegacyRowProblem[];
  problemCount: number;
  importId: string | null;
  /** Milliseconds: reading, checking and staging the rows; the register checks; the writes. */
  timings: { readMs: number; checkMs: number; writeMs: number };
}

type Actor = { principal: Principal | undefined; channel: Channel };

const STAGING_COLUMNS = [
  'line',
  'card_number',
  'kind',
  'name',
  'sex',
  'birth_date',
  'id_number',
  'ethnicity',
  'hukou_address',
  'district_code',
  'street_code',
  'address_detail',
  'issuing_authority',
  'station_id',
  'issued_on',
  'valid_until',
  'endorsement_due_on',
  'residence_count_from',
  'last_endorsed_on',
  'row_hash',
  'card_id',
] as const;

const CREATE_STAGING = `
  create temporary table legacy_staging (
    line integer not null, card_number text not null, kind text not null, name text not null,
    sex text not null, birth_date date not null, id_number text not null, ethnicity text not null,
    hukou_address text not null, district_code text not null, street_code text not null,
    address_detail text not null, issuing_authority text not null, station_id text not null,
    issued_on date not null, valid_until date, endorsement_due_on date, residence_count_from date not null,
    last_endorsed_on date, row_hash text not null, card_id uuid not null
  ) on commit drop`;

class Refused extends Error {}

/** Only an administrator, or the command line on the server (which holds the database's keys). */
function authorise(actor: Actor): { actorKind: 'staff' | 'system'; actorId: string | null } {
  if (actor.channel === 'cli' && actor.principal === undefined) return { actorKind: 'system', actorId: null };
  const admin = requireStaff(actor.principal, ['admin']);
  return { actorKind: 'staff', actorId: admin.staffId };
}

/**
 * Ids in the layout of UUID version 7 (RFC 9562): the import's start in milliseconds, then random
 * bits, then a counter, so one import's rows take ascending ids and every index on them grows at its
 * end instead of at random pages, as random (v4) ids would.
 */
export function orderedIds(now: Date): { prefix: string; id(n: number): string } {
  const rand = randomBytes(4).toString('hex');
  const prefix = `${now.getTime().toString(16).padStart(12, '0')}7${rand.slice(0, 3)}8${rand.slice(3, 6)}`;
  return { prefix, id: (n) => prefix + n.toString(16).padStart(12, '0') };
}

function stagingValues(
  line: number,
  c: LegacyCardRecord,
  stationId: string,
  hash: string,
  cardId: string,
): (string | null)[] {
  return [
    String(line),
    c.cardNumber,
    c.kind,
    c.name,
    c.sex,
    c.birthDate,
    c.idNumber,
    c.ethnicity,
    c.hukouAddress,
    c.districtCode,
    c.streetCode,
    c.addressDetail,
    c.issuingAuthority,
    stationId,
    c.issuedOn,
    c.validUntil,
    c.endorsementDueOn,
    c.residenceCountFrom,
    c.lastEndorsedOn,
    hash,
    cardId,
  ];
}

/** Same details, same hash: what tells a re-run from an export that now says something else. */
function rowHash(c: LegacyCardRecord): string {
  return createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 32);
}

// COPY text format: tab-separated, \N for null, backslash escapes (the checks refuse control
// characters in fields, so only the backslash can occur).
function copyLine(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? '\\N' : v.replaceAll('\\', '\\\\'))).join('\t') + '\n';
}

/**
 * Counts lines and refuses bytes that are not UTF-8 (a GBK export, say) at the line they are on.
 * A newline byte never occurs inside a multi-byte UTF-8 sequence, so complete lines are checked
 * as they pass and a partial last line is carried to the next chunk.
 */
class Utf8Lines extends Transform {
  bytes = 0;
  private line = 1;
  private carry: Buffer = Buffer.alloc(0);
  badLine: number | null = null;
  readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    const all = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = all.lastIndexOf(0x0a) + 1;
    const complete = all.subarray(0, end);
    this.carry = Buffer.from(all.subarray(end));
    if (!this.check(complete)) return done(new Refused('not_utf8'));
    this.push(complete);
    done();
  }

  override _flush(done: (e?: Error | null) => void): void {
    if (!this.check(this.carry)) return done(new Refused('not_utf8'));
    this.push(this.carry);
    done();
  }

  private check(buf: Buffer): boolean {
    if (isUtf8(buf)) {
      for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) this.line++;
      return true;
    }
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      const stop = nl < 0 ? buf.length : nl + 1;
      if (!isUtf8(buf.subarray(start, stop))) {
        this.badLine = this.line;
        return false;
      }
      this.line++;
      start = stop;
    }
  }
}

/** The station a legacy card belongs to: the police station of its street, else one of its district. */
async function stationResolver(s: RawSession): Promise<(district: string, street: string) => string | null> {
  const rows = await s.query<{ id: string; kind: string; district_code: string; street_codes: string[] }>(
    `select id, kind, district_code, street_codes from stations order by kind = 'police_station' desc, id`,
  );
  const byStreet = new Map<string, string>();
  const byDistrict = new Map<string, string>();
  for (const r of rows) {
    for (const street of r.street_codes) if (!byStreet.has(street)) byStreet.set(street, r.id);
    if (!byDistrict.has(r.district_code)) byDistrict.set(r.district_code, r.id);
  }
  return (district, street) => byStreet.get(street) ?? byDistrict.get(district) ?? null;
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
  const report: LegacyImportReport = {
    fileName: input.fileName,
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
  const kind = rawKind(ctx.db);
  const cardIds = orderedIds(now);
  const entries = (count: number, s: RawSession) =>
    // PGlite has one connection: its entries are taken inside the import's own transaction.
    kind === 'pglite'
      ? reserveStatusEntries((work) => work(s), count)
      : reserveStatusEntries((work) => rawTransaction(ctx.db, work), count);

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
      // One import at a time: a second run of the same file waits and then finds it all present.
      await s.query(`select pg_advisory_xact_lock(hashtext('juzhu.legacy_import'))`);
      // The set-based checks and writes sort and hash the whole file: in memory, not on disk.
      await s.query(`set local work_mem = '128MB'`);
      await s.query(CREATE_STAGING);
      const stationFor = await stationResolver(s);
      await streamIntoStaging(
        s,
        input,
        (line, fields, index) => {
          report.rows++;
          if (fields === null) return null;
          const checked = checkLegacyRow(fields, index, line, today, ctx.policy);
          if (!checked.ok) {
            checked.problems.forEach(addProblem);
            return null;
          }
          const station = stationFor(checked.card.districtCode, checked.card.streetCode);
          if (station === null) {
            addProblem({ line, field: 'district_code', reason: 'no_station' });
            return null;
          }
          return report.problemCount > 0
            ? null
            : stagingValues(line, checked.card, station, rowHash(checked.card), cardIds.id(report.rows));
        },
        addProblem,
        (sha) => (report.sha256 = sha),
      );
      phase('readMs');
      if (report.problemCount > 0) throw new Refused('rows');
      input.onPhase?.('register_checks');

      for (const p of await registerConflicts(s)) addProblem(p);
      phase('checkMs');
      if (report.problemCount > 0) throw new Refused('register');
      if (!dryRun) input.onPhase?.('writing');

      const [present] = await s.query<{ n: string }>(
        `with gone as (delete from legacy_staging s using legacy_cards l
           where l.card_number = s.card_number returning 1) select count(*) as n from gone`,
      );
      report.alreadyPresent = Number(present?.n ?? 0);
      const [counts] = await s.query<{ n: string; expired: string }>(
        `select count(*) as n, count(*) filter (where valid_until < $1) as expired from legacy_staging`,
        [today],
      );
      report.imported = Number(counts?.n ?? 0);
      report.expired = Number(counts?.expired ?? 0);
      if (dryRun) {
        // Nothing to be written: no status-list entries are taken either.
        const [sup] = await s.query<{ n: string }>(
          `select count(*) as n from legacy_staging s join residents r on r.id_number = s.id_number
            where exists (select 1 from cards c where c.holder_id = r.id and c.kind = s.kind
                            and c.source = 'electronic' and c.stored_status = 'active')`,
        );
        report.supersededByElectronic = Number(sup?.n ?? 0);
      } else if (report.imported > 0) {
        report.importId = await writeCards(s, await entries(report.imported, s), {
          now,
          who,
          fileName: input.fileName,
          sha256: report.sha256,
          rows: report.rows,
          alreadyPresent: report.alreadyPresent,
          imported: report.imported,
        });
        const [sup] = await s.query<{ n: string }>(
          `select count(*) as n from cards where id in (select card_id from legacy_staging)
             and stored_status = 'superseded'`,
        );
        report.supersededByElectronic = Number(sup?.n ?? 0);
      }
      phase('writeMs');
      if (dryRun) throw new Refused('dry_run');
      await audit(s, 'legacy.imported', report.importId ?? report.sha256);
    });
    report.outcome = 'imported';
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    if (e.message === 'dry_run') report.outcome = 'checked';
    else {
      report.outcome = 'refused';
      report.importId = null;
    }
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

/** Parses, checks (via `row`) and stages the rows; problems with the file itself go to `problem`. */
async function streamIntoStaging(
  s: RawSession,
  input: LegacyImportInput,
  /** Checks one record (null: a record already refused, only counted) and gives its staging row. */
  row: (
    line: number,
    fields: string[] | null,
    index: Record<LegacyColumn, number>,
  ) => (string | null)[] | null,
  problem: (p: LegacyRowProblem) => void,
  setSha: (sha: string) => void,
): Promise<void> {
  const utf8 = new Utf8Lines();
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  let index: Record<LegacyColumn, number> | null = null;
  let width = 0;
  let rows = 0;
  const sink = stagingSink(s);
  let fileRefused = false;
  const fail = (line: number, field: LegacyColumn | '', reason: LegacyRowReason) => {
    fileRefused = true;
    problem({ line, field, reason });
  };
  const take = async (rec: { record: string[]; info: { lines: number } }): Promise<void> => {
    const line = rec.info.lines;
    if (index === null) {
      const header = mapLegacyHeader(rec.record);
      if (!header.ok) {
        for (const c of header.missing) fail(line, c, 'missing_column');
        throw new Refused('header');
      }
      index = header.index;
      width = rec.record.length;
      return;
    }
    if (rec.record.length !== width) {
      fail(line, '', 'wrong_field_count');
      row(line, null, index);
    } else {
      const values = row(line, rec.record, index);
      if (values !== null) await sink.write(values);
    }
    input.onProgress?.({ bytes: utf8.bytes, rows: ++rows });
  };
  try {
    await pipeline(
      input.source,
      utf8,
      parser,
      new Transform({
        objectMode: true,
        transform(rec: { record: string[]; info: { lines: number } }, _e, done) {
          take(rec).then(() => done(), done);
        },
      }),
    );
  } catch (e) {
    if (e instanceof Refused) {
      if (e.message === 'not_utf8') fail(utf8.badLine ?? 1, '', 'not_utf8');
    } else if (e instanceof Error && 'code' in e && String(e.code).startsWith('CSV_')) {
      fail(Number((e as { lines?: number }).lines ?? 0) || 1, '', 'malformed_csv');
    } else {
      sink.abort();
      throw e;
    }
  }
  setSha(utf8.hash.digest('hex'));
  if (index === null && !fileRefused) fail(1, '', 'missing_column');
  await sink.end();
}

interface StagingSink {
  write(values: (string | null)[]): Promise<void>;
  end(): Promise<void>;
  abort(): void;
}

/** PostgreSQL: one COPY stream for the whole file; PGlite: multi-row INSERTs. */
function stagingSink(s: RawSession): StagingSink {
  const columns = STAGING_COLUMNS.join(', ');
  if (s.copyIn) {
    let stream: Writable | null = null;
    let failed: Error | null = null;
    let pending = '';
    const flush = async () => {
      if (stream === null) {
        stream = s.copyIn!(`copy legacy_staging (${columns}) from stdin`);
        // Heard at once (an unheard 'error' would end the process), thrown at the next write.
        stream.on('error', (e: Error) => (failed = e));
      }
      if (failed) throw failed;
      const ok = stream.write(pending);
      pending = '';
      if (!ok) await once(stream, 'drain');
    };
    return {
      async write(values) {
        pending += copyLine(values);
        if (pending.length > 1 << 16) await flush();
      },
      async end() {
        if (pending.length > 0) await flush();
        if (stream) {
          const done = once(stream, 'finish');
          stream.end();
          await done;
        }
      },
      abort() {
        stream?.destroy();
      },
    };
  }
  let batch: (string | null)[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const n = STAGING_COLUMNS.length;
    const tuples = batch.map((_, r) => `(${STAGING_COLUMNS.map((_, c) => `$${r * n + c + 1}`).join(', ')})`);
    const params = batch.flat();
    batch = [];
    await s.query(`insert into legacy_staging (${columns}) values ${tuples.join(', ')}`, params);
  };
  return {
    async write(values) {
      batch.push(values);
      if (batch.length >= PGLITE_BATCH) await flush();
    },
    end: flush,
    abort() {
      batch = [];
    },
  };
}

/** Rows that contradict each other or the register: the whole file is refused for them. */
async function registerConflicts(s: RawSession): Promise<LegacyRowProblem[]> {
  const rows = await s.query<{ line: number; field: LegacyColumn; reason: LegacyRowReason }>(
    `with dup as (
       select line from (select line, row_number() over (partition by card_number order by line) k
                           from legacy_staging) d where k > 1),
     names as (
       select line from (select line, min(name) over (partition by id_number) lo,
                                max(name) over (partition by id_number) hi from legacy_staging) n
        where lo <> hi)
     select line, 'card_number' as field, 'duplicate_card_number' as reason from dup
     union all
     select line, 'name', 'id_number_other_name' from names
     union all
     select s.line, 'card_number', 'imported_with_other_details'
       from legacy_staging s join legacy_cards l on l.card_number = s.card_number
      where l.row_hash <> s.row_hash
     union all
     select s.line, 'card_number', 'card_number_taken' from legacy_staging s
      where exists (select 1 from cards c where c.number = s.card_number)
        and not exists (select 1 from legacy_cards l where l.card_number = s.card_number)
     union all
     select s.line, 'name', 'holder_other_name'
       from legacy_staging s join residents r on r.id_number = s.id_number
      where r.name is not null and r.name <> s.name
     order by 1, 2
     limit ${MAX_LISTED_PROBLEMS}`,
  );
  return rows.map((r) => ({ line: Number(r.line), field: r.field, reason: r.reason }));
}

/** The new holders, cards and their legacy details, set-based; returns the import's id. */
async function writeCards(
  s: RawSession,
  entries: { lists: number[]; indices: number[] },
  run: {
    now: Date;
    who: { actorKind: 'staff' | 'system'; actorId: string | null };
    fileName: string;
    sha256: string;
    rows: number;
    imported: number;
    alreadyPresent: number;
  },
): Promise<string> {
  await s.query(`create temporary table legacy_entries (n integer primary key, list integer, idx integer)
                 on commit drop`);
  const CHUNK = 100_000;
  for (let from = 0; from < entries.indices.length; from += CHUNK) {
    await s.query(
      `insert into legacy_entries (n, list, idx)
       select $1::integer + ord, l, i from unnest($2::integer[], $3::integer[]) with ordinality as u(l, i, ord)`,
      [from, entries.lists.slice(from, from + CHUNK), entries.indices.slice(from, from + CHUNK)],
    );
  }
  const [imp] = await s.query<{ id: string }>(
    `insert into legacy_imports (file_sha256, file_name, actor_kind, actor_id, rows, imported, already_present, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      run.sha256,
      run.fileName,
      run.who.actorKind,
      run.who.actorId,
      run.rows,
      run.imported,
      run.alreadyPresent,
      run.now,
    ],
  );
  if (!imp) throw new AppError('INTERNAL', 'legacy import row not written');
  // A person the platform does not hold yet is held without a phone: the card shows in the wallet
  // once they bind their identity with a clerk's binding code (bind-identity.ts).
  await s.query(
    `insert into residents (id, id_number, name, sex, birth_date, created_at)
     select ($2 || lpad(to_hex(row_number() over (order by first_line)), 12, '0'))::uuid, id_number, name,
            sex, birth_date, $1
       from (select distinct on (id_number) id_number, name, sex, birth_date, line as first_line
               from legacy_staging order by id_number, line) h
      order by first_line
     on conflict (id_number) do nothing`,
    [run.now, orderedIds(run.now).prefix],
  );
  // A holder who already has an active electronic card of the kind: the legacy card is in the
  // register (staff find it by its number) but superseded by the electronic one, never shown.
  await s.query(
    `insert into cards (id, holder_id, kind, source, number, version, stored_status, issued_on, valid_until,
                        endorsement_due_on, residence_count_from, district_code, street_code, address_detail,
                        station_id, status_list, status_index, superseded_by, created_at)
     select s.card_id, r.id, s.kind, 'legacy', s.card_number, 1,
            case when e.id is null then 'active' else 'superseded' end,
            s.issued_on, s.valid_until, s.endorsement_due_on, s.residence_count_from, s.district_code,
            s.street_code, s.address_detail, s.station_id, x.list, x.idx, e.id, $1
       from (select *, row_number() over (order by line) as n from legacy_staging) s
       join residents r on r.id_number = s.id_number
       join legacy_entries x on x.n = s.n
       left join (select distinct on (holder_id, kind) holder_id, kind, id from cards
                   where source = 'electronic' and stored_status = 'active'
                   order by holder_id, kind, issued_on desc) e
              on e.holder_id = r.id and e.kind = s.kind
      order by s.card_id`,
    [run.now],
  );
  await s.query(
    `insert into legacy_cards (card_id, card_number, row_hash, import_id, line, ethnicity, hukou_address,
                               issuing_authority, last_endorsed_on)
     select card_id, card_number, row_hash, $1, line, ethnicity, hukou_address, issuing_authority,
            last_endorsed_on from legacy_staging order by card_id`,
    [imp.id],
  );
  return imp.id;
}
