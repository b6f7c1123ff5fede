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
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { LEGACY_CARD_DETAILS } from './legacy-card-columns.ts';
import { legacyRowFields, openLegacyBlock, type LegacySealedFields } from './legacy-seal-blocks.ts';

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

/** Rows a page of the sealed comparison reads; blocks kept open at most. */
const PAGE = 20_000;
const OPEN_BLOCKS = 4096;

type Pair = {
  card_number: string;
  line: number;
  new_block: number;
  new_slot: number;
  old_import: string;
  old_block: number | null;
  old_slot: number | null;
};

/**
 * Rows whose card is in the register with the same details in clear but other sealed ones (the
 * addresses; the name and ID number were compared by their blind indexes): `imported_with_other_details`.
 * The server cannot compare sealed values, so the pairs are read here a page at a time, in card
 * number order, and their blocks opened (each once while it is in use: a re-run of the same file
 * walks both sides' blocks in order). Nothing is read when no card of the file is in the register.
 */
export async function sealedDetailsConflicts(
  s: RawSession,
  cipher: PersonalCipher,
  table: string,
  importId: string,
  limit: number,
): Promise<LegacyRowProblem[]> {
  const open = new Map<string, (LegacySealedFields & { cardNumber: string })[]>();
  const key = (id: string, block: number) => `${id}:${block}`;
  const lines: number[] = [];
  // One plan, read a page at a time (a cursor of this transaction), in card number order.
  await s.query(
    `declare legacy_pairs no scroll cursor for
       select t.card_number, t.line, t.seal_block as new_block, t.seal_slot as new_slot,
              o.import_id as old_import, o.seal_block as old_block, o.seal_slot as old_slot
         from ${table} t join legacy_cards o on o.card_number = t.card_number
        order by t.card_number`,
  );
  for (;;) {
    const pairs = await s.query<Pair>(`fetch ${PAGE} from legacy_pairs`);
    const needed = new Map<string, [string, number]>();
    for (const p of pairs) {
      if (p.old_block === null || p.old_slot === null)
        throw new Error(`legacy card ${p.card_number} is not sealed yet (start-up seals it)`);
      needed.set(key(importId, p.new_block), [importId, p.new_block]);
      needed.set(key(p.old_import, p.old_block), [p.old_import, p.old_block]);
    }
    const wanted = [...needed].filter(([k]) => !open.has(k)).map(([, v]) => v);
    if (wanted.length > 0) {
      // Blocks this page does not need make room (a page needs far fewer than OPEN_BLOCKS).
      if (open.size + wanted.length > OPEN_BLOCKS)
        for (const k of open.keys()) if (!needed.has(k)) open.delete(k);
      const found = await s.query<{ import_id: string; block: number; sealed: Uint8Array }>(
        `select b.import_id, b.block, b.sealed from legacy_card_seals b
           join unnest($1::uuid[], $2::int[]) w(import_id, block) on (b.import_id, b.block) = (w.import_id, w.block)`,
        [wanted.map(([id]) => id), wanted.map(([, block]) => block)],
      );
      for (const b of found)
        open.set(key(b.import_id, b.block), openLegacyBlock(cipher, b.import_id, b.block, b.sealed));
    }
    const fields = (id: string, block: number, slot: number, cardNumber: string) => {
      const entries = open.get(key(id, block));
      if (entries === undefined) throw new Error(`legacy card ${cardNumber}: its sealed block is missing`);
      return legacyRowFields(entries, slot, cardNumber);
    };
    for (const p of pairs) {
      const now = fields(importId, p.new_block, p.new_slot, p.card_number);
      const before = fields(p.old_import, p.old_block!, p.old_slot!, p.card_number);
      if (now.hukouAddress !== before.hukouAddress || now.addressDetail !== before.addressDetail)
        lines.push(Number(p.line));
    }
    if (pairs.length < PAGE) break;
  }
  await s.query('close legacy_pairs');
  return lines
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((line) => ({ line, field: 'card_number' as const, reason: 'imported_with_other_details' as const }));
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
