import { addMonths } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import type { Policy } from '../policy.ts';
import type { Card } from './card.ts';

/** The days (all inclusive) on which a permit's yearly endorsement (签注) can be done on time. */
export interface EndorsementWindow {
  opensOn: IsoDate;
  dueOn: IsoDate;
  closesOn: IsoDate;
}

/** "每年签注1次" (Art. 10) is statute, not local policy: the cycle is a year. */
export const ENDORSEMENT_CYCLE_MONTHS = 12;

/**
 * Art. 10 opens the endorsement in the month before each full year of residence; Beijing also accepts
 * it up to a month after (DESIGN §2), so the window runs from `dueOn − 1 month` to `dueOn + 1 month`,
 * both days included. Month arithmetic clamps to the month's end (Civil Code Art. 202: with no
 * corresponding day, the month's last day ends the period).
 *
 * Null for a registration card, which is not endorsed but lapses, and for a permit with no endorsement
 * cycle (a legacy card, valid until its printed expiry date).
 */
export function endorsementWindow(card: Card, policy: Policy): EndorsementWindow | null {
  if (card.kind !== 'residence_permit' || card.endorsementDueOn === null) return null;
  const dueOn = card.endorsementDueOn;
  return {
    opensOn: addMonths(dueOn, -policy.endorsementOpensMonthsBefore),
    dueOn,
    closesOn: addMonths(dueOn, policy.endorsementClosesMonthsAfter),
  };
}
