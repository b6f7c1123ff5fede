// Rotation without failed verifications: the old key stops signing at the rotation and stays
// trusted for verification for a grace period that must outlast everything it signed: a display
// code (lifetime + skew) and a status list token (its exp). Keys are never deleted before then.
import { AppError } from '../domain/errors.ts';
import { signingKeyRecord } from './signing-key.ts';
import type { SigningKeyRecord } from './signing-key.ts';

/** Stop signing at `at`; trust for verification until `at + verifyGraceSeconds`. */
export function retireSigningKey(
  record: SigningKeyRecord,
  at: Date,
  verifyGraceSeconds: number,
): SigningKeyRecord {
  if (!Number.isFinite(verifyGraceSeconds) || verifyGraceSeconds < 0) {
    throw new AppError('VALIDATION_FAILED', 'verifyGraceSeconds must be zero or more');
  }
  return signingKeyRecord({
    ...record,
    signUntil: at.toISOString(),
    verifyUntil: new Date(at.getTime() + verifyGraceSeconds * 1000).toISOString(),
  });
}

/** The newest key allowed to sign at `now`, or undefined (then generate one). */
export function currentSigningKey(
  records: readonly SigningKeyRecord[],
  now: Date,
): SigningKeyRecord | undefined {
  const t = now.getTime();
  return records
    .filter((r) => Date.parse(r.createdAt) <= t && (r.signUntil === null || t < Date.parse(r.signUntil)))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}
