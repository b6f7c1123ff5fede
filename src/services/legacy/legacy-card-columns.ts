// A checked row of the export as `legacy_cards` stores it: the one mapping from the validated
// record to the stored columns, used by the import (COPY text on PostgreSQL, parameters on PGlite).
// Anything done to a value on its way into the table belongs here, and its inverse in
// materialise-legacy-card.ts: the ID number's and the name's blind indexes (HMAC, src/crypto) are
// computed here, per row, so that the register checks join `residents` on them; the name, the ID
// number and the addresses go sealed into blocks of rows (legacy-seal-blocks.ts), and the row
// keeps its place in them.
import type { LegacyCardRecord } from '../../domain/legacy/legacy-row.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';
import { LegacyBlockSealer } from './legacy-seal-blocks.ts';

/**
 * What a row says in clear; two rows with the same card number and these the same (and the same
 * sealed addresses, compared once opened: register-checks.ts) are the same card.
 */
export const LEGACY_CARD_DETAILS = [
  'kind',
  'id_number_index',
  'name_index',
  'ethnicity',
  'district_code',
  'street_code',
  'issuing_authority',
  'issued_on',
  'valid_until',
  'last_endorsed_on',
] as const;

/** The columns a row of an import carries, in this order (`card_id` stays null until the card is made). */
export const LEGACY_CARD_ROW_COLUMNS = [
  'line',
  'card_number',
  ...LEGACY_CARD_DETAILS,
  'seal_block',
  'seal_slot',
] as const;

/**
 * Every column an import fills: the row's, and the two the whole import shares (`part`,
 * `import_id`), which its own table takes as defaults rather than once a row in the COPY text.
 */
export const LEGACY_CARD_COLUMNS = ['part', 'import_id', ...LEGACY_CARD_ROW_COLUMNS] as const;

/**
 * Bytes for a bytea column, as hex: what COPY text takes (`\x…`), computed as such (a blind
 * index straight from the hash as hex, no buffer in between); a parameter gets the bytes.
 */
export interface ByteaHex {
  readonly hex: string;
}

/** A stored value: text, bytes, or null. */
export type LegacyValue = string | ByteaHex | null;

/** A value as a query parameter (PGlite's multi-row INSERTs): bytea as bytes. */
export const asParameter = (v: LegacyValue): string | Uint8Array | null =>
  v === null || typeof v === 'string' ? v : Buffer.from(v.hex, 'hex');

/** A block of sealed rows, complete, to store in `legacy_card_seals`. */
export interface SealedBlock {
  block: number;
  sealed: Uint8Array;
}

/** Names whose index an import keeps at hand; past this the memo starts again. */
const NAME_MEMO = 20_000;

export interface LegacyCardEncoder {
  /** The row's stored values, and the block of sealed rows it completed, if any. */
  row(c: LegacyCardRecord, line: number): { values: LegacyValue[]; sealed?: SealedBlock };
  /** The last block, partly filled, if any. */
  end(): SealedBlock | undefined;
}

/**
 * The stored values of the rows of one import. Names repeat across a city's export far more than
 * ID numbers (which are unique), so each name's index is computed once per import and kept.
 */
export function legacyCardEncoder(cipher: PersonalCipher, importId: string): LegacyCardEncoder {
  const names = new Map<string, ByteaHex>();
  const nameIndex = (name: string): ByteaHex => {
    let index = names.get(name);
    if (index === undefined) {
      if (names.size >= NAME_MEMO) names.clear();
      index = { hex: cipher.indexHex('name', name) };
      names.set(name, index);
    }
    return index;
  };
  const sealer = new LegacyBlockSealer(cipher, importId);
  return {
    row(c, line) {
      const place = sealer.add(c);
      const values: LegacyValue[] = [
        String(line),
        c.cardNumber,
        c.kind,
        { hex: cipher.indexHex('id_number', c.idNumber) },
        nameIndex(c.name),
        c.ethnicity,
        c.districtCode,
        c.streetCode,
        c.issuingAuthority,
        c.issuedOn,
        c.validUntil,
        c.lastEndorsedOn,
        String(place.block),
        String(place.slot),
      ];
      return place.sealed ? { values, sealed: place.sealed } : { values };
    },
    end: () => sealer.end(),
  };
}

/**
 * One line of COPY text format: tab-separated, \N for null, backslash escaped. The row checks
 * refuse control characters in every field, so a tab or a line break never reaches here. Bytes
 * go in bytea's hex form, `\x…`, its backslash escaped.
 */
export function copyTextLine(values: readonly LegacyValue[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    out[i] =
      v === null
        ? '\\N'
        : typeof v !== 'string'
          ? '\\\\x' + v.hex
          : v.includes('\\')
            ? v.replaceAll('\\', '\\\\')
            : v;
  }
  return out.join('\t') + '\n';
}
