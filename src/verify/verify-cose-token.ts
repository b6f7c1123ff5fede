// Signature check of a signed list (status list token, trust list): the same envelope rules and
// algorithm allow-list as display codes, a media type in the protected header (RFC 9596) so a
// token of one kind is never accepted as another.
import { encodeBase64url } from './base64url.ts';
import { decodeCbor } from './cbor.ts';
import { webCryptoSignatureCheck } from './check-signature.ts';
import type { SignatureCheck } from './check-signature.ts';
import { parseSign1, sigStructure } from './cose-sign1.ts';
import { findTrustedKey } from './trust-list.ts';
import type { TrustedKey } from './trust-list.ts';

export type ListProblem = 'malformed' | 'unknown_key' | 'bad_signature' | 'expired';

/** Signed lists may be large, but not unboundedly: 4 MiB covers 16 million 2-bit entries. */
export const MAX_LIST_TOKEN_BYTES = 4 * 1024 * 1024;

export interface VerifiedToken {
  claims: Map<unknown, unknown>;
  key: TrustedKey;
}

export async function verifyCoseToken(
  token: Uint8Array,
  typ: string,
  keys: readonly TrustedKey[],
  now: Date,
  skewSeconds: number,
  checkSignature: SignatureCheck = webCryptoSignatureCheck,
): Promise<{ ok: true; token: VerifiedToken } | { ok: false; problem: ListProblem }> {
  if (!(token instanceof Uint8Array) || token.length > MAX_LIST_TOKEN_BYTES) return fail('malformed');
  const parts = parseSign1(token, typ);
  if (!parts) return fail('malformed');
  const key = findTrustedKey(keys, encodeBase64url(parts.kid), Math.floor(now.getTime() / 1000), skewSeconds);
  if (!key) return fail('unknown_key');
  if (key.alg !== parts.alg) return fail('bad_signature');
  let holds = false;
  try {
    holds = await checkSignature(key, sigStructure(parts.protectedBytes, parts.payload), parts.signature);
  } catch {
    holds = false;
  }
  if (!holds) return fail('bad_signature');
  const claims = decodeCbor(parts.payload);
  if (!(claims instanceof Map)) return fail('malformed');
  return { ok: true, token: { claims, key } };
}

const fail = (problem: ListProblem) => ({ ok: false, problem }) as const;
