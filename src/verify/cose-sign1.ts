// COSE_Sign1 (RFC 9052 §4.2) for display codes, status list tokens and trust lists.
// COSE_Sign1 = [protected: bstr .cbor header_map, unprotected: {}, payload: bstr, signature: bstr]
// written untagged: the text prefix (display codes) or the media type (lists) already says what it is.
import { decodeCbor, encodeCbor, isBytes, isMap } from './cbor.ts';

export type SigningAlg = 'ES256' | 'EdDSA';

/** The algorithm allow-list (RFC 9053 §2.1 ES256 = -7, §2.2 EdDSA = -8); anything else is refused. */
export const COSE_ALG: Readonly<Record<SigningAlg, number>> = { ES256: -7, EdDSA: -8 };

export const HEADER_ALG = 1; // RFC 9052 §3.1
export const HEADER_KID = 4;
export const HEADER_TYP = 16; // RFC 9596: media type of the whole COSE object

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
): Uint8Array {
  return concat([
    [0x84],
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
 * Parses the envelope and the protected header, or gives undefined. Strict: exactly four items, an
 * empty unprotected header (nothing unsigned may steer verification), an allowed alg, a kid of 1–32
 * bytes, no header parameter we do not know (so no `crit` we would silently ignore).
 */
export function parseSign1(bytes: Uint8Array, expectedTyp?: string): Sign1Parts | undefined {
  const envelope = decodeCbor(bytes);
  if (!Array.isArray(envelope) || envelope.length !== 4) return undefined;
  const [protectedBytes, unprotected, payload, signature] = envelope as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) return undefined;
  if (!isMap(unprotected) || unprotected.size !== 0) return undefined;
  const header = decodeCbor(protectedBytes);
  if (!isMap(header)) return undefined;
  const alg = algFromCose(header.get(HEADER_ALG));
  const kid = header.get(HEADER_KID);
  const typ = header.get(HEADER_TYP);
  if (alg === undefined || !isBytes(kid) || kid.length < 1 || kid.length > 32) return undefined;
  if (header.size !== (expectedTyp === undefined ? 2 : 3)) return undefined;
  if (expectedTyp === undefined) return { protectedBytes, alg, kid, payload, signature };
  return typ === expectedTyp ? { protectedBytes, alg, kid, typ: expectedTyp, payload, signature } : undefined;
}

function algFromCose(value: unknown): SigningAlg | undefined {
  if (value === COSE_ALG.ES256) return 'ES256';
  if (value === COSE_ALG.EdDSA) return 'EdDSA';
  return undefined;
}
