import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Bearer sessions. Only the SHA-256 of the token is stored, so a database leak yields no usable token. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    subjectKind: text('subject_kind', { enum: ['resident', 'staff'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_subject_idx').on(t.subjectKind, t.subjectId)],
);
