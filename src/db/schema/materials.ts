import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { bytea } from './bytea.ts';

/** Uploaded files, behind the storage interface (src/db/blob-storage.ts); PostgreSQL by default. */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  contentType: text('content_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The materials an application carries (DESIGN §2): photo, proof of address, proof of basis. */
export const materials = pgTable(
  'materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['photo', 'proof_of_address', 'proof_of_basis'] }).notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Which round of submission brought it (0 = first submission). */
    round: integer('round').notNull().default(0),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    /** When retention deleted the file; the row stays as the record that it was there. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [index('materials_application_idx').on(t.applicationId)],
);
