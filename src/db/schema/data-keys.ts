import { sql } from 'drizzle-orm';
import { check, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * The keys that protect personal data at rest (src/crypto): `field` seals values (AES-256-GCM),
 * `index` keys the blind indexes (HMAC-SHA-256). Each is stored wrapped under the KEK; created once,
 * under an advisory lock, by the first process to start (the primary key is the backstop).
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    purpose: text('purpose', { enum: ['field', 'index'] }).notNull(),
    keyId: smallint('key_id').notNull(),
    wrappedKey: bytea('wrapped_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'data_keys_pkey', columns: [t.purpose, t.keyId] }),
    check('data_keys_purpose_check', sql`${t.purpose} in ('field', 'index')`),
    check('data_keys_key_id_check', sql`${t.keyId} between 1 and 255`),
  ],
);
