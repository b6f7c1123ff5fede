import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Card, CardStatus } from './card.ts';
import { endorsementWindow } from './endorsement-window.ts';

/**
 * The status that counts on `today` (a Beijing date):
 * - revoked and superseded are as stored: they end the card whatever the dates say;
 * - after `validUntil` (its last valid day) a registration card or a legacy card has expired: it lapses
 *   by itself (R10), nobody has to act;
 * - after the endorsement window closed with no endorsement a permit is suspended (Art. 10): it still
 *   displays and verifies as `suspended` until a late endorsement restores it.
 */
export function effectiveStatus(card: Card, today: IsoDate, policy: Policy): CardStatus {
  if (card.storedStatus === 'revoked') return 'revoked';
  if (card.storedStatus === 'superseded') return 'superseded';
  if (card.validUntil !== null && today > card.validUntil) return 'expired';
  const window = endorsementWindow(card, policy);
  if (window && today > window.closesOn) return 'suspended';
  return 'valid';
}

/**
 * The date shown to verifiers (DESIGN §3): the last valid day of a card that lapses, or for an
 * endorsed permit the last day its endorsement can still be done on time.
 */
export function validityDate(card: Card, policy: Policy): IsoDate {
  if (card.validUntil !== null) return card.validUntil;
  const window = endorsementWindow(card, policy);
  if (window) return window.closesOn;
  // Only a row that breaks the Card invariant gets here: a permit with neither an expiry nor a cycle.
  throw new AppError('INTERNAL', 'card has neither validUntil nor an endorsement cycle');
}
