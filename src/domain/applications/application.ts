// An application (申请) moves through review (R5) to a decision within the time limit (R4). The
// transitions live in apply-event.ts; this file holds the shape and the questions asked of it.
import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';

export type ApplicationType =
  'registration_card' | 'residence_permit' | 'endorsement' | 'change' | 'replacement';
export const applicationTypes: readonly ApplicationType[] = [
  'registration_card',
  'residence_permit',
  'endorsement',
  'change',
  'replacement',
];

export type ApplicationStatus =
  'submitted' | 'needs_materials' | 'resubmitted' | 'approved' | 'rejected' | 'withdrawn' | 'issued';
export const applicationStatuses: readonly ApplicationStatus[] = [
  'submitted',
  'needs_materials',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
  'issued',
];

export type MaterialKind = 'photo' | 'proof_of_address' | 'proof_of_basis';
export const materialKinds: readonly MaterialKind[] = ['photo', 'proof_of_address', 'proof_of_basis'];

/** Lawful stable employment, lawful stable residence, or continuous study (Art. 2). */
export type Basis = 'employment' | 'residence' | 'study';
export const bases: readonly Basis[] = ['employment', 'residence', 'study'];

export interface Application {
  type: ApplicationType;
  status: ApplicationStatus;
  /** The day the current round was accepted; the time limit runs from it. */
  acceptedOn: IsoDate;
  /** The day a decision is due by (办结时限), computed by the caller in working days (R4). */
  dueBy: IsoDate;
  /** While `needs_materials`: everything the officer asked for, all at once (Art. 9). */
  missing: MaterialKind[];
  /** The officer's words the applicant sees: the reason of a rejection, or the note of a request. */
  reason: string | null;
}

/** A new application, accepted on `acceptedOn`, to be decided by `dueBy`. */
export function submitApplication(type: ApplicationType, acceptedOn: IsoDate, dueBy: IsoDate): Application {
  checkRound(acceptedOn, dueBy);
  return { type, status: 'submitted', acceptedOn, dueBy, missing: [], reason: null };
}

export function checkRound(acceptedOn: IsoDate, dueBy: IsoDate): void {
  if (!isIsoDate(acceptedOn)) {
    throw new AppError('VALIDATION_FAILED', 'acceptedOn must be a date YYYY-MM-DD', { field: 'acceptedOn' });
  }
  if (!isIsoDate(dueBy) || dueBy < acceptedOn) {
    throw new AppError('VALIDATION_FAILED', 'dueBy must be a date on or after acceptedOn', {
      field: 'dueBy',
    });
  }
}

const openStatuses: readonly ApplicationStatus[] = ['submitted', 'needs_materials', 'resubmitted'];

/** Still awaiting a decision (approve or reject), whether from the station or from the applicant. */
export function isOpen(status: ApplicationStatus): boolean {
  return openStatuses.includes(status);
}

/**
 * The statuses in which the station owes the applicant something and the time limit runs. Not
 * `needs_materials`: the clock stops while the applicant gathers the missing items and restarts on
 * resubmission (Art. 9, DESIGN §2). But `approved`: R4's limit is for issuing, not only for deciding.
 * Exported so a database query for the overdue queue can use the same list.
 */
export const overdueStatuses: readonly ApplicationStatus[] = ['submitted', 'resubmitted', 'approved'];

/** Past its due date with the station still to act: the officers' overdue queue (DESIGN §4). */
export function isOverdue(app: Application, today: IsoDate): boolean {
  return overdueStatuses.includes(app.status) && today > app.dueBy;
}
