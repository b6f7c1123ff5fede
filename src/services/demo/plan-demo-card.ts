// Which card a demo resident holds at the demo's today, derived from the clock (R11): demo mode may
// start at any JUZHU_CLOCK from the e-permit start (2020-11-20) on, and every card it seeds must be
// one that could exist on that day. Pure, so each state is tested at many clocks.
import { addDays, addMonths, type IsoDate } from '../../domain/beijing-date.ts';
import type { CardKind } from '../../domain/cards/index.ts';
import type { Policy } from '../../domain/policy.ts';
import type { DemoCardState } from './demo-data.ts';

export type DemoCardPlan =
  | { source: 'electronic'; issuedOn: IsoDate; secondVersionOn?: IsoDate }
  | { source: 'legacy'; issuedOn: IsoDate; validUntil: IsoDate };

/** The physical permit of the demo (R10): issued under the old system, before the e-permit. */
const LEGACY_PERMIT_ISSUED_ON = '2019-06-01';

function latest(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/**
 * The plan that puts a card in `state` on `today`, or null when no such card can exist yet:
 * - an electronic card is never issued before `policy.transitionStart` (R11), so a valid, revoked
 *   or superseded card is issued three months ago or on the start day, whichever is later (and not
 *   at all before it);
 * - a suspended permit needs an anniversary and a closed endorsement window behind it (13 months
 *   after issue): earlier, none exists, and the resident holds nothing;
 * - an expired registration card needs 6 months behind it: earlier, it is a physical card of the
 *   old system that lapsed (R10), which is what such a resident really held then;
 * - the legacy permit is a physical card of 2019, valid 400 days beyond today.
 */
export function planDemoCard(
  kind: CardKind,
  state: DemoCardState,
  today: IsoDate,
  policy: Policy,
): DemoCardPlan | null {
  const start = policy.transitionStart;
  if (state === 'legacy') {
    if (today < LEGACY_PERMIT_ISSUED_ON) return null;
    return { source: 'legacy', issuedOn: LEGACY_PERMIT_ISSUED_ON, validUntil: addDays(today, 400) };
  }
  if (state === 'suspended') {
    const issuedOn = addMonths(today, -14); // anniversary 2 months ago, window closed 1 month ago
    return issuedOn >= start ? { source: 'electronic', issuedOn } : null;
  }
  if (state === 'expired') {
    const issuedOn = addMonths(today, -7);
    if (issuedOn >= start) return { source: 'electronic', issuedOn };
    const validUntil = addMonths(issuedOn, policy.registrationCardValidityMonths);
    const legacyPossible = issuedOn >= policy.legacyCardsIssuedFrom && issuedOn < policy.onlineRuleFrom;
    return legacyPossible && validUntil < today ? { source: 'legacy', issuedOn, validUntil } : null;
  }
  if (today < start) return null;
  const issuedOn = latest(addMonths(today, -3), start);
  if (state !== 'superseded') return { source: 'electronic', issuedOn };
  const second = addDays(issuedOn, 30);
  return { source: 'electronic', issuedOn, secondVersionOn: second > today ? today : second };
}
