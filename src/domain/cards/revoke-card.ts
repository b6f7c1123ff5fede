import { AppError } from '../errors.ts';
import type { Card } from './card.ts';

/**
 * Revocation ends an active card for good, e.g. on false information found by a verification visit
 * (DESIGN §2). A superseded version is already out of use: revoke the current one instead.
 */
export function revokeCard(card: Card): Card {
  if (card.storedStatus !== 'active') {
    throw new AppError('INVALID_TRANSITION', `a ${card.storedStatus} card cannot be revoked`, {
      from: card.storedStatus,
      event: 'revoke',
    });
  }
  return { ...card, storedStatus: 'revoked' };
}
