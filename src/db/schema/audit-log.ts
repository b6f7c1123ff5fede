import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every write: who, what, when, through which channel. Written in the same transaction as the
 * change it records. `details` holds identifiers and codes, never personal data.
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
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectKind, t.subjectId, t.at)],
);
