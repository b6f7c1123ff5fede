import { sql } from 'drizzle-orm';
import { check, index, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { cards } from './cards.ts';
import { residents } from './residents.ts';
import { staff } from './staff.ts';
import { bytea } from './bytea.ts';
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
    /**
     * `window`: a clerk printed it for the person in front of them. `after_review`: issued with the
     * approval of a window application whose applicant has no phone login (R9, R16), to be printed
     * at that station and handed over.
     */
    origin: text('origin', { enum: ['window', 'after_review'] })
      .notNull()
      .default('window'),
    applicationId: uuid('application_id').references(() => applications.id),
    /**
     * The signed proof (JZF1:…) printed in the QR, from which the PDF is rendered again to reprint.
     * It carries the holder's name, ID number and address (encoded, not encrypted), so it is kept
     * sealed (formProofColumn); null for forms printed before proofs were kept (migration 0021).
     */
    proofSealed: bytea('proof_sealed'),
    /** The proof in clear, as releases before sealing kept it: sealed at start-up, then emptied. */
    plainProof: text('proof'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    handedOverBy: uuid('handed_over_by').references(() => staff.id),
  },
  (t) => [
    index('confirmation_forms_holder_idx').on(t.holderId),
    // The station's list, newest first, and its "to print" list.
    index('confirmation_forms_station_issued_idx').on(t.stationId, t.issuedAt),
    check('confirmation_forms_origin_check', sql`${t.origin} in ('window', 'after_review')`),
    check(
      'confirmation_forms_handed_over_check',
      sql`${t.handedOverAt} is null or ${t.origin} = 'after_review'`,
    ),
    check(
      'confirmation_forms_evidence_check',
      sql`${t.evidence} in ('id_card', 'household_register', 'origin_certificate', 'display_code')`,
    ),
  ],
);
