import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * The first answer to a POST sent with an `Idempotency-Key`, kept 24 hours so a retry gets it again
 * (src/http/plugins/idempotency.ts). Keys are the caller's: one account's key never meets another's.
 * The answer's body may hold a name, an ID number or an address: it is sealed (AES-256-GCM, bound
 * to the column and the row's id: src/services/idempotency/idempotency-keys.ts).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `resident:<id>` or `staff:<id>`. */
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    /**
     * HMAC-SHA-256 of the method, path and body under the request key (`requestFingerprint`,
     * src/http/plugins/idempotency.ts): the same key with another request is refused.
     */
    fingerprint: text('fingerprint').notNull(),
    state: text('state', { enum: ['in_flight', 'done'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    status: integer('status'),
    contentType: text('content_type'),
    bodySealed: bytea('body_sealed'),
    /**
     * The clear body of releases before sealing: start-up seals and empties it
     * (src/services/personal-data/seal-plain-replays.ts); nothing else reads it.
     */
    plainBody: bytea('body'),
  },
  (t) => [
    uniqueIndex('idempotency_keys_principal_key_idx').on(t.principal, t.key),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
