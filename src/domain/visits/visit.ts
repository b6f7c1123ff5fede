// Verification visits (R14, DESIGN §2): every new permit or registration card and every change of
// address sends the community police of the street to the declared address. What they find is one
// of three outcomes; the two that doubt the address go back to an officer of the district, who
// revokes the card (false information) or keeps it. A visit moves forward only:
//
//   open ──confirmed──▶ confirmed
//     │ ──not_found / mismatch──▶ needs_review ──revoke──▶ revoked
//     │                                         └─keep────▶ kept
//     └─(a newer address for the same card)──▶ superseded
import { AppError } from '../errors.ts';

export const visitReasons = ['new_card', 'address_change'] as const;
export type VisitReason = (typeof visitReasons)[number];

export const visitOutcomes = ['confirmed', 'not_found', 'mismatch'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

export const visitStatuses = ['open', 'confirmed', 'needs_review', 'revoked', 'kept', 'superseded'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

export const reviewDecisions = ['revoke', 'keep'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** The status a visit reaches when an outcome is recorded; only an open visit takes one. */
export function statusAfterOutcome(from: VisitStatus, outcome: VisitOutcome): VisitStatus {
  if (from !== 'open') {
    throw new AppError('INVALID_TRANSITION', `a ${from} visit takes no outcome`, { from, event: 'outcome' });
  }
  return outcome === 'confirmed' ? 'confirmed' : 'needs_review';
}

/** The status a visit reaches on an officer's review; only one needing review takes it. */
export function statusAfterReview(from: VisitStatus, decision: ReviewDecision): VisitStatus {
  if (from !== 'needs_review') {
    throw new AppError('INVALID_TRANSITION', `a ${from} visit needs no review`, { from, event: decision });
  }
  return decision === 'revoke' ? 'revoked' : 'kept';
}

/** A note is what the officer reviewing relies on: required with the outcomes that doubt the address. */
export const outcomeNeedsNote = (outcome: VisitOutcome): boolean => outcome !== 'confirmed';
