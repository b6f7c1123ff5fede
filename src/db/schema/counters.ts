import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/** Serial numbers (card numbers per district), incremented with UPDATE … RETURNING under the row lock. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});
