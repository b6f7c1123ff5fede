// The checks of an import that look across rows: within the file and against the register. They
// run set-based once the file's rows are loaded into the import's own table and indexed (joins
// walking two indexes instead of a million single look-ups), before anything becomes visible.
//
// `legacy_cards` holds codes in collation "C"; the register's tables (cards, residents) in the
// database's. A comparison across them names the collation of the side whose index it should use.
// Holders are matched by the blind indexes of their ID number and name (residents holds those
// sealed: src/crypto), which the import computed for each row.
import type { IsoDate } from '../../domain/beijing-date.ts';
import type { LegacyColumn, LegacyRowProblem, LegacyRowReason } from '../../domain/legacy/legacy-row.ts';
import type { RawSession } from '../../db/raw-session.ts';
import { LEGACY_CARD_DETAILS } from './legacy-card-columns.ts';

const details = (alias: string) => `(${LEGACY_CARD_DETAILS.map((c) => `${alias}.${c}`).join(', ')})`;

type ProblemRow = { line: number; field: LegacyColumn; reason: LegacyRowReason };
const problems = (rows: ProblemRow[]): LegacyRowProblem[] =>
  rows.map((r) => ({ line: Number(r.line), field: r.field, reason: r.reason }));

/**
 * Indexes the loaded rows (a sorted build: far cheaper than index insertions row by row). A card
 * number twice in the file fails the unique index: those lines are returned, and nothing is built.
 */
export async function indexLoadedRows(
  s: RawSession,
  table: string,
  limit: number,
): Promise<LegacyRowProblem[]> {
  await s.query('savepoint legacy_index');
  try {
    await s.query(`create unique index ${table}_card_number_key on ${table} (card_number)`);
  } catch (e) {
    if ((e as { code?: unknown }).code !== '23505') throw e;
    await s.query('rollback to savepoint legacy_index');
    return problems(
      await s.query<ProblemRow>(
        `select line, 'card_number' as field, 'duplicate_card_number' as reason
           from (select line, row_number() over (partition by card_number order by line) as k from ${table}) d
          where k > 1 order by line limit ${limit}`,
      ),
    );
  }
  await s.query('release savepoint legacy_index');
  // With the name, so that the check of one name per ID number reads this index alone; the same as
  // `legacy_cards_id_number_index_idx`, which adopts it when the table is attached.
  await s.query(`create index ${table}_id_number_index_idx on ${table} (id_number_index, name_index)`);
  return [];
}

/**
 * Rows that contradict each other or the register (`legacy_cards` does not hold `table` yet). Each
 * branch is a plain join, so the planner can walk the smaller side: against an empty or small
 * register these cost next to nothing, whatever the size of the file.
 */
export async function registerConflicts(
  s: RawSession,
  table: string,
  limit: number,
): Promise<LegacyRowProblem[]> {
  return problems(
    await s.query<ProblemRow>(
      `select line, 'name' as field, 'id_number_other_name' as reason from ${table} t
        where exists (select 1 from ${table} u
                       where u.id_number_index = t.id_number_index and u.name_index <> t.name_index)
       union
       select t.line, 'card_number', 'imported_with_other_details'
         from ${table} t join legacy_cards o on o.card_number = t.card_number
        where ${details('t')} is distinct from ${details('o')}
       union
       select t.line, 'card_number', 'card_number_taken'
         from ${table} t join cards c on c.number = t.card_number collate "default"
        where not exists (select 1 from legacy_cards o where o.card_number = t.card_number)
       union
       select t.line, 'name', 'holder_other_name'
         from ${table} t join residents r on r.id_number_index = t.id_number_index
        where r.name_index <> t.name_index
       union
       select t.line, 'name', 'holder_other_name'
         from ${table} t join legacy_cards o on o.id_number_index = t.id_number_index
        where o.name_index <> t.name_index
       order by 1, 2
       limit ${limit}`,
    ),
  );
}

/** Rows already in the register (a re-run): counted, and those past their printed expiry. */
export async function alreadyPresent(
  s: RawSession,
  table: string,
  today: IsoDate,
): Promise<{ present: number; expired: number }> {
  const [row] = await s.query<{ n: string; expired: string }>(
    `select count(*) as n, count(*) filter (where t.valid_until < $1) as expired
       from ${table} t join legacy_cards o on o.card_number = t.card_number`,
    [today],
  );
  return { present: Number(row?.n ?? 0), expired: Number(row?.expired ?? 0) };
}

/** New rows whose holder has an active electronic card of the kind today: made superseded. */
export async function heldElectronically(s: RawSession, table: string): Promise<number> {
  const [row] = await s.query<{ n: string }>(
    `select count(*) as n from ${table} t
       join residents r on r.id_number_index = t.id_number_index
      where exists (select 1 from cards c where c.holder_id = r.id and c.kind = t.kind
                      and c.source = 'electronic' and c.stored_status = 'active')`,
  );
  return Number(row?.n ?? 0);
}
