// The checks every verifier makes, online or offline, in one order (docs/display-code.md):
//   1 prefix, length, base45, COSE envelope, alg allow-list   → malformed | unsupported_version
//   2 kid in the trusted keys, inside its verification window  → unknown_key
//   3 alg of the header equals the key's alg, signature holds  → bad_signature
//   4 only now the claims are read (RFC 9052 §4.4: nothing unsigned is believed)
//                                                            → malformed
//   5 the key could sign at the code's issued-at               → unknown_key
//   6 issued-at and expires-at against now ± skew              → not_yet_valid | expired
//   7 challenge, when the verifier asks for one                 → challenge_mismatch
// Card status (revoked, superseded, suspended, status_unknown) comes after, from the status list
// offline or the database online: see apply-card-status.ts.
import { encodeBase64url } from './base64url.ts';
import { decodeCbor } from './cbor.ts';
import { sigStructure } from './cose-sign1.ts';
import { webCryptoSignatureCheck } from './check-signature.ts';
import type { SignatureCheck } from './check-signature.ts';
import { decodeDisplayCode } from './decode-display-code.ts';
import { claimsFromCbor } from './display-claims.ts';
import type { DisplayClaims } from './display-claims.ts';
import type { VerificationResult } from './results.ts';
import { couldSignAt, findTrustedKey } from './trust-list.ts';
import type { TrustedKey } from './trust-list.ts';

export interface SignedCodeContext {
  keys: readonly TrustedKey[];
  now: Date;
  skewSeconds: number;
  /** Set in challenge mode: the code must carry exactly this challenge. */
  challenge?: string;
  /** Defaults to WebCrypto. */
  checkSignature?: SignatureCheck;
}

/** Authentic and timely (status not yet known), or the result that stopped it. */
export type SignedCodeCheck =
  | { ok: true; claims: DisplayClaims; kid: string }
  | { ok: false; result: Exclude<VerificationResult, 'valid'>; claims?: DisplayClaims; kid?: string };

export async function checkSignedCode(code: unknown, ctx: SignedCodeContext): Promise<SignedCodeCheck> {
  const decoded = decodeDisplayCode(code);
  if (!decoded.ok) return { ok: false, result: decoded.result };
  const { parts } = decoded;
  const nowMs = ctx.now.getTime();
  const nowSec = Math.floor(nowMs / 1000);
  const skew = ctx.skewSeconds;

  const kid = encodeBase64url(parts.kid);
  const key = findTrustedKey(ctx.keys, kid, nowSec, skew);
  if (!key) return { ok: false, result: 'unknown_key', kid };
  // A header alg other than the key's is an algorithm-confusion attempt: refuse before any crypto.
  if (parts.alg !== key.alg) return { ok: false, result: 'bad_signature', kid };
  const check = ctx.checkSignature ?? webCryptoSignatureCheck;
  let holds = false;
  try {
    holds = await check(key, sigStructure(parts.protectedBytes, parts.payload), parts.signature);
  } catch {
    holds = false;
  }
  if (!holds) return { ok: false, result: 'bad_signature', kid };

  const claims = claimsFromCbor(decodeCbor(parts.payload));
  if (!claims) return { ok: false, result: 'malformed', kid };
  if (!couldSignAt(key, claims.issuedAt, skew)) return { ok: false, result: 'unknown_key', claims, kid };
  if (nowMs < (claims.issuedAt - skew) * 1000) return { ok: false, result: 'not_yet_valid', claims, kid };
  // RFC 8392 §3.1.4: exp is the time "on or after which the CWT MUST NOT be accepted".
  if (nowMs >= (claims.expiresAt + skew) * 1000) return { ok: false, result: 'expired', claims, kid };
  if (ctx.challenge !== undefined && claims.challenge !== ctx.challenge) {
    return { ok: false, result: 'challenge_mismatch', claims, kid };
  }
  return { ok: true, claims, kid };
}
