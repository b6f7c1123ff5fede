import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Admin corrections to the official calendar: a single day made a working day or a day off. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['working_day', 'day_off'] }).notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A whole year loaded by an admin when the State Council publishes it (past the package's data). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  daysOff: date('days_off', { mode: 'string' }).array().notNull(),
  makeUpWorkingDays: date('make_up_working_days', { mode: 'string' }).array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
