// JWKS (RFC 7517 §5) of the display-code keys, for verifiers that speak JOSE/COSE generically.
// The validity windows ride along as `nbf` and `exp` (named like the JWT claims, unix seconds:
// `exp` is the end of trust for verification) and `jz_sign_until` (end of signing).
import { trustedKeyOf } from './signing-key.ts';
import type { SigningKeyRecord } from './signing-key.ts';

export interface PublishedJwk extends JsonWebKey {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  use: 'sig';
  nbf: number;
  exp?: number;
  jz_sign_until?: number;
}

export function buildJwks(records: readonly SigningKeyRecord[], now: Date): { keys: PublishedJwk[] } {
  const nowSec = Math.floor(now.getTime() / 1000);
  const keys = records
    .map(trustedKeyOf)
    .filter((k) => k.verifyUntil === null || k.verifyUntil >= nowSec)
    .map((k) => {
      // Only the public members: whatever else a JWK object carries is not copied.
      const { kty, crv, x, y } = k.publicJwk;
      const jwk: PublishedJwk = {
        kty,
        crv,
        x,
        ...(y === undefined ? {} : { y }),
        kid: k.kid,
        alg: k.alg,
        use: 'sig',
        nbf: k.notBefore,
      };
      if (k.verifyUntil !== null) jwk.exp = k.verifyUntil;
      if (k.signUntil !== null) jwk.jz_sign_until = k.signUntil;
      return jwk;
    });
  return { keys };
}
