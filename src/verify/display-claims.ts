// The claims of a display code and their CBOR form. CWT claims (RFC 8392 §3.1) carry the time and
// the code id; our own claims sit in one private-use claim (key -65537: the IANA CWT registry
// reserves integers below -65536 for private use) as a map with small integer keys, so each of our
// claims costs one byte of key and the QR code stays small (DESIGN §3).
import { isBytes, isMap, isUint } from './cbor.ts';
import type { CborValue } from './cbor.ts';

export type CardKind = 'registration_card' | 'residence_permit';

export interface DisplayClaims {
  /** cti: 8–16 random bytes; the server records it to say whether a code was seen before. */
  codeId: Uint8Array;
  /** Unix seconds. */
  issuedAt: number;
  expiresAt: number;
  kind: CardKind;
  cardNumber: string;
  cardVersion: number;
  /** Beijing calendar date `YYYY-MM-DD`. */
  validUntil: string;
  statusAtIssue: 'valid' | 'suspended';
  /** Six-digit administrative division code (GB/T 2260) of the district. */
  districtCode: string;
  maskedName: string;
  statusList: { list: number; index: number };
  challenge?: string;
}

export const CWT_EXP = 4;
export const CWT_IAT = 6;
export const CWT_CTI = 7;
export const CLAIM_JUZHU = -65537;

export const KEY = {
  kind: 1,
  cardNumber: 2,
  cardVersion: 3,
  validUntil: 4,
  statusAtIssue: 5,
  districtCode: 6,
  maskedName: 7,
  statusList: 8,
  challenge: 9,
} as const;

const KIND_CODE: Readonly<Record<CardKind, number>> = { registration_card: 1, residence_permit: 2 };
// Same numbers as the Token Status List: 0 VALID, 2 SUSPENDED.
const STATUS_CODE = { valid: 0, suspended: 2 } as const;

/**
 * Bounds every decoder and signer enforces. The signer also caps the whole code at QR version 10-M
 * (311 characters), which a 24-character card number, a masked name of 6 Chinese characters and a
 * 16-character challenge still fit.
 */
export const LIMITS = {
  codeIdBytes: [8, 16],
  cardNumberLength: 24,
  maskedNameLength: 12,
  challengeLength: 16,
} as const;

const DAY_MS = 86_400_000;
/** 2149-06-06: the last day whose number fits 16 bits, so the date always costs 3 bytes. */
const MAX_DAYS = 0xffff;

/** Days since 1970-01-01 of a real calendar date, else NaN (2021-02-30 is not a date). */
function daysSinceEpoch(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return NaN;
  return ms / DAY_MS;
}

export function claimsToCbor(c: DisplayClaims): Map<number, CborValue> {
  const own = new Map<number, CborValue>([
    [KEY.kind, KIND_CODE[c.kind]],
    [KEY.cardNumber, c.cardNumber],
    [KEY.cardVersion, c.cardVersion],
    // Days since 1970-01-01 (the number RFC 8943's tag 100 carries): 3 bytes instead of 11.
    [KEY.validUntil, daysSinceEpoch(c.validUntil)],
    [KEY.statusAtIssue, STATUS_CODE[c.statusAtIssue]],
    [KEY.districtCode, Number(c.districtCode)],
    [KEY.maskedName, c.maskedName],
    [KEY.statusList, [c.statusList.list, c.statusList.index]],
  ]);
  if (c.challenge !== undefined) own.set(KEY.challenge, c.challenge);
  // Deterministic order (RFC 8949 §4.2.1): 4, 6, 7, then the negative key.
  return new Map<number, CborValue>([
    [CWT_EXP, c.expiresAt],
    [CWT_IAT, c.issuedAt],
    [CWT_CTI, c.codeId],
    [CLAIM_JUZHU, own],
  ]);
}

