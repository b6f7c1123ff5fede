// One row of the old card system's export (DESIGN §2, R10), checked and put into the shape the
// register keeps. Pure: the caller streams the file, this judges one record at a time, and every
// problem is named by its column and a stable reason, so nothing is dropped without a word.
import { addMonths, isIsoDate, type IsoDate } from '../beijing-date.ts';
import { findDistrict, findStreet } from '../address/beijing-divisions.ts';
import { AppError } from '../errors.ts';
import { parseIdNumber, type Sex } from '../identity/id-number.ts';
import { normalisePersonName } from '../identity/person-name.ts';
import type { Policy } from '../policy.ts';
import type { CardKind } from '../cards/card.ts';
import { ENDORSEMENT_CYCLE_MONTHS } from '../cards/endorsement-window.ts';
import { importLegacyCard } from '../cards/issue-card.ts';

/** The export's columns (any order, extra columns ignored). */
export const LEGACY_COLUMNS = [
  'card_number',
  'kind',
  'name',
  'sex',
  'ethnicity',
  'birth_date',
  'id_number',
  'hukou_address',
  'district_code',
  'street',
  'address_detail',
  'issuing_authority',
  'issued_on',
  'valid_until',
  'last_endorsed_on',
] as const;
export type LegacyColumn = (typeof LEGACY_COLUMNS)[number];

/** Columns that may be empty: a permit has no printed expiry, a card may never have been endorsed. */
const OPTIONAL: ReadonlySet<LegacyColumn> = new Set(['valid_until', 'last_endorsed_on']);

/** Why a row (or the header) is refused: stable codes a report, a test or a script can rely on. */
export type LegacyRowReason =
  | 'missing_column'
  | 'wrong_field_count'
  | 'malformed_csv'
  | 'not_utf8'
  | 'required'
  | 'too_long'
  | 'control_characters'
  | 'card_number_format'
  | 'kind_unknown'
  | 'name_invalid'
  | 'sex_unknown'
  | 'sex_mismatch'
  | 'id_number_format'
  | 'id_number_region'
  | 'id_number_birth_date'
  | 'id_number_check_digit'
  | 'birth_date_mismatch'
  | 'date_format'
  | 'issued_before_legacy_start'
  | 'issued_after_online_rule'
  | 'issued_in_future'
  | 'valid_until_before_issue'
  | 'valid_until_required'
  | 'last_endorsed_not_permit'
  | 'last_endorsed_out_of_range'
  | 'district_unknown'
  | 'street_unknown'
  | 'no_station'
  | 'duplicate_card_number'
  | 'id_number_other_name'
  | 'card_number_taken'
  | 'imported_with_other_details'
  | 'holder_other_name';

export interface LegacyRowProblem {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  /** The column at fault; '' for the record as a whole. */
  field: LegacyColumn | '';
  reason: LegacyRowReason;
}

/** A legacy card as the register keeps it, every field checked and normalised. */
export interface LegacyCardRecord {
  cardNumber: string;
  kind: CardKind;
  name: string;
  sex: Sex;
  ethnicity: string;
  birthDate: IsoDate;
  idNumber: string;
  hukouAddress: string;
  districtCode: string;
  streetCode: string;
  addressDetail: string;
  issuingAuthority: string;
  issuedOn: IsoDate;
  validUntil: IsoDate | null;
  endorsementDueOn: IsoDate | null;
  residenceCountFrom: IsoDate;
  lastEndorsedOn: IsoDate | null;
}

const MAX_LENGTH: Partial<Record<LegacyColumn, number>> = {
  ethnicity: 20,
  hukou_address: 200,
  address_detail: 200,
  issuing_authority: 100,
};
const CARD_NUMBER = /^[0-9A-Z]{6,32}$/;
const SEX: Record<string, Sex> = { 男: 'male', 女: 'female' };
const KINDS: ReadonlySet<string> = new Set(['residence_permit', 'registration_card']);
/** What one pass over a field's characters finds. */
const PLAIN = 0;
/** A C0 or C1 control character: a field is one line of printable text. */
const CONTROL = 1;
/** A character NFC might change (a combining mark, a compatibility ideograph…). */
const MAY_DENORMALISE = 2;
type FieldScan = typeof PLAIN | typeof CONTROL | typeof MAY_DENORMALISE;

/**
 * One pass over a field: control characters, and whether NFC could change it. Characters NFC
 * always leaves as they are pass without the call: below U+0300 (codes, dates, ASCII), CJK
 * punctuation, unified ideographs and full-width forms, which is every character of nearly every
 * row (a million rows an import). Anything else is left to `normalize`.
 */
