// Materials stored in PostgreSQL (the `blobs` table): one backup covers everything, and the
// upload lands in the same transaction as the application that carries it. What it is given and
// gives back is already sealed (the caller seals, store-materials.ts), so it stores only ciphertext.
import { eq } from 'drizzle-orm';
import type { BlobStorage } from '../ports/blob-storage.ts';
import type { Db } from './client.ts';
import { blobs } from './schema/index.ts';

export function postgresBlobStorage(db: Db): BlobStorage {
  return {
    put: async (key, contentType, content) => {
      await db.insert(blobs).values({ key, contentType, contentSealed: content });
    },
    get: async (key) => {
      const [row] = await db
        .select({ contentType: blobs.contentType, content: blobs.contentSealed })
        .from(blobs)
        .where(eq(blobs.key, key));
      // A row still in clear (an older release's) is sealed at start-up, before anything serves.
      return row?.content ? { contentType: row.contentType, content: row.content } : undefined;
    },
    delete: async (key) => {
      await db.delete(blobs).where(eq(blobs.key, key));
    },
  };
}
