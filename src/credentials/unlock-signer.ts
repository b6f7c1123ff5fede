// A signer holds the opened private key in a closure: no property of it holds key material, so it
// cannot be serialised, logged or sent by accident.
import { createPrivateKey, sign } from 'node:crypto';
import type { SigningAlg } from '../verify/cose-sign1.ts';
import { openPrivateKey } from './seal-private-key.ts';
import { derToP1363 } from './ecdsa-signature-encoding.ts';
import { sealingContext } from './signing-key.ts';
import type { SigningKeyRecord } from './signing-key.ts';

export interface Signer {
  kid: string;
  alg: SigningAlg;
  sign(data: Uint8Array): Uint8Array;
}

export function unlockSigner(record: SigningKeyRecord, kek: Uint8Array): Signer {
  const der = openPrivateKey(record.encryptedPrivateKey, kek, sealingContext(record.kid, record.alg));
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const signer: Signer =
    record.alg === 'ES256'
      ? // COSE wants r‖s (IEEE P1363, RFC 9053 §2.1): sign with the bare KeyObject (DER) and
        // convert, which is about twice as fast as asking Node for P1363 (ecdsa-signature-encoding.ts).
        {
          kid: record.kid,
          alg: 'ES256',
          sign: (data) => derToP1363(sign('sha256', data, key)),
        }
      : { kid: record.kid, alg: 'EdDSA', sign: (data) => sign(null, data, key) };
  return Object.freeze(signer);
}
