// Data keys at rest: each is wrapped (AES-256-GCM) under the key-encryption key from configuration,
// the same KEK that seals the signing keys. The associated data names the key's purpose and id, so
// a wrapped key cannot be swapped for another one's row.
import { openField, sealField, type SealedColumn } from './field-cipher.ts';

const WRAP_KEY_ID = 0;

function label(purpose: string, keyId: number): SealedColumn {
  return `data_keys.${purpose}:${keyId}`;
}

export function wrapDataKey(kek: Uint8Array, purpose: string, keyId: number, key: Uint8Array): Uint8Array {
  return sealField(kek, WRAP_KEY_ID, label(purpose, keyId), key);
}

export function unwrapDataKey(kek: Uint8Array, purpose: string, keyId: number, wrapped: Uint8Array): Buffer {
  return openField(kek, label(purpose, keyId), wrapped);
}
