// Verifying the trust list against the anchors the verifier was configured with (shipped with the
// verifier page or app, never fetched alongside the list they vouch for).
import type { SignatureCheck } from './check-signature.ts';
import type { PublicKeyOf } from './cose-key.ts';
import { trustListFromCbor, TRUST_LIST_TYP } from './trust-list.ts';
import type { TrustList } from './trust-list.ts';
import { verifyCoseToken } from './verify-cose-token.ts';
import type { ListProblem } from './verify-cose-token.ts';

export type TrustAnchor = PublicKeyOf;

export type TrustListCheck = { ok: true; trustList: TrustList } | { ok: false; problem: ListProblem };

export async function verifyTrustList(
  token: Uint8Array,
  anchors: readonly TrustAnchor[],
  {
    now,
    skewSeconds = 0,
    checkSignature,
  }: { now: Date; skewSeconds?: number; checkSignature?: SignatureCheck },
): Promise<TrustListCheck> {
  const keys = anchors.map((a) => ({ ...a, notBefore: 0, signUntil: null, verifyUntil: null }));
  const verified = await verifyCoseToken(token, TRUST_LIST_TYP, keys, now, skewSeconds, checkSignature);
  if (!verified.ok) return verified;
  const trustList = trustListFromCbor(verified.token.claims);
  if (!trustList) return { ok: false, problem: 'malformed' };
  if (now.getTime() >= (trustList.expiresAt + skewSeconds) * 1000) return { ok: false, problem: 'expired' };
  return { ok: true, trustList };
}
