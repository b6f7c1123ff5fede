import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { staff } from './staff.ts';

/**
 * A staff member's passkeys (WebAuthn Level 3 §4 "public key credential"), a second factor besides
 * TOTP (issue 9). Only public material is kept: the authenticator holds the private key.
 */
export const staffPasskeys = pgTable(
  'staff_passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The credential ID (base64url), as the authenticator names it; unique across accounts (§6.1). */
    credentialId: text('credential_id').notNull().unique(),
    /** The COSE_Key of the credential (RFC 9052 §7), as attested at registration. */
    publicKey: bytea('public_key').notNull(),
    /** The signature counter last seen (§6.1.1): one going backwards betrays a cloned authenticator. */
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    /** What the authenticator said it is reached by (usb, nfc, internal, hybrid…): a hint to the browser. */
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    /** The member's own name for it ("office key"): shown in their list, never personal data. */
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('staff_passkeys_staff_idx').on(t.staffId)],
);

export const webauthnPurposes = ['registration', 'authentication'] as const;

/**
 * Challenges handed out for a WebAuthn ceremony (§13.4.3: random, at least 16 bytes, used once).
 * In the database, not in memory: the options and the answer may reach different processes.
 * Taking one deletes it, so a replayed answer finds none.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    /** base64url of 32 random bytes, as it comes back in clientDataJSON.challenge. */
    challenge: text('challenge').primaryKey(),
    /** The staff member the ceremony is for: signed in (registration) or past the password (login). */
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    purpose: text('purpose', { enum: webauthnPurposes }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('webauthn_challenges_staff_idx').on(t.staffId),
    check('webauthn_challenges_purpose_check', sql`${t.purpose} in ('registration', 'authentication')`),
  ],
);
