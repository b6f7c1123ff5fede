// The signed trust list: every key a verifier may meet in a display code or status list, with its
// windows, signed by a trust anchor whose public key verifiers hold already (trustAnchorOf).
import { encodeCbor } from '../verify/cbor.ts';
import { TRUST_LIST_TYP, trustListToCbor } from '../verify/trust-list.ts';
import type { TrustList } from '../verify/trust-list.ts';
import type { TrustAnchor } from '../verify/verify-trust-list.ts';
import { signCose } from './sign-cose.ts';
import { trustedKeyOf } from './signing-key.ts';
import type { SigningKeyRecord } from './signing-key.ts';
import type { Signer } from './unlock-signer.ts';

export function buildTrustList(
  records: readonly SigningKeyRecord[],
  now: Date,
  validitySeconds: number,
): TrustList {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const nowSec = issuedAt;
  return {
    issuedAt,
    expiresAt: issuedAt + Math.floor(validitySeconds),
    // Keys past their verification window are dropped: nothing they signed can still verify.
    keys: records.map(trustedKeyOf).filter((k) => k.verifyUntil === null || k.verifyUntil >= nowSec),
  };
}

export function signTrustList(list: TrustList, anchor: Signer): Uint8Array {
  return signCose(encodeCbor(trustListToCbor(list)), anchor, TRUST_LIST_TYP, true); // tagged like every list
}

/** What verifiers are configured with to check the trust list: public part only. */
export function trustAnchorOf(record: SigningKeyRecord): TrustAnchor {
  return { kid: record.kid, alg: record.alg, publicJwk: record.publicJwk };
}
