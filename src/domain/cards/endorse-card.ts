import { addMonths } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Card } from './card.ts';
import { ENDORSEMENT_CYCLE_MONTHS, endorsementWindow } from './endorsement-window.ts';

/**
 * The yearly endorsement (签注) of a residence permit, done on `today`.
 *
 * - Before the window opens: refused with ENDORSEMENT_NOT_OPEN and the opening date, so the holder
 *   knows when to come back (and a second endorsement in the same year is refused the same way).
 * - On time (from `opensOn` to `closesOn`, inclusive): the cycle keeps its anniversary, the next one
 *   is due a year after the current one, however early or late in the window the holder came
 *   (Art. 10: "居住每满1年", each full year of residence).
 * - Late (after `closesOn`, the permit is suspended): the endorsement restores it, the next one is due a
 *   year after today, and continuous residence counts from today (Art. 10: "补办签注手续的，居住证的使用
 *   功能恢复，居住年限自补办签注手续之日起连续计算").
 *
 * Only an active electronic permit can be endorsed: a registration card lapses instead, and a legacy
 * card runs to its printed expiry date (R10).
 */
export function endorseCard(card: Card, today: IsoDate, policy: Policy): Card {
  const refuse = (from: string) =>
    new AppError('INVALID_TRANSITION', `a ${from} card cannot be endorsed`, { from, event: 'endorse' });
  if (card.kind !== 'residence_permit') throw refuse(card.kind);
  if (card.storedStatus !== 'active') throw refuse(card.storedStatus);
  const window = endorsementWindow(card, policy);
  if (!window) throw refuse(card.source);
  if (today < window.opensOn) {
    throw new AppError('ENDORSEMENT_NOT_OPEN', `the endorsement opens on ${window.opensOn}`, {
      opensOn: window.opensOn,
    });
  }
  if (today <= window.closesOn) {
    return { ...card, endorsementDueOn: addMonths(window.dueOn, ENDORSEMENT_CYCLE_MONTHS) };
  }
  return { ...card, endorsementDueOn: addMonths(today, ENDORSEMENT_CYCLE_MONTHS), residenceCountFrom: today };
}
