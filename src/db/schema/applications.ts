import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  applicationStatuses,
  applicationTypes,
  type ApplicationStatus,
  type ApplicationType,
} from '../../domain/applications/application.ts';
import { cards } from './cards.ts';
import { bytea } from './bytea.ts';
import { residents } from './residents.ts';
import { stations } from './stations.ts';

// The domain owns the lists; drizzle wants them as non-empty tuples for its column types.
const typeEnum = applicationTypes as unknown as [ApplicationType, ...ApplicationType[]];
const statusEnum = applicationStatuses as unknown as [ApplicationStatus, ...ApplicationStatus[]];

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => residents.id),
    type: text('type', { enum: typeEnum }).notNull(),
    status: text('status', { enum: statusEnum }).notNull(),
    channel: text('channel', { enum: ['online', 'window'] }).notNull(),
    /** The station that decides: the one serving the declared address's district. */
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    /**
     * The road, building and room, sealed (AES-256-GCM, `applications.address_detail`): open it with
     * openAddress (src/db/repositories/addresses.ts). Null only on a row of an older release not
     * sealed yet, which start-up seals before serving.
     */
    addressDetailSealed: bytea('address_detail_sealed'),
    /**
     * The clear column of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-addresses.ts); nothing else reads it. Dropped later.
     */
    plainAddressDetail: text('address_detail'),
    addressFlags: jsonb('address_flags').$type<string[]>().notNull().default([]),
    basis: text('basis', { enum: ['employment', 'residence', 'study'] }),
    /** How eligibility was met (residence permits), for the officer to check. */
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>(),
    /** The card an endorsement, change or replacement is for. */
    cardId: uuid('card_id').references(() => cards.id),
    acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
    dueBy: date('due_by', { mode: 'string' }).notNull(),
    /** Counted partly on the provisional calendar of an unpublished year; recomputed when it is loaded. */
    dueByProvisional: boolean('due_by_provisional').notNull().default(false),
    missing: jsonb('missing').$type<string[]>().notNull().default([]),
    /**
     * The officer's reason (a rejection, a request for materials) the applicant sees: staff's free
     * text about a person, sealed (AES-256-GCM, `applications.reason`); open it with openNote
     * (src/db/repositories/staff-notes.ts). Null when there is none.
     */
    reasonSealed: bytea('reason_sealed'),
    /**
     * The clear column of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-staff-notes.ts); nothing else reads it. Dropped later.
     */
    plainReason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    issuedCardId: uuid('issued_card_id').references(() => cards.id),
    /** Window proxy application (R13): agent, relation, documents the clerk checked. No ID numbers. */
    proxy: jsonb('proxy').$type<Record<string, unknown>>(),
    acceptedBy: uuid('accepted_by'),
    /** The station whose window took a window application (its clerks see it, DESIGN §4); null online. */
    intakeStationId: text('intake_station_id').references(() => stations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The officers' queue: by district and status, earliest due first.
    index('applications_district_status_due_idx').on(t.districtCode, t.status, t.dueBy),
    // The whole queue of a district, earliest due first, with no status filter (the console's default);
    // with the id, a page at any offset is picked from the index alone (bench/staff-queue.ts).
    index('applications_district_due_idx').on(t.districtCode, t.dueBy, t.createdAt, t.id),
    // Staff search by the card an application concerns or issued.
    index('applications_card_idx').on(t.cardId),
    index('applications_applicant_idx').on(t.applicantId),
    // One open application per applicant, type and card, even under concurrent submits.
    uniqueIndex('applications_one_open_key')
      .on(t.applicantId, t.type, sql`coalesce(${t.cardId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} in ('submitted', 'needs_materials', 'resubmitted')`),
    check(
      'applications_status_check',
      sql`${t.status} in ('submitted', 'needs_materials', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'issued')`,
    ),
    check(
      'applications_type_check',
      sql`${t.type} in ('registration_card', 'residence_permit', 'endorsement', 'change', 'replacement')`,
    ),
    check('applications_due_after_accept_check', sql`${t.dueBy} >= ${t.acceptedOn}`),
  ],
);
