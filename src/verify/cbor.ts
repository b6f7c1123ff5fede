// One configuration of cbor-x for every CBOR we write or read. Plain maps (not cbor-x's tag-259
// Maps or records) and plain byte strings (not tag-64 typed arrays), which other COSE
// implementations expect; integer map keys come back as numbers in a Map.
import { Decoder, Encoder } from 'cbor-x';

const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

export type CborValue = number | string | Uint8Array | CborValue[] | Map<number | string, CborValue>;

/**
 * A copy as a plain Uint8Array: cbor-x hands out views into its shared scratch buffer (a Node
 * Buffer, whose slice() does not copy), which callers must never hold on to.
 */
export function encodeCbor(value: CborValue): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(value));
}

/**
 * Decodes exactly one CBOR item (trailing bytes are an error) or gives undefined. The caller checks
 * the shape: nothing decoded here is trusted until a signature over it holds.
 */
export function decodeCbor(bytes: Uint8Array): unknown {
  try {
    return decoder.decode(bytes) as unknown;
  } catch {
    return undefined;
  }
}

export const isMap = (x: unknown): x is Map<unknown, unknown> => x instanceof Map;
export const isBytes = (x: unknown): x is Uint8Array => x instanceof Uint8Array;
export const isUint = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
