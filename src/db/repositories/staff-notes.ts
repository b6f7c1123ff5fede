// Staff's free text about a person at rest (issue 9): an officer's reason for a rejection or a
// request for materials, a community police's note of a visit, an officer's review of it and the
// reason for a revocation. They should not name anyone, but nothing stops them ("张三 110105…
// 不在此居住"), so each is sealed per field (AES-256-GCM, src/crypto), bound to its column, like an
// address. Nothing filters, sorts or groups on them in SQL (a ciphertext could not be): they are
// only shown, so sealing them took no ability away.
import type { PersonalCipher } from '../../crypto/personal-cipher.ts';

export type StaffNoteColumn =
  'applications.reason' | 'visits.note' | 'visits.review_note' | 'cards.revoked_reason';

/** The sealed value to store; null stays null (no reason given). */
export function sealNote(
  cipher: PersonalCipher,
  column: StaffNoteColumn,
  text: string | null,
): Uint8Array | null {
  return text === null ? null : cipher.seal(column, text);
}

/**
 * The text, or null when there is none. Start-up seals every row of an older release before
 * anything serves (seal-plain-staff-notes.ts), so a null sealed column means no text.
 */
export function openNote(
  cipher: PersonalCipher,
  column: StaffNoteColumn,
  sealed: Uint8Array | null,
): string | null {
  return cipher.openOrNull(column, sealed);
}
