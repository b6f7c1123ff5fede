// Blind indexes: how a sealed column is still found by equality. HMAC-SHA-256 under the index key
// (never the data key) of the purpose and the value, truncated to 16 bytes (128 bits: no two of a
// city's people collide, and a truncated HMAC keeps its strength as a PRF). The purpose is hashed
// in, so the same string as a phone and as a name gives unrelated indexes: equal values can be
// matched only within one purpose. Without the key, an index tells nothing, and cannot be found
// by hashing every possible ID number or phone (the reason for a key: these spaces are small).
//
// Equality only: an index cannot answer a prefix, a range or a sort, and equal values in one
// purpose have equal indexes (which is the point; a dump shows how many rows share a value).
import { createHmac, hash } from 'node:crypto';

export type IndexPurpose = 'id_number' | 'phone' | 'name';

const INDEX_BYTES = 16;
/** SHA-256's block (RFC 2104: B), and the room kept after it for a value. */
const BLOCK = 64;
const ROOM = 256;

/** `value` must already be in its canonical form (the domain's: upper-case X, a normalised name). */
export function blindIndex(indexKey: Uint8Array, purpose: IndexPurpose, value: string): Uint8Array {
  return createHmac('sha256', indexKey)
    .update(`${purpose}\u0000${value.normalize('NFC')}`, 'utf8')
    .digest()
    .subarray(0, INDEX_BYTES);
}

/** One key's blind indexes, as bytes (bytea columns) or as hex (text columns, COPY text). */
export interface BlindIndexer {
  bytes(purpose: IndexPurpose, value: string): Uint8Array;
  hex(purpose: IndexPurpose, value: string): string;
}

/**
 * `blindIndex` under one key, for many values: the same HMAC (RFC 2104) with the key's inner and
 * outer blocks prepared once and two one-shot hashes a value. A legacy import indexes each row's
 * ID number; `createHmac` spends most of its ~15 µs setting up the key, this takes ~2 µs (~1.7 µs
 * as hex, which skips a buffer; bench/legacy-rows-cpu.ts).
 */
export function blindIndexer(indexKey: Uint8Array): BlindIndexer {
  // RFC 2104 §2: a key longer than the block is hashed first; ours are 32 bytes.
  if (indexKey.length > BLOCK) {
    const bytes = (purpose: IndexPurpose, value: string) => blindIndex(indexKey, purpose, value);
    return { bytes, hex: (purpose, value) => Buffer.from(bytes(purpose, value)).toString('hex') };
  }
  const inner = Buffer.alloc(BLOCK + ROOM, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < indexKey.length; i++) {
    inner[i] = 0x36 ^ indexKey[i]!;
    outer[i] = 0x5c ^ indexKey[i]!;
  }
  /** Fills `outer` with the key's outer block and the inner hash; false: too long for the room. */
  const prepare = (purpose: IndexPurpose, value: string): boolean => {
    const message = `${purpose}\u0000${value.normalize('NFC')}`;
    // Longer than the room (never a name or a number): the general path.
    if (Buffer.byteLength(message, 'utf8') > ROOM) return false;
    const n = inner.write(message, BLOCK, 'utf8');
    hash('sha256', inner.subarray(0, BLOCK + n), 'buffer').copy(outer, BLOCK);
    return true;
  };
  return {
    bytes: (purpose, value) =>
      prepare(purpose, value)
        ? hash('sha256', outer, 'buffer').subarray(0, INDEX_BYTES)
        : blindIndex(indexKey, purpose, value),
    hex: (purpose, value) =>
      prepare(purpose, value)
        ? hash('sha256', outer, 'hex').slice(0, 2 * INDEX_BYTES)
        : Buffer.from(blindIndex(indexKey, purpose, value)).toString('hex'),
  };
}
