import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  visitOutcomes,
  visitReasons,
  visitStatuses,
  type VisitOutcome,
  type VisitReason,
  type VisitStatus,
} from '../../domain/visits/visit.ts';
import { cards } from './cards.ts';
import { bytea } from './bytea.ts';
import { residents } from './residents.ts';
import { staff } from './staff.ts';
import { stations } from './stations.ts';

const reasonEnum = visitReasons as unknown as [VisitReason, ...VisitReason[]];
const statusEnum = visitStatuses as unknown as [VisitStatus, ...VisitStatus[]];
const outcomeEnum = visitOutcomes as unknown as [VisitOutcome, ...VisitOutcome[]];

/**
 * Verification visits (R14): one per card version issued with a new address (a new card, or a
 * change of address), for the community police of the street. The address visited is copied from
 * the card at creation, so what was checked stays readable whatever happens to the card later.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cardId: uuid('card_id')
      .notNull()
      .references(() => cards.id),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => residents.id),
    applicationId: uuid('application_id'),
    reason: text('reason', { enum: reasonEnum }).notNull(),
    status: text('status', { enum: statusEnum }).notNull(),
    /** The station whose community police serve the street. */
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    /**
     * The road, building and room, sealed (AES-256-GCM, `visits.address_detail`): open it with
     * openAddress (src/db/repositories/addresses.ts). Null only on a row of an older release not
     * sealed yet, which start-up seals before serving.
     */
    addressDetailSealed: bytea('address_detail_sealed'),
    /**
     * The clear column of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-addresses.ts); nothing else reads it. Dropped later.
     */
    plainAddressDetail: text('address_detail'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Counted partly on the provisional calendar of an unpublished year; recounted when it is loaded. */
    dueOnProvisional: boolean('due_on_provisional').notNull().default(false),
    assignedTo: uuid('assigned_to').references(() => staff.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    outcome: text('outcome', { enum: outcomeEnum }),
    /** What the community police found, in their words: sealed (`visits.note`, openNote). */
    noteSealed: bytea('note_sealed'),
    /** Clear column of older releases, emptied at start-up (seal-plain-staff-notes.ts). Dropped later. */
    plainNote: text('note'),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    /** The reviewing officer's reason: sealed (`visits.review_note`, openNote). */
    reviewNoteSealed: bytea('review_note_sealed'),
    /** Clear column of older releases, emptied at start-up (seal-plain-staff-notes.ts). Dropped later. */
    plainReviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => staff.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('visits_card_key').on(t.cardId),
    // The community police's list: their streets, open first, earliest due first.
    index('visits_street_status_due_idx').on(t.streetCode, t.status, t.dueOn),
    // The officers' review queue of a district.
    index('visits_district_status_due_idx').on(t.districtCode, t.status, t.dueOn),
    check(
      'visits_status_check',
      sql`${t.status} in ('open', 'confirmed', 'needs_review', 'revoked', 'kept', 'superseded')`,
    ),
    check('visits_reason_check', sql`${t.reason} in ('new_card', 'address_change')`),
    check(
      'visits_outcome_check',
      sql`(${t.outcome} is null) = (${t.status} in ('open', 'superseded')) and (${t.outcome} is null or ${t.outcome} in ('confirmed', 'not_found', 'mismatch'))`,
    ),
  ],
);
