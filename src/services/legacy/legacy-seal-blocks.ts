// The personal data of legacy cards, sealed a block of rows at a time (`legacy_card_seals`).
//
// Why blocks: an import seals a million rows, and node:crypto sets up a cipher for every call
// (~15 µs, more than the rest of the import's work a row). One AES-256-GCM seal (field-cipher.ts,
// the data key) for up to BLOCK_ROWS rows costs one set-up; opening one card opens ~10 KB.
//
// What binds what: the block is sealed with (import, block number) as associated data, so a
// block copied to another place does not open; each entry names its card number, and opening a
// row checks it, so a row pointed at another slot (an edited `seal_slot`) is refused, not shown
// with another person's data.
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

/** Rows a block holds at most. */
export const BLOCK_ROWS = 64;

/** What a legacy row keeps sealed. */
export interface LegacySealedFields {
  name: string;
  idNumber: string;
  hukouAddress: string;
  addressDetail: string;
}

/** An entry as the block stores it: the card number first, then the fields. */
type Entry = [
  cardNumber: string,
  name: string,
  idNumber: string,
  hukouAddress: string,
  addressDetail: string,
];

export class LegacySealError extends Error {
  override name = 'LegacySealError';
}

const sealedColumn = (importId: string, block: number) =>
  `legacy_card_seals.sealed:${importId}:${block}` as const;

export function sealLegacyBlock(
  cipher: PersonalCipher,
  importId: string,
  block: number,
  rows: readonly (LegacySealedFields & { cardNumber: string })[],
): Uint8Array {
  const entries: Entry[] = rows.map((r) => [
    r.cardNumber,
    r.name,
    r.idNumber,
    r.hukouAddress,
    r.addressDetail,
  ]);
  return cipher.sealBytes(sealedColumn(importId, block), Buffer.from(JSON.stringify(entries), 'utf8'));
}

/** Every entry of a block, by slot. Throws when the block does not open (another place, altered). */
export function openLegacyBlock(
  cipher: PersonalCipher,
  importId: string,
  block: number,
  sealed: Uint8Array,
): (LegacySealedFields & { cardNumber: string })[] {
  const entries = JSON.parse(
    cipher.openBytes(sealedColumn(importId, block), sealed).toString('utf8'),
  ) as Entry[];
  return entries.map(([cardNumber, name, idNumber, hukouAddress, addressDetail]) => ({
    cardNumber,
    name,
    idNumber,
    hukouAddress,
    addressDetail,
  }));
}

/** The fields of one row, checked to be its card's. */
export function legacyRowFields(
  block: readonly (LegacySealedFields & { cardNumber: string })[],
  slot: number,
  cardNumber: string,
): LegacySealedFields {
  const entry = block[slot];
  if (entry === undefined || entry.cardNumber !== cardNumber)
    throw new LegacySealError(`legacy card ${cardNumber}: its sealed entry is not in its place`);
  return entry;
}

/**
 * Gathers an import's rows into blocks as they come: `add` gives each row its place, and a full
 * block comes back sealed, ready to store; `end` seals the last, partly filled one.
 */
export class LegacyBlockSealer {
  private block = 0;
  private rows: (LegacySealedFields & { cardNumber: string })[] = [];
  private readonly cipher: PersonalCipher;
  private readonly importId: string;

  constructor(cipher: PersonalCipher, importId: string, firstBlock = 0) {
    this.cipher = cipher;
    this.importId = importId;
    this.block = firstBlock;
  }

  /** The row's place, and the block it completed, if any. */
  add(row: LegacySealedFields & { cardNumber: string }): {
    block: number;
    slot: number;
    sealed?: { block: number; sealed: Uint8Array };
  } {
    const block = this.block;
    const slot = this.rows.length;
    this.rows.push(row);
    return this.rows.length === BLOCK_ROWS ? { block, slot, sealed: this.seal() } : { block, slot };
  }

  /** The last block, if it holds any row. */
  end(): { block: number; sealed: Uint8Array } | undefined {
    return this.rows.length > 0 ? this.seal() : undefined;
  }

  private seal(): { block: number; sealed: Uint8Array } {
    const done = {
      block: this.block,
      sealed: sealLegacyBlock(this.cipher, this.importId, this.block, this.rows),
    };
    this.block++;
    this.rows = [];
    return done;
  }
}
