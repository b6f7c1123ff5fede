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
    /**
     * Staff sessions: when last used, written at most once a minute (idle expiry); null until then
     * (the creation time counts). Resident sessions never write it: no write on the display path.
     */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Why an administrator ended it early, so the console can say so: deactivated, password_reset. */
    endedReason: text('ended_reason', { enum: ['deactivated', 'password_reset'] }),
  },
  (t) => [index('sessions_subject_idx').on(t.subjectKind, t.subjectId)],
);
