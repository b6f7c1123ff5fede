import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { residents } from './residents.ts';
import { stations } from './stations.ts';

/**
 * The notification outbox: written in the transaction of the event it tells of (a decision, a
 * booking) or by a job (reminders, notices), once per `key`. A resident's SMS is sent after commit
 * by the sender (src/services/notifications), which takes each row with a lease so no message is
 * sent twice by two processes, and retries a failed send. A station's alert has no SMS.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What makes it once only, e.g. `application_approved:<id>`, `appointment_reminder:<id>`. */
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    residentId: uuid('resident_id').references(() => residents.id),
    stationId: text('station_id').references(() => stations.id),
    /** The template's values (dates, names, the reason); texts are rendered per language. */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** Where the SMS goes (the resident's phone when it was written); null: not texted. */
    phone: text('phone'),
    /** The resident's language when it was written: the SMS is in it. */
    language: text('language', { enum: ['zh-CN', 'en', 'es'] })
      .notNull()
      .default('zh-CN'),
    smsState: text('sms_state', { enum: ['pending', 'sending', 'sent', 'failed', 'none'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_resident_idx').on(t.residentId, t.createdAt),
    index('notifications_station_idx').on(t.stationId, t.createdAt),
    index('notifications_sms_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.smsState} in ('pending', 'sending')`),
    check(
      'notifications_sms_state_check',
      sql`${t.smsState} in ('pending', 'sending', 'sent', 'failed', 'none')`,
    ),
    check('notifications_language_check', sql`${t.language} in ('zh-CN', 'en', 'es')`),
    check('notifications_recipient_check', sql`${t.residentId} is not null or ${t.stationId} is not null`),
  ],
);
