// COSE_Sign1 (RFC 9052 §4.2) for display codes, status list tokens and trust lists.
// COSE_Sign1 = [protected: bstr .cbor header_map, unprotected: {}, payload: bstr, signature: bstr]
// Lists (status list tokens, trust lists) are written as COSE_Sign1_Tagged (CBOR tag 18): the status
// list draft requires it since -15, and generic COSE libraries read a tagged message without being
// told its type. Display codes stay untagged: their text prefix already says what they are, and
// every byte in a QR code costs density (docs/display-code.md). Both forms are read.
import { decodeCbor, encodeCbor, isBytes, isMap } from './cbor.ts';

export type SigningAlg = 'ES256' | 'EdDSA';

/** The algorithm allow-list (RFC 9053 §2.1 ES256 = -7, §2.2 EdDSA = -8); anything else is refused. */
export const COSE_ALG: Readonly<Record<SigningAlg, number>> = { ES256: -7, EdDSA: -8 };

export const HEADER_ALG = 1; // RFC 9052 §3.1
export const HEADER_KID = 4;
export const HEADER_TYP = 16; // RFC 9596: media type of the whole COSE object
/** CBOR tag 18 (COSE_Sign1_Tagged, RFC 9052 §2) in its one-byte head, the only encoding we write or read. */
export const TAG_SIGN1 = 0xd2;

export interface Sign1Parts {
  /** The protected header exactly as received: the signature covers these bytes, not a re-encoding. */
  protectedBytes: Uint8Array;
  alg: SigningAlg;
  kid: Uint8Array;
  typ?: string;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Sig_structure for COSE_Sign1 (RFC 9052 §4.4), with empty external_aad, written byte by byte. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  // ["Signature1", protected, external_aad = h'', payload]
  return concat([
    SIG_STRUCTURE_HEAD,
    bstrHeader(protectedBytes.length),
    protectedBytes,
    [0x40],
    bstrHeader(payload.length),
    payload,
  ]);
}

const SIG_STRUCTURE_HEAD = [0x84, 0x6a, ...Array.from('Signature1', (c) => c.charCodeAt(0))];

function concat(chunks: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function bstrHeader(length: number): number[] {
  if (length < 24) return [0x40 | length];
  if (length < 0x100) return [0x58, length];
  if (length < 0x10000) return [0x59, length >> 8, length & 0xff];
  return [0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

export function encodeProtectedHeader(alg: SigningAlg, kid: Uint8Array, typ?: string): Uint8Array {
  const header = new Map<number, number | string | Uint8Array>([
    [HEADER_ALG, COSE_ALG[alg]],
    [HEADER_KID, kid],
  ]);
  if (typ !== undefined) header.set(HEADER_TYP, typ);
  return encodeCbor(header);
}

/** [protected, {}, payload, signature], written directly: the same bytes cbor-x gives, without the detour. */
export function encodeSign1(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
  signature: Uint8Array,
  tagged = false,
): Uint8Array {
  return concat([
    tagged ? [TAG_SIGN1, 0x84] : [0x84],
    bstrHeader(protectedBytes.length),
    protectedBytes,
    [0xa0],
    bstrHeader(payload.length),
    payload,
    bstrHeader(signature.length),
    signature,
  ]);
}

/**
 * Parses the envelope and the protected header, or gives undefined. Tagged (18) or untagged. Strict:
 * exactly four items, an allowed alg, a kid of 1–32 bytes, no header parameter we do not know (so no
 * `crit` we would silently ignore). The unprotected header is empty or holds only the kid, which
 * RFC 9052 §3.1 allows there: unsigned, it can only pick the key, and a wrong pick fails the signature.
 */
export function parseSign1(bytes: Uint8Array, expectedTyp?: string): Sign1Parts | undefined {
  const envelope = decodeCbor(bytes[0] === TAG_SIGN1 ? bytes.subarray(1) : bytes);
  if (!Array.isArray(envelope) || envelope.length !== 4) return undefined;
  const [protectedBytes, unprotected, payload, signature] = envelope as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) return undefined;
  if (!isMap(unprotected)) return undefined;
  const header = decodeCbor(protectedBytes);
  if (!isMap(header)) return undefined;
  const unprotectedKid = unprotected.size === 1 ? unprotected.get(HEADER_KID) : undefined;
  if (unprotected.size !== 0 && (unprotectedKid === undefined || header.has(HEADER_KID))) return undefined;
  const alg = algFromCose(header.get(HEADER_ALG));
  const kid = unprotectedKid ?? header.get(HEADER_KID);
  const typ = header.get(HEADER_TYP);
  if (alg === undefined || !isBytes(kid) || kid.length < 1 || kid.length > 32) return undefined;
  const known = 1 + (unprotectedKid === undefined ? 1 : 0) + (expectedTyp === undefined ? 0 : 1);
  if (header.size !== known) return undefined;
  if (expectedTyp === undefined) return { protectedBytes, alg, kid, payload, signature };
  return typ === expectedTyp ? { protectedBytes, alg, kid, typ: expectedTyp, payload, signature } : undefined;
}

function algFromCose(value: unknown): SigningAlg | undefined {
  if (value === COSE_ALG.ES256) return 'ES256';
  if (value === COSE_ALG.EdDSA) return 'EdDSA';
  return undefined;
}
