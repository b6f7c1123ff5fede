// Issuing a display code: CWT claims in an untagged COSE_Sign1, base45 behind the version prefix
// (format in docs/display-code.md).
import { randomFillSync } from 'node:crypto';
import { AppError } from '../domain/errors.ts';
import { encodeBase45 } from '../verify/base45.ts';
import { encodeCbor } from '../verify/cbor.ts';
import { DISPLAY_CODE_PREFIX } from '../verify/decode-display-code.ts';
import { claimsProblem, claimsToCbor } from '../verify/display-claims.ts';
import type { DisplayClaims } from '../verify/display-claims.ts';
import { signCose } from './sign-cose.ts';
import type { Signer } from './unlock-signer.ts';

export type { DisplayClaims };

/** DESIGN §3 defaults; both are configuration. */
export const DEFAULT_LIFETIME_SECONDS = 60;
export const DEFAULT_SKEW_SECONDS = 10;
export const CODE_ID_BYTES = 8;
/** Alphanumeric capacity of a QR code version 10 at error-correction level M (ISO/IEC 18004 table 7). */
export const MAX_CODE_CHARACTERS = 311;

export type CardFields = Omit<DisplayClaims, 'codeId' | 'issuedAt' | 'expiresAt' | 'challenge'>;

/** Claims for a code shown now: a fresh random code id, issued now, expiring after the lifetime. */
export function newDisplayClaims(
  card: CardFields,
  now: Date,
  options: { lifetimeSeconds?: number; challenge?: string; codeId?: Uint8Array } = {},
): DisplayClaims {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const lifetime = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  return {
    ...card,
    codeId: options.codeId ?? randomCodeId(),
    issuedAt,
    expiresAt: issuedAt + lifetime,
    ...(options.challenge === undefined ? {} : { challenge: options.challenge }),
  };
}

// Code ids come from a pool the CSPRNG refills: one call per 512 codes instead of one per code.
// Each byte is handed out once; code ids are public (they are in the QR), only unpredictable.
const pool = new Uint8Array(4096);
let used = pool.length;

function randomCodeId(): Uint8Array {
  if (used + CODE_ID_BYTES > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += CODE_ID_BYTES;
  return pool.slice(used - CODE_ID_BYTES, used);
}

export function signDisplayCode(claims: DisplayClaims, signer: Signer): string {
  const problem = claimsProblem(claims);
  if (problem) throw new AppError('VALIDATION_FAILED', `display code claims: ${problem}`);
  const cose = signCose(encodeCbor(claimsToCbor(claims)), signer);
  const code = DISPLAY_CODE_PREFIX + encodeBase45(cose);
  // A code a phone camera cannot read fast is a failed check at the door: refuse it here, loudly.
  if (code.length > MAX_CODE_CHARACTERS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `display code of ${code.length} characters exceeds QR version 10-M`,
    );
  }
  return code;
}
