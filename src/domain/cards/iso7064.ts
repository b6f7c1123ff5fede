// ISO/IEC 7064 hybrid system MOD 37,36: one check character from 0-9A-Z over an alphanumeric string.
// It detects every single-character substitution and every adjacent transposition, which are the
// errors of someone typing a card number from a confirmation form.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = ALPHABET.length; // 36

function value(ch: string): number {
  const v = ALPHABET.indexOf(ch);
  if (v < 0 || ch.length !== 1) throw new RangeError(`not an ISO 7064 MOD 37,36 character: ${ch}`);
  return v;
}

// ISO 7064 §hybrid systems: P₀ = M; for each character a, S = (P + a) mod M (0 read as M) and
// P = 2S mod (M + 1). Tracking S instead, from M / 2 (2 · M/2 mod 37 = M = P₀), gives the same steps;
// a string ending in its check character leaves S = 1.
function runningCheck(chars: string): number {
  let check = M / 2;
  for (const ch of chars) {
    check = ((((check || M) * 2) % (M + 1)) + value(ch)) % M;
  }
  return check;
}

/** The check character for `chars` (uppercase letters and digits). */
export function mod3736CheckChar(chars: string): string {
  const check = (M + 1 - (((runningCheck(chars) || M) * 2) % (M + 1))) % M;
  return ALPHABET[check] as string;
}

/** True when the last character of `s` is the right check character for the rest. */
export function isMod3736Valid(s: string): boolean {
  if (!/^[0-9A-Z]{2,}$/.test(s)) return false;
  return runningCheck(s) === 1;
}
