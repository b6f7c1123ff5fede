import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * A resident account: created at first OTP login (phone), bound once to a real identity.
 *
 * The phone, ID number and name are sealed (AES-256-GCM, `*_sealed`, src/crypto) and found by their
 * blind indexes (HMAC, `*_index`): a dump of the database holds none of them in clear. Use
 * src/db/repositories/residents.ts, which seals on write and opens on read.
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for a person registered at a window who has no phone login. */
    phoneIndex: bytea('phone_index').unique('residents_phone_index_key'),
    phoneSealed: bytea('phone_sealed'),
    idNumberIndex: bytea('id_number_index').unique('residents_id_number_index_key'),
    idNumberSealed: bytea('id_number_sealed'),
    nameIndex: bytea('name_index'),
    nameSealed: bytea('name_sealed'),
    /**
     * The clear columns of releases before sealing. Start-up seals any row still holding them and
     * empties them (src/services/personal-data/seal-plain-residents.ts); nothing writes or reads
     * them otherwise. A later release drops them.
     */
    plainPhone: text('phone'),
    plainIdNumber: text('id_number'),
    plainName: text('name'),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    identityBoundAt: timestamp('identity_bound_at', { withTimezone: true }),
    /** The language the resident reads (set at login and from the wallet); null: never said, Chinese. */
    language: text('language', { enum: ['zh-CN', 'en', 'es'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Staff search by full name (a sealed name has no prefix to search, nor an order to sort by).
    index('residents_name_index_idx').on(t.nameIndex),
    check('residents_language_check', sql`${t.language} in ('zh-CN', 'en', 'es')`),
  ],
);

/**
 * A guardian or close relative who applied for a ward at a window (R13): the agent's wallet also
 * shows the ward's cards, marked as such.
 */
export const guardianships = pgTable(
  'guardianships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => residents.id),
    wardId: uuid('ward_id')
      .notNull()
      .references(() => residents.id),
    relation: text('relation').notNull(),
    reason: text('reason', { enum: ['minor', 'elderly', 'disability'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('guardianships_agent_ward_key').on(t.agentId, t.wardId)],
);
