// The chip a card wears in the wallet (issue 6: 有效 / 已暂停 / 即将需签注 / 已过期 / 已注销 / 已换发)
// and whether it can be shown. Suspended permits still display, marked (DESIGN §2).
import type { Static } from 'typebox';
import type { MyCard } from '../../src/http/schemas/me.ts';
import { isDisplayable, type CardStatus } from '../../src/domain/cards/card.ts';

export type Card = Static<typeof MyCard>;
export type Chip = CardStatus | 'endorsement_due';

/** The server says whether the endorsement window is open: it knows today and the policy. */
export function chipOf(card: Card): Chip {
  const status = card.status as CardStatus;
  return status === 'valid' && card.endorsementOpen ? 'endorsement_due' : status;
}

export const isShowable = (chip: Chip) => chip === 'endorsement_due' || isDisplayable(chip);

export const chipColor: Record<Chip, 'success' | 'warning' | 'danger' | 'default'> = {
  valid: 'success',
  endorsement_due: 'warning',
  suspended: 'warning',
  expired: 'default',
  revoked: 'danger',
  superseded: 'default',
};

export const chipIcon: Record<Chip, string> = {
  valid: '✓',
  endorsement_due: '!',
  suspended: '⏸',
  expired: '✕',
  revoked: '✕',
  superseded: '↻',
};
