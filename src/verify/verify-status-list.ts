// Verifying a status list token (draft-ietf-oauth-status-list §5.2, §8.3) into a snapshot the
// offline verifier caches. Signed by a display-code key from the (already verified) trust list.
import { isBytes, isMap, isUint } from './cbor.ts';
import type { SignatureCheck } from './check-signature.ts';
import { CWT_EXP, CWT_IAT } from './display-claims.ts';
import { inflateZlib } from './inflate.ts';
import { CWT_STATUS_LIST, CWT_SUB, CWT_TTL, STATUS_LIST_TYP, listNumberOfUri } from './status-list.ts';
import type { StatusListSnapshot } from './status-list.ts';
import { couldSignAt } from './trust-list.ts';
import type { TrustList } from './trust-list.ts';
import { verifyCoseToken } from './verify-cose-token.ts';
import type { ListProblem } from './verify-cose-token.ts';

export type StatusListCheck =
  { ok: true; snapshot: StatusListSnapshot } | { ok: false; problem: ListProblem };

export interface ListOptions {
  now: Date;
  skewSeconds?: number;
  checkSignature?: SignatureCheck;
}

const MAX_STATUS_BYTES = 4 * 1024 * 1024;

export async function verifyStatusList(
  token: Uint8Array,
  trustList: TrustList,
  { now, skewSeconds = 0, checkSignature }: ListOptions,
): Promise<StatusListCheck> {
  const verified = await verifyCoseToken(
    token,
    STATUS_LIST_TYP,
    trustList.keys,
    now,
    skewSeconds,
    checkSignature,
  );
  if (!verified.ok) return verified;
  const { claims, key } = verified.token;
  const sub = claims.get(CWT_SUB);
  const iat = claims.get(CWT_IAT);
  const exp = claims.get(CWT_EXP) ?? null;
  const ttl = claims.get(CWT_TTL);
  const body = claims.get(CWT_STATUS_LIST);
  if (typeof sub !== 'string' || sub.length > 2048 || !isUint(iat) || !isUint(ttl) || ttl === 0) {
    return malformed;
  }
  if ((exp !== null && !isUint(exp)) || claims.size !== (exp === null ? 4 : 5) || !isMap(body))
    return malformed;
  const list = listNumberOfUri(sub);
  const bits = body.get('bits');
  const lst = body.get('lst');
  if (list === undefined || (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) || !isBytes(lst)) {
    return malformed;
  }
  if (!couldSignAt(key, iat, skewSeconds)) return { ok: false, problem: 'unknown_key' };
  if (exp !== null && now.getTime() >= (exp + skewSeconds) * 1000) return { ok: false, problem: 'expired' };
  const statuses = await inflateZlib(lst, MAX_STATUS_BYTES);
  if (!statuses) return malformed;
  return {
    ok: true,
    snapshot: { list, uri: sub, bits, statuses, issuedAt: iat, expiresAt: exp, ttl, kid: key.kid },
  };
}

const malformed = { ok: false, problem: 'malformed' } as const;
