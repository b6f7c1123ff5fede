/**
 * Where uploaded materials live. One interface; PostgreSQL by default (src/db/blob-storage.ts).
 * Content is sealed by the caller before `put` and opened after `get` (materialColumn in
 * src/services/applications/store-materials.ts): a storage only ever holds ciphertext.
 */
export interface BlobStorage {
  put(key: string, contentType: string, content: Uint8Array): Promise<void>;
  get(key: string): Promise<{ contentType: string; content: Uint8Array } | undefined>;
  /** Removes the file for good (retention); a key that is not there is no error. */
  delete(key: string): Promise<void>;
}