function scanField(s: string): FieldScan {
  let scan: FieldScan = PLAIN;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return CONTROL;
    if (
      c >= 0x300 &&
      !(c >= 0x4e00 && c <= 0x9fff) &&
      !(c >= 0x3000 && c <= 0x303f) &&
      !(c >= 0xff01 && c <= 0xff5e)
    )
      scan = MAY_DENORMALISE;
  }
  return scan;
}

/** A field as checked: trimmed, in NFC; or null when it holds a control character. */
function cleanField(raw: string): string | null {
  const trimmed = raw.trim();
  const scan = scanField(trimmed);
  if (scan === PLAIN) return trimmed;
  if (scan === CONTROL) return null;
  // Composing never makes a control character; the composed text is what is stored.
  return trimmed.normalize('NFC').trim();
}

/**
 * The position of each column in the header, or the columns missing from it. Names are matched
 * after trimming and lower-casing, and a byte-order mark before the first is ignored.
 */
export function mapLegacyHeader(
  header: readonly string[],
): { ok: true; index: Record<LegacyColumn, number> } | { ok: false; missing: LegacyColumn[] } {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim().toLowerCase());
  const index = {} as Record<LegacyColumn, number>;
  const missing: LegacyColumn[] = [];
  for (const column of LEGACY_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) missing.push(column);
    else index[column] = at;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, index };
}

/**
 * The next endorsement of a legacy permit with no printed expiry (it is endorsed yearly like an
 * electronic one, Art. 10). The cycle keeps the anniversary of issue while each endorsement was done
 * within its window; an endorsement outside every window was a late one, which restarts the cycle and
 * the count of continuous residence from its own date.
 */
export function legacyPermitCycle(
  issuedOn: IsoDate,
  lastEndorsedOn: IsoDate | null,
  policy: Policy,
): { endorsementDueOn: IsoDate; residenceCountFrom: IsoDate } {
  if (lastEndorsedOn === null) {
    return { endorsementDueOn: addMonths(issuedOn, ENDORSEMENT_CYCLE_MONTHS), residenceCountFrom: issuedOn };
  }
  const years = Number(lastEndorsedOn.slice(0, 4)) - Number(issuedOn.slice(0, 4));
  for (const y of [years - 1, years, years + 1]) {
    if (y < 1) continue;
    const due = addMonths(issuedOn, y * ENDORSEMENT_CYCLE_MONTHS);
    const opens = addMonths(due, -policy.endorsementOpensMonthsBefore);
    const closes = addMonths(due, policy.endorsementClosesMonthsAfter);
    if (opens <= lastEndorsedOn && lastEndorsedOn <= closes) {
      return { endorsementDueOn: addMonths(due, ENDORSEMENT_CYCLE_MONTHS), residenceCountFrom: issuedOn };
    }
  }
  return {
    endorsementDueOn: addMonths(lastEndorsedOn, ENDORSEMENT_CYCLE_MONTHS),
    residenceCountFrom: lastEndorsedOn,
  };
}

/**
 * The register's dates of a legacy card: a card or permit with its expiry printed runs to it; a
 * permit without one is endorsed yearly (Art. 10). The same at import (the check) and when the
 * card is made from the stored row (materialise-legacy-card.ts).
 */
export function legacyCardDates(
  kind: CardKind,
  issuedOn: IsoDate,
  validUntil: IsoDate | null,
  lastEndorsedOn: IsoDate | null,
  policy: Policy,
): { validUntil: IsoDate | null; endorsementDueOn: IsoDate | null; residenceCountFrom: IsoDate } {
  if (validUntil !== null) {
    const card = importLegacyCard(kind, issuedOn, validUntil, policy);
    return {
      validUntil: card.validUntil,
      endorsementDueOn: null,
      residenceCountFrom: card.residenceCountFrom,
    };
  }
  return { validUntil: null, ...legacyPermitCycle(issuedOn, lastEndorsedOn, policy) };
}

const idReasons: Record<string, LegacyRowReason> = {
  format: 'id_number_format',
  region: 'id_number_region',
  birth_date: 'id_number_birth_date',
  check_digit: 'id_number_check_digit',
};

/**
 * Checks one record (its fields in header order) and returns the card, or every problem found in
 * it (not only the first, so one pass over the file lists all there is to correct).
 */
