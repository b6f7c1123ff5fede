import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** A resident account: created at first OTP login (phone), bound once to a real identity. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for a person registered at a window who has no phone login. */
    phone: text('phone').unique(),
    idNumber: text('id_number').unique(),
    name: text('name'),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    identityBoundAt: timestamp('identity_bound_at', { withTimezone: true }),
    /** The language the resident reads (set at login and from the wallet); null: never said, Chinese. */
    language: text('language', { enum: ['zh-CN', 'en', 'es'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Staff search by the start of a name (LIKE 'prefix%'), whatever the database's collation.
  (t) => [
    index('residents_name_prefix_idx').on(t.name.op('text_pattern_ops')),
    // The staff queue sorted by applicant name: walked in order, not a sort of the whole district.
    index('residents_name_idx').on(t.name),
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
