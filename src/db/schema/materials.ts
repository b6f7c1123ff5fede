import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { bytea } from './bytea.ts';

/**
 * Uploaded files, behind the storage interface (src/db/blob-storage.ts); PostgreSQL by default.
 * A file arrives sealed (AES-256-GCM, bound to its material's id: store-materials.ts) and is kept
 * in `content_sealed`; a dump of the database holds no photo or document in clear.
 */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  contentType: text('content_type').notNull(),
  contentSealed: bytea('content_sealed'),
  /**
   * The clear bytes of releases before sealing. Start-up seals any row still holding them and
   * empties them (src/services/personal-data/seal-plain-materials.ts); nothing else reads them. A
   * later release drops the column.
   */
  plainContent: bytea('content'),
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
    /**
     * Despite the name, a keyed HMAC-SHA-256 of the file, hex (`materialDigest`, store-materials.ts);
     * rows of releases before keep the plain SHA-256 (renaming would take a migration).
     */
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