/** The claims if every field has the right type and bounds, else undefined. */
export function claimsFromCbor(x: unknown): DisplayClaims | undefined {
  if (!isMap(x) || x.size !== 4) return undefined;
  const exp = x.get(CWT_EXP);
  const iat = x.get(CWT_IAT);
  const cti = x.get(CWT_CTI);
  const own = x.get(CLAIM_JUZHU);
  if (!isUint(exp) || !isUint(iat) || !isBytes(cti) || !isMap(own)) return undefined;
  const kind = own.get(KEY.kind);
  const cardNumber = own.get(KEY.cardNumber);
  const cardVersion = own.get(KEY.cardVersion);
  const days = own.get(KEY.validUntil);
  const status = own.get(KEY.statusAtIssue);
  const district = own.get(KEY.districtCode);
  const maskedName = own.get(KEY.maskedName);
  const ref = own.get(KEY.statusList);
  const challenge = own.get(KEY.challenge);
  const size = challenge === undefined ? 8 : 9;
  if (own.size !== size || (kind !== 1 && kind !== 2) || (status !== 0 && status !== 2)) return undefined;
  if (!isUint(cardVersion) || !isUint(days) || days > MAX_DAYS || !isUint(district)) return undefined;
  if (district < 100_000 || district > 999_999) return undefined;
  if (!Array.isArray(ref) || ref.length !== 2 || !isUint(ref[0]) || !isUint(ref[1])) return undefined;
  const claims: DisplayClaims = {
    codeId: cti,
    issuedAt: iat,
    expiresAt: exp,
    kind: kind === 1 ? 'registration_card' : 'residence_permit',
    cardNumber: cardNumber as string,
    cardVersion,
    validUntil: new Date(days * DAY_MS).toISOString().slice(0, 10),
    statusAtIssue: status === 0 ? 'valid' : 'suspended',
    districtCode: String(district),
    maskedName: maskedName as string,
    statusList: { list: ref[0], index: ref[1] },
    ...(challenge === undefined ? {} : { challenge: challenge as string }),
  };
  // The date and district are valid by construction; the rest gets the signer's own bounds.
  const [minId, maxId] = LIMITS.codeIdBytes;
  const bounded =
    cti.length >= minId &&
    cti.length <= maxId &&
    exp > iat &&
    cardVersion <= 0xffff_ffff &&
    ref[0] <= 0xffff_ffff &&
    ref[1] <= 0xffff_ffff &&
    isText(cardNumber, LIMITS.cardNumberLength) &&
    isText(maskedName, LIMITS.maskedNameLength) &&
    (challenge === undefined || isText(challenge, LIMITS.challengeLength));
  return bounded ? claims : undefined;
}

/** Why the claims cannot go into a code, or undefined when they can. */
export function claimsProblem(c: DisplayClaims): string | undefined {
  const [minId, maxId] = LIMITS.codeIdBytes;
  if (!isBytes(c.codeId) || c.codeId.length < minId || c.codeId.length > maxId) return 'codeId: 8–16 bytes';
  if (!isUint(c.issuedAt) || !isUint(c.expiresAt) || c.expiresAt <= c.issuedAt) {
    return 'issuedAt/expiresAt: unix seconds, expiresAt after issuedAt';
  }
  if (c.kind !== 'registration_card' && c.kind !== 'residence_permit') return 'kind';
  if (!isText(c.cardNumber, LIMITS.cardNumberLength)) return 'cardNumber: 1–24 printable characters';
  if (!isUint(c.cardVersion) || c.cardVersion > 0xffff_ffff) return 'cardVersion: whole number';
  const days = typeof c.validUntil === 'string' ? daysSinceEpoch(c.validUntil) : NaN;
  if (!(days >= 0 && days <= MAX_DAYS)) return 'validUntil: a real date YYYY-MM-DD from 1970 to 2149';
  if (c.statusAtIssue !== 'valid' && c.statusAtIssue !== 'suspended') return 'statusAtIssue';
  if (!/^[1-9]\d{5}$/.test(c.districtCode)) return 'districtCode: six digits';
  if (!isText(c.maskedName, LIMITS.maskedNameLength)) return 'maskedName: 1–12 printable characters';
  const ref: Partial<DisplayClaims['statusList']> = c.statusList ?? {};
  if (!isUint(ref.list) || !isUint(ref.index) || ref.list > 0xffff_ffff || ref.index > 0xffff_ffff) {
    return 'statusList: list and index, whole numbers';
  }
  if (c.challenge !== undefined && !isText(c.challenge, LIMITS.challengeLength)) {
    return 'challenge: 1–16 printable characters';
  }
  return undefined;
}

// Printable: no control characters (C0, DEL, C1), which a verifier page must never have to render.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function isText(s: unknown, max: number): s is string {
  return typeof s === 'string' && s.length >= 1 && s.length <= max && !CONTROL.test(s);
}
