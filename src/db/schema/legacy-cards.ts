import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * One run of `juzhu import legacy` that wrote something (R10): which file (its SHA-256), who, when,
 * and what it counted. A refused or dry run writes nothing here; the audit log has one entry per run.
 * `part` is the partition of `legacy_cards` that holds its rows (0: the shared one).
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
  part: integer('part').notNull().default(0),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/**
 * A card of the old system as its export gave it (R10, DESIGN §2), checked at import and kept as
 * is: the only table an import writes. The register's holder, card and status-list entry are made
 * from it when first needed (materialise-legacy-card.ts), and `card_id` then names that card.
 *
 * Custom SQL (drizzle/*_legacy_cards_lazy.sql): the table is partitioned by LIST (`part`). Small
 * imports go into the shared partition `legacy_cards_shared` (part 0); a large one is COPYed into
 * a table of its own, indexed once loaded (a sorted build instead of a million index insertions)
 * and attached as a partition. So the unique index is not declared here: every partition carries
 * its own on `card_number`, in collation "C" (codes compared as bytes). The look-up by holder is a
 * partitioned index on the blind indexes, which an import's table brings built when attached.
 *
 * The holder's name, ID number and addresses are sealed, not here: in `legacy_card_seals`, a block of
 * rows at a time (`seal_block`, and the row's place in it, `seal_slot`). Their blind indexes (as in
 * `residents`, src/crypto) are what the register checks join on and what a holder's cards are
 * found by. `card_number` is unique across partitions because imports run one at a time and each
 * checks the others (import-legacy-cards.ts).
 */
export const legacyCards = pgTable(
  'legacy_cards',
  {
    part: integer('part').notNull(),
    importId: uuid('import_id').notNull(),
    /** The line of the export the row was on. */
    line: integer('line').notNull(),
    cardNumber: text('card_number').notNull(),
    kind: text('kind', { enum: ['registration_card', 'residence_permit'] }).notNull(),
    /**
     * In clear only in rows of a release before sealing, until start-up seals them
     * (src/services/personal-data/seal-legacy-cards.ts); null since. A later release drops them.
     */
    name: text('name'),
    /** Sex and birth date are those of the ID number (checked at import), so not kept twice. */
    idNumber: text('id_number'),
    /**
     * Blind indexes of the ID number and the name (null only in rows of a release before them, until
     * start-up indexes them: src/services/personal-data/index-plain-keys.ts).
     */
    idNumberIndex: bytea('id_number_index'),
    nameIndex: bytea('name_index'),
    ethnicity: text('ethnicity').notNull(),
    /** In clear only in rows of a release before sealing (see `name`). */
    hukouAddress: text('hukou_address'),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    /** In clear only in rows of a release before sealing (see `name`). */
    addressDetail: text('address_detail'),
    issuingAuthority: text('issuing_authority').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    lastEndorsedOn: date('last_endorsed_on', { mode: 'string' }),
    /** The register's card, once made; null until the card is first needed. */
    cardId: uuid('card_id'),
    /** The block of `legacy_card_seals` (of this row's import) that holds the row's personal data. */
    sealBlock: integer('seal_block'),
    /** The row's place in that block. */
    sealSlot: smallint('seal_slot'),
  },
  (t) => [index('legacy_cards_id_number_index_idx').on(t.idNumberIndex, t.nameIndex)],
);

/**
 * The personal data of legacy cards (name, ID number, hukou address, address), sealed a block of
 * rows at a time: one AES-256-GCM seal for up to 64 rows of one import, bound to (import, block)
 * as associated data, each entry naming its card number (src/services/legacy/legacy-seal-blocks.ts).
 * Per-row seals cost more than the rest of the import's work a row (node:crypto sets a cipher up
 * for every call); a block costs one set-up, and opening one card opens ~10 KB.
 */
export const legacyCardSeals = pgTable(
  'legacy_card_seals',
  {
    importId: uuid('import_id').notNull(),
    block: integer('block').notNull(),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.block] })],
);

/**
 * Imports of a release before sealing whose rows are still in clear: filled once by migration 0028,
 * each removed by start-up once its rows are sealed (seal-legacy-cards.ts). Start-up reads this
 * small table instead of scanning `legacy_cards` for unsealed rows at every start.
 */
export const legacyImportsToSeal = pgTable('legacy_imports_to_seal', {
  importId: uuid('import_id').primaryKey(),
});
