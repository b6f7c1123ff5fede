import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One-time login codes: hashed, single use, short-lived; rows also serve the per-phone rate limit. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The phone's blind index (HMAC, hex; src/crypto/blind-index.ts), never the phone: the rows only
     * need equality (this phone's codes and its rate limit). Rows of older releases held the phone
     * itself; start-up replaces it (src/services/personal-data/index-plain-keys.ts).
     */
    phoneIndex: text('phone').notNull(),
    /** HMAC-SHA-256 of phone and code under the login-code key (`otpHash`, request-otp.ts), hex. */
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
  },
  (t) => [index('otp_codes_phone_idx').on(t.phoneIndex, t.createdAt)],
);
