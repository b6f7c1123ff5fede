import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { residents } from './residents.ts';
import { staff } from './staff.ts';
import { stations } from './stations.ts';

/** What a clerk saw before issuing a binding code: the evidence set of a confirmation form (DESIGN §2). */
export const bindingEvidence = ['id_card', 'household_register', 'origin_certificate'] as const;
export type BindingEvidence = (typeof bindingEvidence)[number];

/**
 * A single-use code a clerk issues to a person on seeing their ID (issue 9, finding 1): it lets one
 * phone account bind an identity the platform already holds without a phone. Only a hash of the
 * code is stored, keyed to the ID number, so a code opens that identity and no other.
 */
export const identityBindingCodes = pgTable(
  'identity_binding_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The ID number's blind index (HMAC, hex; src/crypto/blind-index.ts), never the number: a code is
     * only looked up by equality. Start-up replaces the numbers rows of older releases held.
     */
    idNumberIndex: text('id_number').notNull(),
    /**
     * HMAC-SHA-256 of the ID number and the code under the binding-code key (`bindingCodeHash`);
     * codes issued by releases before hold their unkeyed SHA-256 until they expire.
     */
    codeHash: text('code_hash').notNull(),
    evidence: text('evidence', { enum: bindingEvidence }).notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => staff.id),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the code bound an identity (used_by) or when a newer code replaced it (used_by null). */
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => residents.id),
    /** Wrong codes typed for this ID number while this code was live; 5 burn it. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
  },
  (t) => [index('identity_binding_codes_id_number_idx').on(t.idNumberIndex, t.issuedAt)],
);
