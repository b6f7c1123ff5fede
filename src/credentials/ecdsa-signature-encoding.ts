// ECDSA signatures come out of Node's crypto as DER (an ASN.1 SEQUENCE of two INTEGERs); COSE
// wants r‖s, 32 bytes each for P-256 (IEEE P1363, RFC 9053 §2.1). Node converts when asked
// (`dsaEncoding: 'ieee-p1363'`), but the options form of sign()/verify() re-prepares the key on
// every call and costs about twice the signature itself (bench/); so we pass the KeyObject and
// convert here, which costs well under a microsecond.

/** DER ECDSA-Sig-Value → r‖s (each left-padded to `size` bytes). Throws on malformed input. */
export function derToP1363(der: Uint8Array, size = 32): Uint8Array {
  let offset = 0;
  const expect = (byte: number) => {
    if (der[offset++] !== byte) throw new Error('not a DER ECDSA signature');
  };
  const length = (): number => {
    const first = der[offset++];
    if (first === undefined) throw new Error('truncated DER');
    if (first < 0x80) return first;
    if (first !== 0x81) throw new Error('unsupported DER length');
    const n = der[offset++];
    if (n === undefined) throw new Error('truncated DER');
    return n;
  };
  const integer = (): Uint8Array => {
    expect(0x02);
    const len = length();
    let bytes = der.subarray(offset, offset + len);
    offset += len;
    while (bytes.length > 0 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size || offset > der.length) throw new Error('DER integer too long');
    return bytes;
  };
  expect(0x30);
  const total = length();
  if (offset + total !== der.length) throw new Error('DER length mismatch');
  const r = integer();
  const s = integer();
  const out = new Uint8Array(size * 2);
  out.set(r, size - r.length);
  out.set(s, 2 * size - s.length);
  return out;
}

function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  // A leading 1 bit would read as negative: prefix a zero byte.
  const pad = (trimmed[0] ?? 0) & 0x80 ? 1 : 0;
  const out = new Uint8Array(2 + pad + trimmed.length);
  out[0] = 0x02;
  out[1] = pad + trimmed.length;
  out.set(trimmed, 2 + pad);
  return out;
}

/** r‖s → DER ECDSA-Sig-Value. The input must be exactly 2 × size bytes. */
export function p1363ToDer(sig: Uint8Array, size = 32): Uint8Array {
  if (sig.length !== size * 2) throw new Error('not an r‖s signature');
  const r = derInteger(sig.subarray(0, size));
  const s = derInteger(sig.subarray(size));
  const body = r.length + s.length;
  const header = body < 0x80 ? [0x30, body] : [0x30, 0x81, body];
  const out = new Uint8Array(header.length + body);
  out.set(header, 0);
  out.set(r, header.length);
  out.set(s, header.length + r.length);
  return out;
}
