import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Demo mode's stand-in for the SMS gateway: what would have been sent, readable at GET /dev/outbox. */
export const devOutbox = pgTable(
  'dev_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to').notNull(),
    text: text('text').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dev_outbox_to_idx').on(t.to, t.sentAt)],
);
