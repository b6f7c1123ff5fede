// Keyed digests of values that are compared, never searched: a login code, a binding code, an
// uploaded file, a request's fingerprint. An unkeyed SHA-256 of a 6-digit code and a known phone is
// undone from a dump in 10^6 hashes, and one of a file confirms to whoever holds a copy that it was
// uploaded; an HMAC-SHA-256 (RFC 2104) under a key the dump does not hold is neither.
//
// Each purpose has its own key, derived from the index key with HKDF (RFC 5869), `info` naming the
// purpose. The index key itself only ever MACs blind indexes (blind-index.ts), so no digest equals
// a blind index, of the same string or any other, nor a digest of another purpose: a login code's
// hash says nothing about the phone's index, nor a file's about a request's.
import { createHmac, hkdfSync } from 'node:crypto';

export type DigestPurpose = 'otp_code' | 'binding_code' | 'material' | 'request';

/**
 * The purpose's key. RFC 5869 §3.1: no salt (the index key is already uniformly random); §3.2:
 * `info` binds the key to its use.
 */
export function digestKey(indexKey: Uint8Array, purpose: DigestPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', indexKey, new Uint8Array(0), `juzhu keyed digest: ${purpose}`, 32));
}

/** HMAC-SHA-256 of `message` (a string as UTF-8), all 32 bytes. */
export function keyedDigest(key: Uint8Array, message: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(message).digest();
}
