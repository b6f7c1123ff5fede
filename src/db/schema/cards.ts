import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { residents } from './residents.ts';
import { stations } from './stations.ts';

/**
 * One row per card version. A change or replacement writes a new row (version + 1) and marks the
 * old one superseded, so whatever was shown for the old version stops verifying as current.
 */
export const cards = pgTable(
  'cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => residents.id),
    kind: text('kind', { enum: ['registration_card', 'residence_permit'] }).notNull(),
    source: text('source', { enum: ['electronic', 'legacy'] }).notNull(),
    number: text('number').notNull(),
    version: integer('version').notNull(),
    storedStatus: text('stored_status', { enum: ['active', 'revoked', 'superseded'] }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    endorsementDueOn: date('endorsement_due_on', { mode: 'string' }),
    residenceCountFrom: date('residence_count_from', { mode: 'string' }).notNull(),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    /**
     * The road, building and room, sealed (AES-256-GCM, `cards.address_detail`): open it with
     * openAddress (src/db/repositories/addresses.ts). Null only on a row of an older release not
     * sealed yet, which start-up seals before serving.
     */
    addressDetailSealed: bytea('address_detail_sealed'),
    /**
     * The clear column of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-addresses.ts); nothing else reads it. Dropped later.
     */
    plainAddressDetail: text('address_detail'),
    /** The issuing authority (Art. 4). */
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    applicationId: uuid('application_id'),
    /** Where the card's status sits in the Token Status Lists (random index, DESIGN §3). */
    statusList: integer('status_list'),
    statusIndex: integer('status_index'),
    supersededBy: uuid('superseded_by'),
    /**
     * The reason for a revocation the holder sees, staff's free text: sealed (AES-256-GCM,
     * `cards.revoked_reason`); open it with openNote (src/db/repositories/staff-notes.ts).
     */
    revokedReasonSealed: bytea('revoked_reason_sealed'),
    /**
     * The clear column of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-staff-notes.ts); nothing else reads it. Dropped later.
     */
    plainRevokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('cards_number_version_key').on(t.number, t.version),
    index('cards_holder_idx').on(t.holderId),
    check('cards_kind_check', sql`${t.kind} in ('registration_card', 'residence_permit')`),
    check('cards_status_check', sql`${t.storedStatus} in ('active', 'revoked', 'superseded')`),
    check('cards_version_check', sql`${t.version} >= 1`),
    unique('cards_status_entry_key').on(t.statusList, t.statusIndex),
  ],
);
