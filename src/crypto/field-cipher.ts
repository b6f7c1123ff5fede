// Personal data at rest, one field at a time: AES-256-GCM (NIST SP 800-38D) with a random 96-bit
// nonce per value and a 128-bit tag. A sealed value is
//
//   key id (1 byte) ‖ nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)
//
// The key id says which data key sealed it (today always 1), so a later rotation can tell old
// values from new ones. The associated data is the key id and the column the value belongs to
// (`residents.name`): a ciphertext copied into another column, or another table, fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value lives, `table.column`: bound into the ciphertext as associated data. */
export type SealedColumn = `${string}.${string}`;

export class FieldOpenError extends Error {
  override name = 'FieldOpenError';
}

function associatedData(keyId: number, column: SealedColumn): Buffer {
  return Buffer.concat([Buffer.of(keyId), Buffer.from(column, 'utf8')]);
}

export function sealField(
  key: Uint8Array,
  keyId: number,
  column: SealedColumn,
  plain: Uint8Array,
): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData(keyId, column));
  return Buffer.concat([Buffer.of(keyId), nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The key id a sealed value names (to pick the key that opens it). */
export function sealedKeyId(sealed: Uint8Array): number {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES) throw new FieldOpenError('sealed field: too short');
  return sealed[0]!;
}

export function openField(key: Uint8Array, column: SealedColumn, sealed: Uint8Array): Buffer {
  const keyId = sealedKeyId(sealed);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const body = bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(associatedData(keyId, column));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    // The tag failed: another key, another column, or altered bytes. Never say more.
    throw new FieldOpenError(`sealed field of ${column} cannot be opened`);
  }
}
