// The claims of a confirmation form's QR (R9, DESIGN §2): every field printed on the form, so the
// proof covers each of them and an offline verifier reads them from the QR itself
// (docs/confirmation-form.md). Same layout as display codes: CWT iat (RFC 8392 §3.1.6) and one
// private-use claim (-65537) holding a map with small integer keys, deterministic order
// (RFC 8949 §4.2.1).
import { isMap, isUint } from './cbor.ts';
import type { CborValue } from './cbor.ts';
import { CLAIM_JUZHU, CWT_IAT } from './display-claims.ts';
import type { CardKind } from './display-claims.ts';

/** Version prefix, distinct from display codes' `JZ1:`, in QR alphanumeric mode. */
export const FORM_CODE_PREFIX = 'JZF1:';
/** COSE typ (RFC 9596) so a form's proof is never taken for another token and vice versa. */
export const FORM_TYP = 'application/juzhu-confirmation-form+cwt';
/** A form with the longest fields stays far below this (docs/confirmation-form.md). */
export const MAX_FORM_CODE_LENGTH = 3000;

export const formEvidence = ['id_card', 'household_register', 'origin_certificate', 'display_code'] as const;
export type FormEvidence = (typeof formEvidence)[number];
export const formCardStatuses = ['valid', 'suspended', 'expired', 'revoked', 'superseded'] as const;
export type FormCardStatus = (typeof formCardStatuses)[number];

export interface FormClaims {
  /** Unix seconds: when the form was issued. */
  issuedAt: number;
  serial: string;
  stationId: string;
  stationName: string;
  evidence: FormEvidence;
  holder: {
    name: string;
    sex: 'male' | 'female';
    birthDate: string;
    idNumber: string;
    /** Not held by the platform yet: printed as not recorded, signed as absent. */
    ethnicity: string | null;
    hukouAddress: string | null;
    residenceAddress: string;
  };
  card: {
    kind: CardKind;
    number: string;
    version: number;
    /** The status on the day of issue, as printed. */
    status: FormCardStatus;
    issuedOn: string;
    validUntil: string;
    issuingAuthority: string;
  };
}

const K = {
  serial: 1,
  stationId: 2,
  stationName: 3,
  evidence: 4,
  name: 5,
  sex: 6,
  birthDate: 7,
  idNumber: 8,
  ethnicity: 9,
  hukouAddress: 10,
  residenceAddress: 11,
  kind: 12,
  number: 13,
  version: 14,
  status: 15,
  issuedOn: 16,
  validUntil: 17,
  issuingAuthority: 18,
} as const;

const KINDS: readonly CardKind[] = ['registration_card', 'residence_permit'];
const SEXES = ['male', 'female'] as const;
const DAY_MS = 86_400_000;

function days(date: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new TypeError(date);
  return ms / DAY_MS;
}
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function formClaimsToCbor(c: FormClaims): Map<number, CborValue> {
  const own = new Map<number, CborValue>([
    [K.serial, c.serial],
    [K.stationId, c.stationId],
    [K.stationName, c.stationName],
    [K.evidence, formEvidence.indexOf(c.evidence)],
    [K.name, c.holder.name],
    [K.sex, SEXES.indexOf(c.holder.sex)],
    [K.birthDate, days(c.holder.birthDate)],
    [K.idNumber, c.holder.idNumber],
  ]);
  if (c.holder.ethnicity !== null) own.set(K.ethnicity, c.holder.ethnicity);
  if (c.holder.hukouAddress !== null) own.set(K.hukouAddress, c.holder.hukouAddress);
  own.set(K.residenceAddress, c.holder.residenceAddress);
  own.set(K.kind, KINDS.indexOf(c.card.kind));
  own.set(K.number, c.card.number);
  own.set(K.version, c.card.version);
  own.set(K.status, formCardStatuses.indexOf(c.card.status));
  own.set(K.issuedOn, days(c.card.issuedOn));
  own.set(K.validUntil, days(c.card.validUntil));
  own.set(K.issuingAuthority, c.card.issuingAuthority);
  return new Map<number, CborValue>([
    [CWT_IAT, c.issuedAt],
    [CLAIM_JUZHU, own],
  ]);
}

const text = (x: unknown, max: number): x is string =>
  typeof x === 'string' && x.length >= 1 && x.length <= max && !/[\u0000-\u001f\u007f-\u009f]/.test(x);
const index = (x: unknown, n: number): x is number => isUint(x) && x < n;
/** Days since 1970-01-01 of a date from 1900 on: negative for anyone born before 1970. */
const EARLIEST_DAY = -25_567; // 1900-01-01
const isDay = (x: unknown): x is number =>
  typeof x === 'number' && Number.isSafeInteger(x) && x >= EARLIEST_DAY;

/** The claims if every field has its type and bounds, else undefined (read only after the signature). */
export function formClaimsFromCbor(x: unknown): FormClaims | undefined {
  if (!isMap(x) || x.size !== 2) return undefined;
  const iat = x.get(CWT_IAT);
  const own = x.get(CLAIM_JUZHU);
  if (!isUint(iat) || !isMap(own)) return undefined;
  const g = (k: number) => own.get(k);
  const ethnicity = g(K.ethnicity) ?? null;
  const hukou = g(K.hukouAddress) ?? null;
  const expected = 16 + (ethnicity === null ? 0 : 1) + (hukou === null ? 0 : 1);
  if (own.size !== expected) return undefined;
  const ok =
    text(g(K.serial), 32) &&
    text(g(K.stationId), 64) &&
    text(g(K.stationName), 64) &&
    index(g(K.evidence), formEvidence.length) &&
    text(g(K.name), 64) &&
    index(g(K.sex), 2) &&
    // A birth date before 1970 is a negative number of days (the elderly hold forms too).
    isDay(g(K.birthDate)) &&
    text(g(K.idNumber), 18) &&
    (ethnicity === null || text(ethnicity, 16)) &&
    (hukou === null || text(hukou, 128)) &&
    text(g(K.residenceAddress), 128) &&
    index(g(K.kind), 2) &&
    text(g(K.number), 24) &&
    isUint(g(K.version)) &&
    index(g(K.status), formCardStatuses.length) &&
    isUint(g(K.issuedOn)) &&
    isUint(g(K.validUntil)) &&
    text(g(K.issuingAuthority), 64);
  if (!ok) return undefined;
  const s = (k: number) => g(k) as string;
  const n = (k: number) => g(k) as number;
  return {
    issuedAt: iat,
    serial: s(K.serial),
    stationId: s(K.stationId),
    stationName: s(K.stationName),
    evidence: formEvidence[n(K.evidence)]!,
    holder: {
      name: s(K.name),
      sex: SEXES[n(K.sex)]!,
      birthDate: dateOf(n(K.birthDate)),
      idNumber: s(K.idNumber),
      ethnicity: ethnicity,
      hukouAddress: hukou,
      residenceAddress: s(K.residenceAddress),
    },
    card: {
      kind: KINDS[n(K.kind)]!,
      number: s(K.number),
      version: n(K.version),
      status: formCardStatuses[n(K.status)]!,
      issuedOn: dateOf(n(K.issuedOn)),
      validUntil: dateOf(n(K.validUntil)),
      issuingAuthority: s(K.issuingAuthority),
    },
  };
}
