import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cards } from './cards.ts';

/**
 * One run of `juzhu import legacy` that wrote something (R10): which file (its SHA-256), who, when,
 * and what it counted. A refused or dry run writes nothing here; the audit log has one entry per run.
 */
export const legacyImports = pgTable('legacy_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileSha256: text('file_sha256').notNull(),
  fileName: text('file_name').notNull(),
  actorKind: text('actor_kind', { enum: ['staff', 'system'] }).notNull(),
  actorId: text('actor_id'),
  rows: integer('rows').notNull(),
  imported: integer('imported').notNull(),
  alreadyPresent: integer('already_present').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/**
 * What a legacy card says beyond the register's card row (Art. 4 fields the old system printed),
 * and where it came from. `card_number` is the number printed on the plastic card, unique, so a
 * second run of the same export recognises every row; `row_hash` tells a row imported with the
 * same details from one that now says something else.
 */
export const legacyCards = pgTable('legacy_cards', {
  cardId: uuid('card_id')
    .primaryKey()
    .references(() => cards.id),
  cardNumber: text('card_number').notNull().unique(),
  rowHash: text('row_hash').notNull(),
  importId: uuid('import_id')
    .notNull()
    .references(() => legacyImports.id),
  line: integer('line').notNull(),
  ethnicity: text('ethnicity').notNull(),
  hukouAddress: text('hukou_address').notNull(),
  issuingAuthority: text('issuing_authority').notNull(),
  lastEndorsedOn: date('last_endorsed_on', { mode: 'string' }),
});
