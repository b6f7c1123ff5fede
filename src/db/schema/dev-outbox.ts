import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * Demo mode's stand-in for the SMS gateway: what would have been sent, readable at GET /dev/outbox.
 * Sealed like the platform's own tables (a demo database is dumped too): the phone as its blind
 * index (hex, in the column that older releases filled with the phone) and sealed, the text sealed.
 */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toIndex: text('to').notNull(),
    toSealed: bytea('to_sealed'),
    textSealed: bytea('text_sealed'),
    /**
     * The clear text of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-notifications.ts); nothing else reads it.
     */
    plainText: text('text'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dev_outbox_to_idx').on(t.toIndex, t.sentAt)],
);
