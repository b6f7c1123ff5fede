// Public keys in COSE_Key form (RFC 9052 §7, RFC 9053 §7) for the trust list, and the JWK form
// (RFC 7517/7518, RFC 8037) that WebCrypto imports and JWKS publishes.
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { isBytes, isMap } from './cbor.ts';
import type { CborValue } from './cbor.ts';
import { COSE_ALG } from './cose-sign1.ts';
import type { SigningAlg } from './cose-sign1.ts';

const KTY = 1;
const KID = 2;
const ALG = 3;
const CRV = -1;
const X = -2;
const Y = -3;
const KTY_OKP = 1;
const KTY_EC2 = 2;
const CRV_P256 = 1;
const CRV_ED25519 = 6;

export interface PublicKeyOf {
  kid: string;
  alg: SigningAlg;
  publicJwk: JsonWebKey;
}

export function coseKeyOf({ kid, alg, publicJwk }: PublicKeyOf): Map<number, CborValue> {
  const kidBytes = decodeBase64url(kid);
  const x = decodeBase64url(publicJwk.x ?? '');
  if (!kidBytes || !x) throw new TypeError('public key: kid and x must be base64url');
  if (alg === 'EdDSA') {
    return new Map<number, CborValue>([
      [KTY, KTY_OKP],
      [KID, kidBytes],
      [ALG, COSE_ALG.EdDSA],
      [CRV, CRV_ED25519],
      [X, x],
    ]);
  }
  const y = decodeBase64url(publicJwk.y ?? '');
  if (!y) throw new TypeError('public key: y must be base64url');
  return new Map<number, CborValue>([
    [KTY, KTY_EC2],
    [KID, kidBytes],
    [ALG, COSE_ALG.ES256],
    [CRV, CRV_P256],
    [X, x],
    [Y, y],
  ]);
}

/** The key if it is a P-256 ES256 or an Ed25519 EdDSA key with a kid, else undefined. */
export function publicKeyFromCose(x: unknown): PublicKeyOf | undefined {
  if (!isMap(x)) return undefined;
  const kid = x.get(KID);
  const px = x.get(X);
  if (!isBytes(kid) || kid.length < 1 || kid.length > 32 || !isBytes(px) || px.length !== 32)
    return undefined;
  if (x.size === 5 && x.get(KTY) === KTY_OKP && x.get(ALG) === COSE_ALG.EdDSA && x.get(CRV) === CRV_ED25519) {
    return {
      kid: encodeBase64url(kid),
      alg: 'EdDSA',
      publicJwk: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64url(px) },
    };
  }
  const py = x.get(Y);
  if (x.size === 6 && x.get(KTY) === KTY_EC2 && x.get(ALG) === COSE_ALG.ES256 && x.get(CRV) === CRV_P256) {
    if (!isBytes(py) || py.length !== 32) return undefined;
    return {
      kid: encodeBase64url(kid),
      alg: 'ES256',
      publicJwk: { kty: 'EC', crv: 'P-256', x: encodeBase64url(px), y: encodeBase64url(py) },
    };
  }
  return undefined;
}
