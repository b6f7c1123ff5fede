// The trust list: the public keys that sign display codes and status lists, each with its windows.
// A key signs from `notBefore` until `signUntil`, and is trusted for verification until
// `verifyUntil`, which outlasts `signUntil` by at least a code's lifetime and the skew: so a
// rotation never fails a code signed before it (DESIGN §3). Times are unix seconds.
import { isMap, isUint } from './cbor.ts';
import type { CborValue } from './cbor.ts';
import { coseKeyOf, publicKeyFromCose } from './cose-key.ts';
import type { PublicKeyOf } from './cose-key.ts';
import { CWT_EXP, CWT_IAT } from './display-claims.ts';

export interface TrustedKey extends PublicKeyOf {
  notBefore: number;
  /** null: still signing. */
  signUntil: number | null;
  /** null: trusted until withdrawn. */
  verifyUntil: number | null;
}

export interface TrustList {
  issuedAt: number;
  /** After this the list itself is no longer to be relied on: fetch a new one. */
  expiresAt: number;
  keys: readonly TrustedKey[];
}

export const TRUST_LIST_TYP = 'application/juzhu-trust-list+cwt';
export const CLAIM_KEYS = -65537;
const ENTRY_KEY = 1;
const ENTRY_NOT_BEFORE = 2;
const ENTRY_SIGN_UNTIL = 3;
const ENTRY_VERIFY_UNTIL = 4;

/** The key with this id whose windows allow verifying at `nowSec`; undefined if none. */
export function findTrustedKey(
  keys: readonly TrustedKey[],
  kid: string,
  nowSec: number,
  skewSeconds: number,
): TrustedKey | undefined {
  return keys.find(
    (k) =>
      k.kid === kid &&
      k.notBefore - skewSeconds <= nowSec &&
      (k.verifyUntil === null || nowSec <= k.verifyUntil + skewSeconds),
  );
}

/** Whether the key was allowed to sign at `atSec` (its issued-at claim). */
export function couldSignAt(key: TrustedKey, atSec: number, skewSeconds: number): boolean {
  return (
    key.notBefore - skewSeconds <= atSec && (key.signUntil === null || atSec <= key.signUntil + skewSeconds)
  );
}

export function trustListToCbor(list: TrustList): Map<number, CborValue> {
  const entries = list.keys.map((k) => {
    const e = new Map<number, CborValue>([
      [ENTRY_KEY, coseKeyOf(k)],
      [ENTRY_NOT_BEFORE, k.notBefore],
    ]);
    if (k.signUntil !== null) e.set(ENTRY_SIGN_UNTIL, k.signUntil);
    if (k.verifyUntil !== null) e.set(ENTRY_VERIFY_UNTIL, k.verifyUntil);
    return e;
  });
  return new Map<number, CborValue>([
    [CWT_EXP, list.expiresAt],
    [CWT_IAT, list.issuedAt],
    [CLAIM_KEYS, entries],
  ]);
}

export function trustListFromCbor(x: unknown): TrustList | undefined {
  if (!isMap(x) || x.size !== 3) return undefined;
  const exp = x.get(CWT_EXP);
  const iat = x.get(CWT_IAT);
  const entries = x.get(CLAIM_KEYS);
  if (!isUint(exp) || !isUint(iat) || !Array.isArray(entries) || entries.length > 1000) return undefined;
  const keys: TrustedKey[] = [];
  for (const e of entries as unknown[]) {
    if (!isMap(e)) return undefined;
    const key = publicKeyFromCose(e.get(ENTRY_KEY));
    const notBefore = e.get(ENTRY_NOT_BEFORE);
    const signUntil = e.get(ENTRY_SIGN_UNTIL) ?? null;
    const verifyUntil = e.get(ENTRY_VERIFY_UNTIL) ?? null;
    const known = 2 + (signUntil === null ? 0 : 1) + (verifyUntil === null ? 0 : 1);
    if (!key || !isUint(notBefore) || e.size !== known) return undefined;
    if ((signUntil !== null && !isUint(signUntil)) || (verifyUntil !== null && !isUint(verifyUntil))) {
      return undefined;
    }
    keys.push({ ...key, notBefore, signUntil, verifyUntil });
  }
  return { issuedAt: iat, expiresAt: exp, keys };
}