export function checkLegacyRow(
  fields: readonly string[],
  index: Record<LegacyColumn, number>,
  line: number,
  today: IsoDate,
  policy: Policy,
): { ok: true; card: LegacyCardRecord } | { ok: false; problems: LegacyRowProblem[] } {
  const problems: LegacyRowProblem[] = [];
  const bad = (field: LegacyColumn | '', reason: LegacyRowReason) => problems.push({ line, field, reason });
  const v = {} as Record<LegacyColumn, string>;
  for (const column of LEGACY_COLUMNS) {
    const clean = cleanField(fields[index[column]] ?? '');
    v[column] = clean ?? '';
    if (clean === null) bad(column, 'control_characters');
    else if (clean === '' && !OPTIONAL.has(column)) bad(column, 'required');
    else if (clean.length > (MAX_LENGTH[column] ?? 200)) bad(column, 'too_long');
  }
  const has = (c: LegacyColumn) => v[c] !== '' && !problems.some((p) => p.field === c);

  const cardNumber = v.card_number.normalize('NFKC').toUpperCase();
  if (has('card_number') && !CARD_NUMBER.test(cardNumber)) bad('card_number', 'card_number_format');
  if (has('kind') && !KINDS.has(v.kind)) bad('kind', 'kind_unknown');
  const kind = v.kind as CardKind;

  let name = '';
  if (has('name')) {
    try {
      name = normalisePersonName(v.name);
    } catch {
      bad('name', 'name_invalid');
    }
  }
  const sex = SEX[v.sex];
  if (has('sex') && sex === undefined) bad('sex', 'sex_unknown');

  let idNumber = '';
  if (has('id_number')) {
    try {
      const id = parseIdNumber(v.id_number, today);
      idNumber = id.idNumber;
      if (sex !== undefined && id.sex !== sex) bad('sex', 'sex_mismatch');
      if (has('birth_date')) {
        if (!isIsoDate(v.birth_date)) bad('birth_date', 'date_format');
        else if (v.birth_date !== id.birthDate) bad('birth_date', 'birth_date_mismatch');
      }
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      bad('id_number', idReasons[String(e.params.reason)] ?? 'id_number_format');
    }
  } else if (has('birth_date') && !isIsoDate(v.birth_date)) bad('birth_date', 'date_format');

  let streetCode = '';
  if (has('district_code')) {
    if (!findDistrict(v.district_code)) bad('district_code', 'district_unknown');
    else if (has('street')) {
      const street = findStreet(v.district_code, v.street);
      if (street) streetCode = street.code;
      else bad('street', 'street_unknown');
    }
  }

  const date = (c: LegacyColumn): IsoDate | null => {
    if (v[c] === '') return null;
    if (!isIsoDate(v[c])) {
      bad(c, 'date_format');
      return null;
    }
    return v[c];
  };
  const issuedOn = has('issued_on') ? date('issued_on') : null;
  const validUntil = date('valid_until');
  const lastEndorsedOn = date('last_endorsed_on');
  if (issuedOn !== null) {
    if (issuedOn < policy.legacyCardsIssuedFrom) bad('issued_on', 'issued_before_legacy_start');
    else if (issuedOn >= policy.onlineRuleFrom) bad('issued_on', 'issued_after_online_rule');
    else if (issuedOn > today) bad('issued_on', 'issued_in_future');
    if (validUntil !== null && validUntil < issuedOn) bad('valid_until', 'valid_until_before_issue');
    if (lastEndorsedOn !== null && (lastEndorsedOn < issuedOn || lastEndorsedOn > today))
      bad('last_endorsed_on', 'last_endorsed_out_of_range');
  }
  if (KINDS.has(kind)) {
    if (kind === 'registration_card' && v.valid_until === '') bad('valid_until', 'valid_until_required');
    if (kind === 'registration_card' && v.last_endorsed_on !== '')
      bad('last_endorsed_on', 'last_endorsed_not_permit');
  }
  if (problems.length > 0 || issuedOn === null || sex === undefined) {
    if (problems.length === 0) bad('', 'required');
    return { ok: false, problems };
  }

  const card = legacyCardDates(kind, issuedOn, validUntil, lastEndorsedOn, policy);
  return {
    ok: true,
    card: {
      cardNumber,
      kind,
      name,
      sex,
      ethnicity: v.ethnicity,
      birthDate: v.birth_date,
      idNumber,
      hukouAddress: v.hukou_address,
      districtCode: v.district_code,
      streetCode,
      addressDetail: v.address_detail,
      issuingAuthority: v.issuing_authority,
      issuedOn,
      validUntil: card.validUntil,
      endorsementDueOn: card.endorsementDueOn,
      residenceCountFrom: card.residenceCountFrom,
      lastEndorsedOn,
    },
  };
}
