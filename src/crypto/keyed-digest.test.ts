// Keyed digests are HMAC-SHA-256 under a key per purpose derived by HKDF (RFC 5869), exactly; no
// digest equals a blind index or another purpose's digest of the same string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { digestKey, keyedDigest, type DigestPurpose } from './keyed-digest.ts';
import { createPersonalCipher } from './personal-cipher.ts';

const hmac = (key: Uint8Array, message: string | Uint8Array) =>
  createHmac('sha256', key).update(message).digest();

test('the purpose key is HKDF-SHA-256 (RFC 5869 §2.2, §2.3) of the index key, info naming the purpose', () => {
  const indexKey = randomBytes(32);
  // Extract with no salt (HashLen zeros), then one block of Expand: T(1) = HMAC(PRK, info | 0x01).
  const prk = hmac(Buffer.alloc(32), indexKey);
  const okm = hmac(prk, Buffer.concat([Buffer.from('juzhu keyed digest: otp_code'), Buffer.from([1])]));
  assert.deepEqual(digestKey(indexKey, 'otp_code'), okm);
  assert.deepEqual(keyedDigest(okm, '13912348001:123456'), hmac(okm, '13912348001:123456'));
});

test('one string under each purpose, and as a blind index: all unrelated, none an unkeyed hash', () => {
  const personal = createPersonalCipher();
  personal.use({ field: { id: 1, key: randomBytes(32) }, index: randomBytes(32) });
  const value = '13912348001';
  const purposes: DigestPurpose[] = ['otp_code', 'binding_code', 'material', 'request'];
  const seen = new Set([
    personal.indexHex('phone', value),
    personal.indexHex('id_number', value),
    createHash('sha256').update(value).digest('hex'),
  ]);
  for (const purpose of purposes) {
    const digest = personal.digest(purpose, value).toString('hex');
    assert.equal(digest.length, 64, 'all 32 bytes');
    assert.ok(![...seen].some((s) => digest.startsWith(s.slice(0, 32))), purpose);
    seen.add(digest);
    assert.equal(personal.digest(purpose, value).toString('hex'), digest, 'the same value, the same digest');
    assert.deepEqual(personal.digest(purpose, Buffer.from(value)), personal.digest(purpose, value));
  }
  const other = createPersonalCipher();
  other.use({ field: { id: 1, key: randomBytes(32) }, index: randomBytes(32) });
  assert.notDeepEqual(other.digest('otp_code', value), personal.digest('otp_code', value), 'keyed');
});
