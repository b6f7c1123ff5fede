// Base45 (RFC 9285). Our own, because the npm `base45` package decodes leniently (characters outside
// the alphabet become -1, triplets above 65535 wrap) and needs Node's Buffer. Decoding is strict: a
// QR payload is hostile input (RFC 9285 §6: "MUST fail" on invalid characters or values).
export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE45_ALPHABET.length; i++) VALUES[BASE45_ALPHABET.charCodeAt(i)] = i;

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  // §4: two bytes [a, b] → n = a*256 + b = c + d*45 + e*45², written c d e.
  for (; i + 1 < bytes.length; i += 2) {
    let n = (bytes[i]! << 8) | bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_ALPHABET[c]! + BASE45_ALPHABET[d]! + BASE45_ALPHABET[e]!;
  }
  // A lone last byte a = c + d*45, written c d.
  if (i < bytes.length) {
    const n = bytes[i]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

/** The bytes, or undefined for anything that is not canonical base45. */
export function decodeBase45(text: string): Uint8Array | undefined {
  const rest = text.length % 3;
  if (rest === 1) return undefined;
  const out = new Uint8Array(((text.length - rest) / 3) * 2 + (rest === 2 ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const c = value(text, i);
    const d = value(text, i + 1);
    const e = value(text, i + 2);
    if (c < 0 || d < 0 || e < 0) return undefined;
    const n = c + d * 45 + e * 2025;
    if (n > 0xffff) return undefined; // §6: a triplet above 65535 is invalid.
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (rest === 2) {
    const c = value(text, i);
    const d = value(text, i + 1);
    if (c < 0 || d < 0) return undefined;
    const n = c + d * 45;
    if (n > 0xff) return undefined;
    out[o++] = n;
  }
  return out;
}

function value(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? VALUES[code]! : -1;
}
