import { AppError } from '../errors.ts';
import type { Card } from './card.ts';

/**
 * Marks the version replaced by a change or replacement: whatever was shown for it stops verifying
 * as current (DESIGN §2). Only the active version can be superseded, so two concurrent changes of one
 * card cannot both succeed.
 */
export function supersedeCard(card: Card): Card {
  if (card.storedStatus !== 'active') {
    throw new AppError('INVALID_TRANSITION', `a ${card.storedStatus} card cannot be superseded`, {
      from: card.storedStatus,
      event: 'supersede',
    });
  }
  return { ...card, storedStatus: 'superseded' };
}
