// The server's signature check: Node's crypto.verify, synchronous and without WebCrypto's promise
// and thread-pool hop, so online verification runs at nearly the raw verify rate (bench/). Same
// inputs and same answers as the library's WebCrypto check.
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { SignatureCheck } from '../verify/check-signature.ts';
import { p1363ToDer } from './ecdsa-signature-encoding.ts';
import type { TrustedKey } from '../verify/trust-list.ts';

const keyObjects = new WeakMap<TrustedKey, KeyObject | null>();

function keyObjectOf(key: TrustedKey): KeyObject | null {
  let k = keyObjects.get(key);
  if (k === undefined) {
    try {
      k = createPublicKey({ key: { ...key.publicJwk }, format: 'jwk' });
    } catch {
      k = null;
    }
    keyObjects.set(key, k);
  }
  return k;
}

export const nodeSignatureCheck: SignatureCheck = (key, data, signature) => {
  if (signature.length !== 64) return false;
  const keyObject = keyObjectOf(key);
  if (!keyObject) return false;
  try {
    // ES256: verify the DER form with the bare KeyObject; the P1363 options form re-prepares the
    // key on every call (ecdsa-signature-encoding.ts).
    return key.alg === 'ES256'
      ? verify('sha256', data, keyObject, p1363ToDer(signature))
      : verify(null, data, keyObject, signature);
  } catch {
    return false;
  }
};
