// Storage of identity binding codes: a new code replaces the person's earlier live ones; a code is
// checked against the live codes of its ID number only, and only its keyed hash (of the code and
// that ID number) is stored. Both run inside the caller's transaction.
import { randomInt } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import {
  BINDING_CODE_ALPHABET,
  BINDING_CODE_LENGTH,
  BINDING_CODE_MAX_FAILURES,
  bindingCodeFrom,
  normaliseBindingCode,
} from '../../domain/identity/binding-code.ts';
import type { Db } from '../../db/client.ts';
import { identityBindingCodes } from '../../db/schema/index.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export const newBindingCode = (): string =>
  bindingCodeFrom(Array.from({ length: BINDING_CODE_LENGTH }, () => randomInt(BINDING_CODE_ALPHABET.length)));

/**
 * What `identity_binding_codes.code_hash` keeps: HMAC-SHA-256 of the ID number and the code under
 * the binding-code key (src/crypto/keyed-digest.ts), so a dump's row cannot be tried against codes.
 */
export const bindingCodeHash = (personal: PersonalCipher, idNumber: string, code: string): string =>
  personal.digest('binding_code', `${idNumber}:${normaliseBindingCode(code)}`).toString('hex');

/**
 * The unkeyed SHA-256 releases before keyed hashes stored. Their live codes cannot be re-keyed (the
 * code is not stored) and a slip lives days (policy `identityBindingCodeHours`, at most 720 h), so
 * redeeming still accepts it; once every code issued before the upgrade has expired, none can
 * match, and a later release removes it.
 */
const unkeyedBindingCodeHash = (idNumber: string, code: string): string =>
  sha256Hex(`${idNumber}:${normaliseBindingCode(code)}`);

/** The live codes of an ID number, found by its blind index (`idNumberIndex`, hex). */
const live = (idNumberIndex: string, now: Date) =>
  and(
    eq(identityBindingCodes.idNumberIndex, idNumberIndex),
    isNull(identityBindingCodes.usedAt),
    gt(identityBindingCodes.expiresAt, now),
    lt(identityBindingCodes.failedAttempts, BINDING_CODE_MAX_FAILURES),
  );

/** Ends the ID number's live codes: only the newest printed slip works. */
export async function replaceLiveBindingCodes(tx: Db, idNumberIndex: string, now: Date): Promise<void> {
  await tx.update(identityBindingCodes).set({ usedAt: now }).where(live(idNumberIndex, now));
}

/**
 * Uses the live code of `idNumber` that `typed` is, for `residentId`; or counts a failure against
 * every live code of that ID number (five burn them) and returns null.
 */
export async function redeemBindingCode(
  tx: Db,
  personal: PersonalCipher,
  input: { idNumber: string; idNumberIndex: string; typed: string; residentId: string; now: Date },
): Promise<string | null> {
  const codes = await tx
    .select()
    .from(identityBindingCodes)
    .where(live(input.idNumberIndex, input.now))
    .for('update');
  const hashes = [
    bindingCodeHash(personal, input.idNumber, input.typed),
    unkeyedBindingCodeHash(input.idNumber, input.typed),
  ];
  const match = codes.find((c) => hashes.includes(c.codeHash));
  if (!match) {
    for (const c of codes) {
      await tx
        .update(identityBindingCodes)
        .set({ failedAttempts: c.failedAttempts + 1 })
        .where(eq(identityBindingCodes.id, c.id));
    }
    return null;
  }
  await tx
    .update(identityBindingCodes)
    .set({ usedAt: input.now, usedBy: input.residentId })
    .where(eq(identityBindingCodes.id, match.id));
  return match.id;
}
