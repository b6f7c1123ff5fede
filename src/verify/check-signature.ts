// The one cryptographic primitive the verifier needs, behind a function type so the server can pass
// a faster Node-crypto check (src/credentials/node-signature-check.ts) while browsers and third
// parties use WebCrypto. Both take the same key record and the same bytes.
import type { TrustedKey } from './trust-list.ts';

export type SignatureCheck = (
  key: TrustedKey,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array,
) => boolean | Promise<boolean>;

const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ED25519 = { name: 'Ed25519' } as const;

// Importing a JWK costs about as much as a verification: do it once per key object.
const imported = new WeakMap<TrustedKey, Promise<CryptoKey | undefined>>();

function cryptoKeyOf(key: TrustedKey): Promise<CryptoKey | undefined> {
  let k = imported.get(key);
  if (!k) {
    const algorithm = key.alg === 'ES256' ? ES256 : ED25519;
    k = globalThis.crypto.subtle
      .importKey('jwk', key.publicJwk, algorithm, false, ['verify'])
      .catch(() => undefined);
    imported.set(key, k);
  }
  return k;
}

/** WebCrypto: ECDSA signatures are IEEE P1363 (r‖s, 64 bytes), as COSE requires (RFC 9053 §2.1). */
export const webCryptoSignatureCheck: SignatureCheck = async (key, data, signature) => {
  if (signature.length !== 64) return false;
  const cryptoKey = await cryptoKeyOf(key);
  if (!cryptoKey) return false;
  const algorithm = key.alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : ED25519;
  try {
    // WebCrypto wants bytes on a plain ArrayBuffer: copy the 64 bytes (cbor-x may hand out a view).
    return await globalThis.crypto.subtle.verify(algorithm, cryptoKey, new Uint8Array(signature), data);
  } catch {
    return false;
  }
};
