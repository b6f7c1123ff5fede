// A checked row of the export as `legacy_cards` stores it: the one mapping from the validated
// record to the stored columns, used by the import (COPY text on PostgreSQL, parameters on PGlite).
// Anything done to a value on its way into the table (encrypting the ID number and name, say, with
// a blind index to find them) belongs here, and its inverse in materialise-legacy-card.ts.
import type { LegacyCardRecord } from '../../domain/legacy/legacy-row.ts';

/** What a row says; two rows with the same card number and these the same are the same card. */
export const LEGACY_CARD_DETAILS = [
  'kind',
  'name',
  'id_number',
  'ethnicity',
  'hukou_address',
  'district_code',
  'street_code',
  'address_detail',
  'issuing_authority',
  'issued_on',
  'valid_until',
  'last_endorsed_on',
] as const;

/** The columns an import writes, in this order (`card_id` stays null until the card is made). */
export const LEGACY_CARD_COLUMNS = [
  'part',
  'import_id',
  'line',
  'card_number',
  ...LEGACY_CARD_DETAILS,
] as const;

/** Where the row goes and where it came from. */
export interface RowOrigin {
  part: number;
  importId: string;
  line: number;
}

export function legacyCardValues(c: LegacyCardRecord, o: RowOrigin): (string | null)[] {
  return [
    String(o.part),
    o.importId,
    String(o.line),
    c.cardNumber,
    c.kind,
    c.name,
    c.idNumber,
    c.ethnicity,
    c.hukouAddress,
    c.districtCode,
    c.streetCode,
    c.addressDetail,
    c.issuingAuthority,
    c.issuedOn,
    c.validUntil,
    c.lastEndorsedOn,
  ];
}

/**
 * One line of COPY text format: tab-separated, \N for null, backslash escaped. The row checks
 * refuse control characters in every field, so a tab or a line break never reaches here.
 */
export function copyTextLine(values: readonly (string | null)[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    out[i] = v === null ? '\\N' : v.includes('\\') ? v.replaceAll('\\', '\\\\') : v;
  }
  return out.join('\t') + '\n';
}
