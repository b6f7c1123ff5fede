// Signing keys as plain records the caller persists. ES256 (P-256) by default: on these machines it
// signs and verifies faster than Ed25519 and every browser's WebCrypto verifies it (DESIGN §3).
// The private key exists only sealed (seal-private-key.ts); even so the record never prints it.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { encodeBase64url } from '../verify/base64url.ts';
import type { SigningAlg } from '../verify/cose-sign1.ts';
import type { TrustedKey } from '../verify/trust-list.ts';
import { sealPrivateKey } from './seal-private-key.ts';

export type { SigningAlg };

export interface SigningKeyRecord {
  kid: string;
  alg: SigningAlg;
  publicJwk: JsonWebKey;
  /** AES-256-GCM under the KEK; never logged, never served. */
  encryptedPrivateKey: string;
  /** ISO instants. The key signs from createdAt until signUntil (null: still signing). */
  createdAt: string;
  signUntil: string | null;
  /** Verifiers trust it until then (null: until withdrawn). */
  verifyUntil: string | null;
}

export function generateSigningKey(alg: SigningAlg, kek: Uint8Array, now: Date): SigningKeyRecord {
  const pair =
    alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const publicJwk: JsonWebKey =
    alg === 'ES256'
      ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
      : { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  const kid = kidOf(publicJwk);
  const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  return signingKeyRecord({
    kid,
    alg,
    publicJwk,
    encryptedPrivateKey: sealPrivateKey(pkcs8, kek, sealingContext(kid, alg)),
    createdAt: now.toISOString(),
    signUntil: null,
    verifyUntil: null,
  });
}

/**
 * Key id: the first 8 bytes of the RFC 7638 JWK thumbprint, base64url (11 characters; 8 bytes in
 * the COSE header, as the EU DCC does). Derived, so the same public key always has the same id.
 */
export function kidOf(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x }; // RFC 7638 §3.2: required members, sorted
  return encodeBase64url(createHash('sha256').update(JSON.stringify(members)).digest().subarray(0, 8));
}

export function sealingContext(kid: string, alg: SigningAlg): string {
  return `juzhu signing key ${kid} ${alg}`;
}

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * The record with redacting toJSON/toString/inspect (non-enumerable, so spreading or storing
 * field by field is unaffected): a logger or an error report that meets it prints no key material.
 * Use it on rows read back from storage too.
 */
export function signingKeyRecord(fields: SigningKeyRecord): SigningKeyRecord {
  const record = { ...fields };
  const redacted = () => ({ ...publicPart(record), encryptedPrivateKey: '[redacted]' });
  Object.defineProperties(record, {
    toJSON: { value: redacted, enumerable: false },
    toString: { value: () => `SigningKey(${record.kid}, ${record.alg})`, enumerable: false },
    [inspect]: { value: redacted, enumerable: false },
  });
  return record;
}

function publicPart(r: SigningKeyRecord): Omit<SigningKeyRecord, 'encryptedPrivateKey'> {
  const { encryptedPrivateKey: _secret, ...rest } = r;
  return rest;
}

const seconds = (iso: string | null): number | null =>
  iso === null ? null : Math.floor(Date.parse(iso) / 1000);

/** What a verifier is told about a key: public part and windows, in unix seconds. */
export function trustedKeyOf(r: SigningKeyRecord): TrustedKey {
  return {
    kid: r.kid,
    alg: r.alg,
    publicJwk: r.publicJwk,
    notBefore: seconds(r.createdAt)!,
    signUntil: seconds(r.signUntil),
    verifyUntil: seconds(r.verifyUntil),
  };
}
