// Materials stored in PostgreSQL (the `blobs` table): one backup covers everything, and the
// upload lands in the same transaction as the application that carries it.
import { eq } from 'drizzle-orm';
import type { BlobStorage } from '../ports/blob-storage.ts';
import type { Db } from './client.ts';
import { blobs } from './schema/index.ts';

export function postgresBlobStorage(db: Db): BlobStorage {
  return {
    put: async (key, contentType, content) => {
      await db.insert(blobs).values({ key, contentType, content });
    },
    get: async (key) => {
      const [row] = await db.select().from(blobs).where(eq(blobs.key, key));
      return row ? { contentType: row.contentType, content: row.content } : undefined;
    },
    delete: async (key) => {
      await db.delete(blobs).where(eq(blobs.key, key));
    },
  };
}
