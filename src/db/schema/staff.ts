import { sql } from 'drizzle-orm';
import { bigint, boolean, check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stations } from './stations.ts';

export const staffRoles = ['clerk', 'officer', 'community_police', 'admin'] as const;

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    /** argon2id PHC string; never logged. */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    /** null only for city-wide admins. */
    stationId: text('station_id').references(() => stations.id),
    displayName: text('display_name').notNull(),
    active: boolean('active').notNull().default(true),
    /** The TOTP secret (RFC 6238), sealed under the KEK like the signing keys; null: not enrolled. */
    totpSecret: text('totp_secret'),
    /** The last time step a code was accepted for: a code is good once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('staff_role_check', sql`${t.role} in ('clerk', 'officer', 'community_police', 'admin')`),
    check('staff_station_check', sql`${t.role} = 'admin' or ${t.stationId} is not null`),
  ],
);
