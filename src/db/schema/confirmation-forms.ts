import { sql } from 'drizzle-orm';
import { check, index, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cards } from './cards.ts';
import { residents } from './residents.ts';
import { staff } from './staff.ts';
import { stations } from './stations.ts';

/**
 * Serial numbers of confirmation forms: a sequence hands each number out once, even when the
 * transaction that took it rolls back (never reused), and without a row lock that would queue
 * every station of the city behind one counter.
 */
export const confirmationFormSerial = pgSequence('confirmation_form_serial', { startWith: 1 });

/** One printed confirmation form (R9): what was certified, for whom, where, on what evidence. */
export const confirmationForms = pgTable(
  'confirmation_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serial: text('serial').notNull().unique(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => residents.id),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    evidence: text('evidence', {
      enum: ['id_card', 'household_register', 'origin_certificate', 'display_code'],
    }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('confirmation_forms_holder_idx').on(t.holderId),
    check(
      'confirmation_forms_evidence_check',
      sql`${t.evidence} in ('id_card', 'household_register', 'origin_certificate', 'display_code')`,
    ),
  ],
);
