// The closed set of verification results (DESIGN §3). Every input, however hostile, ends in exactly
// one of these: the verifier never throws and never guesses from error text.
export const verificationResults = [
  'valid',
  'expired',
  'not_yet_valid',
  'bad_signature',
  'unknown_key',
  'revoked',
  'suspended',
  'superseded',
  'challenge_mismatch',
  'malformed',
  'unsupported_version',
  'status_unknown',
] as const;

export type VerificationResult = (typeof verificationResults)[number];

/**
 * A card's status as the issuer knows it now: from the status list offline, from the database
 * online. `unknown` is what a stale or missing status list gives.
 */
export type CardStatus = 'valid' | 'revoked' | 'suspended' | 'superseded' | 'unknown';

export function isVerificationResult(x: unknown): x is VerificationResult {
  return typeof x === 'string' && (verificationResults as readonly string[]).includes(x);
}
