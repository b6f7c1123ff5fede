import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Card } from './card.ts';
import { effectiveStatus } from './effective-status.ts';

/**
 * The new version a change of details (变更) or a replacement (换领) issues on `issuedOn`; the caller
 * supersedes the old one (supersedeCard) in the same transaction.
 *
 * A new version changes what the card says, not how long it lasts: it keeps the continuous-residence
 * count, a permit keeps its endorsement cycle (a suspended permit stays suspended until endorsed, so a
 * change is no way around Art. 10), and a registration card keeps its `validUntil` (a change does not
 * extend the 6 months). It is always electronic: no physical card is produced any more (R11), so
 * changing a legacy card gives an electronic card with the legacy card's expiry date.
 *
 * A revoked, superseded or expired card has no next version: the holder applies anew.
 */
export function nextVersion(card: Card, issuedOn: IsoDate, policy: Policy): Card {
  if (!isIsoDate(issuedOn) || issuedOn < card.issuedOn) {
    throw new AppError('VALIDATION_FAILED', 'issuedOn must be a date on or after the current issue date', {
      field: 'issuedOn',
    });
  }
  const status = effectiveStatus(card, issuedOn, policy);
  if (status !== 'valid' && status !== 'suspended') {
    throw new AppError('INVALID_TRANSITION', `a ${status} card cannot be changed or replaced`, {
      from: status,
      event: 'new_version',
    });
  }
  return { ...card, source: 'electronic', storedStatus: 'active', version: card.version + 1, issuedOn };
}
