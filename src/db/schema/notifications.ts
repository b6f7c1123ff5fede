import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { residents } from './residents.ts';
import { stations } from './stations.ts';

/**
 * The notification outbox: written in the transaction of the event it tells of (a decision, a
 * booking) or by a job (reminders, notices), once per `key`. A resident's SMS is sent after commit
 * by the sender (src/services/notifications), which takes each row with a lease so no message is
 * sent twice by two processes, and retries a failed send. A station's alert has no SMS.
 *
 * A resident's notification is sealed (AES-256-GCM, src/crypto): its phone (`phone_sealed`) and its
 * values (`params_sealed`, the JSON the text is rendered from: card numbers, a refusal's reason).
 * A station's alert keeps its values in clear (`params`): an application's or a visit's id and a
 * date, nothing of a person, joined on by the staff's alert list (station-alerts.ts).
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
    /**
     * The template's values of a station's alert; texts are rendered per language. Null on a
     * resident's notification (sealed, `params_sealed`) once start-up has sealed an older one.
     */
    params: jsonb('params').$type<Record<string, string>>(),
    /** A resident's notification's values, sealed: the JSON of `params` (openParams in outbox.ts). */
    paramsSealed: bytea('params_sealed'),
    /** Where the SMS goes (the resident's phone when it was written), sealed; null: not texted. */
    phoneSealed: bytea('phone_sealed'),
    /**
     * The clear phone of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-notifications.ts); nothing else reads it.
     */
    plainPhone: text('phone'),
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
