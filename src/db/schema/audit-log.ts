import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bytea } from './bytea.ts';

/**
 * Every write: who, what, when, through which channel. Written in the same transaction as the
 * change it records. `details` holds identifiers and codes, never personal data.
 *
 * Append-only and hash-chained (migration 0011, docs/security.md): at commit a deferred trigger gives
 * each row the next `seq`, the previous row's hash and its own hash over both and its content; a
 * trigger refuses any other UPDATE, any DELETE and TRUNCATE. `juzhu audit verify` recomputes the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['resident', 'staff', 'verifier', 'system'] }).notNull(),
    actorId: text('actor_id'),
    channel: text('channel', { enum: ['online', 'window', 'api', 'cli', 'system'] }).notNull(),
    action: text('action').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    stationId: text('station_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Position in the chain; null only inside the writing transaction, before its commit seals it. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectKind, t.subjectId, t.at),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
  ],
);

/** The chain's last link: one row, locked by each sealing commit in turn. */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: boolean('id').primaryKey().default(true),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [check('audit_chain_head_one_row', sql`${t.id}`)],
);
