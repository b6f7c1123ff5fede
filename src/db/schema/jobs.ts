import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per run of a scheduled job (src/services/jobs): its name and the cron slot it is for.
 * The key makes a slot enqueued once however many processes tick; a runner takes a row with
 * FOR UPDATE SKIP LOCKED and a lease, so no slot runs in two places at once.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    name: text('name').notNull(),
    /** The cron slot (ISO instant) or, for a run asked for by hand, its own key. */
    runKey: text('run_key').notNull(),
    state: text('state', { enum: ['pending', 'running', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    /** While running: the runner holding it, and until when; past it another runner may take over. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'job_runs_pkey', columns: [t.name, t.runKey] }),
    index('job_runs_due_idx')
      .on(t.runAfter)
      .where(sql`${t.state} in ('pending', 'running')`),
    check('job_runs_state_check', sql`${t.state} in ('pending', 'running', 'done', 'failed')`),
  ],
);
