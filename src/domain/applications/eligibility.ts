import { addMonths, isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import type { CardStatus } from '../cards/card.ts';
import { AppError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Basis } from './application.ts';

export interface EligibilityInput {
  today: IsoDate;
  /** The applicant's registration cards in the system, every version. */
  registrationCards: readonly { issuedOn: IsoDate; status: CardStatus }[];
  /** Months of Beijing social insurance or tax the applicant declares (the officer checks them). */
  declaredContributionMonths?: number;
  basis?: Basis;
}

export type Eligibility =
  | { route: 'registration_card_held'; since: IsoDate }
  | { route: 'declared_contributions'; months: number; officerMustCheck: true };

/**
 * Who may have a residence permit (Art. 2, DESIGN §2): someone who has lived in the city for 6 months
 * (a registration card held that long, or that many months of the city's social insurance or tax) and
 * has one basis: lawful stable employment, lawful stable residence or continuous study.
 *
 * - A registration card proves residence from its issue date, and a card issued exactly 6 months ago
 *   today (same day of the month, clamped to the month's end) is enough. Any card not revoked counts:
 *   an expired or superseded card still proves residence was held; a revoked one was founded on false
 *   information and proves nothing. `since` is the earliest such card's issue date.
 * - Otherwise declared contributions of at least 6 months qualify, marked for the officer to check
 *   against the social-insurance or tax record: the system cannot see those records.
 */
export function checkPermitEligibility(input: EligibilityInput, policy: Policy): Eligibility {
  const { today, declaredContributionMonths: months } = input;
  if (!isIsoDate(today)) throw new AppError('VALIDATION_FAILED', 'today must be a date', { field: 'today' });
  if (months !== undefined && (!Number.isInteger(months) || months < 0)) {
    throw new AppError('VALIDATION_FAILED', 'declaredContributionMonths must be a whole number', {
      field: 'declaredContributionMonths',
    });
  }
  if (!input.basis) {
    throw new AppError('NOT_ELIGIBLE', 'a permit needs employment, residence or study in the city', {
      reason: 'basis_missing',
    });
  }
  const held = input.registrationCards
    .filter((c) => c.status !== 'revoked' && isIsoDate(c.issuedOn) && c.issuedOn <= today)
    .map((c) => c.issuedOn)
    .sort();
  const earliest = held[0];
  if (earliest !== undefined && addMonths(earliest, policy.eligibilityMonths) <= today) {
    return { route: 'registration_card_held', since: earliest };
  }
  if (months !== undefined && months >= policy.eligibilityMonths) {
    return { route: 'declared_contributions', months, officerMustCheck: true };
  }
  // Tell the applicant when the card they hold will be enough, so they need not guess.
  const eligibleOn = earliest === undefined ? undefined : addMonths(earliest, policy.eligibilityMonths);
  throw new AppError('NOT_ELIGIBLE', 'residence in the city is shorter than required', {
    reason: 'residence_too_short',
    ...(eligibleOn ? { eligibleOn } : {}),
  });
}
