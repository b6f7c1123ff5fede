import { addMonths, isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Card, CardKind } from './card.ts';
import { ENDORSEMENT_CYCLE_MONTHS } from './endorsement-window.ts';

function invalid(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${problem}`, { field });
}

/**
 * A new electronic card, version 1.
 *
 * Registration card: valid for `registrationCardValidityMonths` and then lapses. The issue day is not
 * counted and the period ends on the corresponding day of the last month (Civil Code Arts. 201–202),
 * so a card issued on 2021-01-15 is valid up to and including 2021-07-15 and has expired on 07-16.
 *
 * Residence permit: open-ended (`validUntil` null) while endorsed every year; the first endorsement is
 * due on the first anniversary of issue (Art. 10).
 *
 * `residenceCountFrom` is when continuous residence started (for a permit, often the day the
 * registration card was issued); it defaults to the issue date and cannot be later than it.
 */
export function issueCard(
  kind: CardKind,
  issuedOn: IsoDate,
  policy: Policy,
  residenceCountFrom?: IsoDate,
): Card {
  if (!isIsoDate(issuedOn)) throw invalid('issuedOn', 'must be a date YYYY-MM-DD');
  // No electronic card existed before the e-permit started (R11).
  if (issuedOn < policy.transitionStart)
    throw invalid('issuedOn', `must be on or after ${policy.transitionStart}`);
  const countFrom = residenceCountFrom ?? issuedOn;
  if (!isIsoDate(countFrom) || countFrom > issuedOn) {
    throw invalid('residenceCountFrom', 'must be a date on or before the issue date');
  }
  const permit = kind === 'residence_permit';
  return {
    kind,
    source: 'electronic',
    storedStatus: 'active',
    version: 1,
    issuedOn,
    validUntil: permit ? null : addMonths(issuedOn, policy.registrationCardValidityMonths),
    endorsementDueOn: permit ? addMonths(issuedOn, ENDORSEMENT_CYCLE_MONTHS) : null,
    residenceCountFrom: countFrom,
  };
}

/**
 * A physical card from the old system (R10): it displays and verifies like an electronic card until
 * the expiry date printed on it (inclusive), then lapses by itself; it is never endorsed online.
 * Only cards issued from `legacyCardsIssuedFrom` and before online issuance became the rule exist.
 */
export function importLegacyCard(
  kind: CardKind,
  issuedOn: IsoDate,
  validUntil: IsoDate,
  policy: Policy,
): Card {
  if (!isIsoDate(issuedOn)) throw invalid('issuedOn', 'must be a date YYYY-MM-DD');
  if (issuedOn < policy.legacyCardsIssuedFrom || issuedOn >= policy.onlineRuleFrom) {
    throw invalid(
      'issuedOn',
      `must be from ${policy.legacyCardsIssuedFrom} and before ${policy.onlineRuleFrom}`,
    );
  }
  if (!isIsoDate(validUntil) || validUntil < issuedOn) {
    throw invalid('validUntil', 'must be a date on or after the issue date');
  }
  return {
    kind,
    source: 'legacy',
    storedStatus: 'active',
    version: 1,
    issuedOn,
    validUntil,
    endorsementDueOn: null,
    residenceCountFrom: issuedOn,
  };
}
