import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';

/**
 * Signing keys (DESIGN §3). The private key is sealed under the KEK (AES-256-GCM) and never leaves
 * the server; a key imported for verification only has none. `display_code` keys sign codes and
 * status lists; the `trust_anchor` key signs the trust list.
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    kid: text('kid').primaryKey(),
    purpose: text('purpose', { enum: ['display_code', 'trust_anchor'] }).notNull(),
    alg: text('alg', { enum: ['ES256', 'EdDSA'] }).notNull(),
    publicJwk: jsonb('public_jwk').$type<JsonWebKey>().notNull(),
    encryptedPrivateKey: text('encrypted_private_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    signUntil: timestamp('sign_until', { withTimezone: true }),
    verifyUntil: timestamp('verify_until', { withTimezone: true }),
  },
  (t) => [
    check('signing_keys_purpose_check', sql`${t.purpose} in ('display_code', 'trust_anchor')`),
    check('signing_keys_alg_check', sql`${t.alg} in ('ES256', 'EdDSA')`),
    // At most one key of a purpose signs without end: two processes creating keys at once (or two
    // rotations) cannot leave two current signers, and so two trust anchors.
    uniqueIndex('signing_keys_one_current_signer')
      .on(t.purpose)
      .where(sql`${t.signUntil} is null and ${t.encryptedPrivateKey} is not null`),
  ],
);

/**
 * Token Status Lists: which indices have been handed out (never reused). The statuses themselves
 * are derived from the cards when a list is signed, so the cards table stays the one truth.
 */
export const statusLists = pgTable('status_lists', {
  list: integer('list').primaryKey(),
  size: integer('size').notNull(),
  allocated: bytea('allocated').notNull(),
  allocatedCount: integer('allocated_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Organisations that verify permits (employers, schools, hospitals, landlords, police). */
export const verifierOrgs = pgTable('verifier_orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['employer', 'school', 'hospital', 'landlord', 'police', 'other'] }).notNull(),
  /** Authorised to see the full record (police): DESIGN §3. */
  fullRecord: boolean('full_record').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A verifier organisation's API keys: only the SHA-256 is stored; the key is shown once. */
export const verifierKeys = pgTable(
  'verifier_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => verifierOrgs.id),
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters, so an admin can tell keys apart. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('verifier_keys_org_idx').on(t.orgId)],
);

/** Every verification of a display code: for seenBefore, the audit, and the holder's access log. */
export const verifications = pgTable(
  'verifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Hex of the code id, once the signature held (null for codes that did not verify). */
    codeId: text('code_id'),
    cardId: uuid('card_id'),
    result: text('result').notNull(),
    orgId: uuid('org_id'),
    fullRecord: boolean('full_record').notNull().default(false),
  },
  (t) => [index('verifications_code_idx').on(t.codeId), index('verifications_card_idx').on(t.cardId, t.at)],
);

/** Challenges handed to verifiers (challenge mode). */
export const verifyChallenges = pgTable('verify_challenges', {
  challenge: text('challenge').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
