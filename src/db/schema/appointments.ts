import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { residents } from './residents.ts';
import { staff } from './staff.ts';
import { stations } from './stations.ts';

export const appointmentPurposes = ['application', 'replacement'] as const;
export const appointmentStatuses = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;

/** A station's opening hours for appointments (R3), set by an admin; none: the defaults apply. */
export const appointmentSchedules = pgTable(
  'appointment_schedules',
  {
    stationId: text('station_id')
      .primaryKey()
      .references(() => stations.id),
    /** Beijing wall-clock periods, e.g. {"09:00-12:00","13:30-17:00"}. */
    periods: text('periods').array().notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull(),
    bookAheadDays: integer('book_ahead_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('appointment_schedules_slot_check', sql`${t.slotMinutes} between 5 and 240`),
    check('appointment_schedules_capacity_check', sql`${t.capacity} between 1 and 1000`),
  ],
);

/**
 * One bookable slot's counter, created at its first booking. `booked <= capacity` is kept by the
 * booking's conditional UPDATE (… where booked < capacity) and, as a last line, by the CHECK.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    uniqueIndex('appointment_slots_station_start_key').on(t.stationId, t.startsAt),
    check('appointment_slots_booked_check', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

/** A resident's booking of a slot for a purpose; one active booking per resident and purpose. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    purpose: text('purpose', { enum: appointmentPurposes }).notNull(),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => staff.id),
  },
  (t) => [
    uniqueIndex('appointments_one_active_key')
      .on(t.residentId, t.purpose)
      .where(sql`${t.status} = 'booked'`),
    index('appointments_station_start_idx').on(t.stationId, t.startsAt),
    check('appointments_purpose_check', sql`${t.purpose} in ('application', 'replacement')`),
    check('appointments_status_check', sql`${t.status} in ('booked', 'cancelled', 'checked_in', 'no_show')`),
  ],
);
