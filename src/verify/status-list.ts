// IETF Token Status List (draft-ietf-oauth-status-list), CWT form (§5.2): what the verifier caches.
// 2 bits per card: 0 VALID, 1 INVALID (revoked), 2 SUSPENDED, 3 application-specific: superseded.
import type { CardStatus } from './results.ts';

export const STATUS_LIST_TYP = 'application/statuslist+cwt';
export const CWT_SUB = 2;
export const CWT_STATUS_LIST = 65533;
export const CWT_TTL = 65534;

export const STATUS_VALUE = { valid: 0, revoked: 1, suspended: 2, superseded: 3 } as const;
export type StatusValue = (typeof STATUS_VALUE)[keyof typeof STATUS_VALUE];

/** A verified status list token, decompressed, as a verifier keeps it. Times are unix seconds. */
export interface StatusListSnapshot {
  /** The list number a display code refers to: the last path segment of `uri`. */
  list: number;
  uri: string;
  bits: 1 | 2 | 4 | 8;
  statuses: Uint8Array;
  issuedAt: number;
  expiresAt: number | null;
  /** Seconds the copy may be cached (§5.2 ttl, RFC-to-be key 65534). */
  ttl: number;
  kid: string;
}

/** Status of entry `index`: bits counted from the least significant bit of each byte (§4.1). */
export function statusAt(statuses: Uint8Array, bits: number, index: number): number | undefined {
  const perByte = 8 / bits;
  const byte = statuses[Math.floor(index / perByte)];
  if (byte === undefined || !Number.isInteger(index) || index < 0) return undefined;
  const shift = (index % perByte) * bits;
  return (byte >> shift) & ((1 << bits) - 1);
}

/** A cached list past its exp or its ttl tells nothing about now: the status is unknown. */
export function isStale(snapshot: StatusListSnapshot, now: Date, skewSeconds: number): boolean {
  const nowSec = now.getTime() / 1000;
  if (snapshot.expiresAt !== null && nowSec >= snapshot.expiresAt + skewSeconds) return true;
  return nowSec > snapshot.issuedAt + snapshot.ttl + skewSeconds;
}

export function cardStatusFromList(
  snapshot: StatusListSnapshot | undefined,
  ref: { list: number; index: number },
  now: Date,
  skewSeconds: number,
): CardStatus {
  if (!snapshot || snapshot.list !== ref.list || isStale(snapshot, now, skewSeconds)) return 'unknown';
  switch (statusAt(snapshot.statuses, snapshot.bits, ref.index)) {
    case STATUS_VALUE.valid:
      return 'valid';
    case STATUS_VALUE.revoked:
      return 'revoked';
    case STATUS_VALUE.suspended:
      return 'suspended';
    case STATUS_VALUE.superseded:
      return 'superseded';
    default:
      return 'unknown';
  }
}

/** `…/status-lists/7` → 7. The list number is bound into the signed `sub`, so lists cannot be swapped. */
export function listNumberOfUri(uri: string): number | undefined {
  const m = /\/([0-9]{1,9})$/.exec(uri);
  return m ? Number(m[1]) : undefined;
}
