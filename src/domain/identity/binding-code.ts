// Identity binding codes (issue 9, finding 1): what a clerk prints for a person who showed their
// ID, and what that person types into the wallet. Short enough to type from paper, from an alphabet
// without the look-alikes 0/O, 1/I/L, so no reading of the slip is ambiguous.

export const BINDING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^10 ≈ 8·10^14 codes (49 bits): five tries a code leave a guesser one chance in 10^14. */
export const BINDING_CODE_LENGTH = 10;
/** Wrong codes typed for an ID number burn its live code (as five wrong login codes do). */
export const BINDING_CODE_MAX_FAILURES = 5;

/** A code from uniformly random alphabet indices (the caller draws them). */
export function bindingCodeFrom(indices: readonly number[]): string {
  return indices.map((i) => BINDING_CODE_ALPHABET.charAt(i)).join('');
}

/** The code as typed, upper-cased, without the spaces and hyphens people copy from paper. */
export function normaliseBindingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/gu, '');
}
