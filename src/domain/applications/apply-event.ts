import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import type { Application, ApplicationStatus, MaterialKind } from './application.ts';
import { checkRound, materialKinds } from './application.ts';

export type ApplicationEvent =
  /** Art. 9 (一次性告知): every missing item at once, so the applicant comes back once. */
  | { kind: 'request_materials'; missing: MaterialKind[]; note?: string }
  /** The applicant brings what was missing; the time limit restarts (DESIGN §2). */
  | { kind: 'resubmit'; acceptedOn: IsoDate; dueBy: IsoDate }
  | { kind: 'approve' }
  | { kind: 'issue' }
  /** R5: a rejection always carries a reason the applicant sees. */
  | { kind: 'reject'; reason: string }
  | { kind: 'withdraw' };

export type ApplicationEventKind = ApplicationEvent['kind'];

/*
 * The review as a state machine. Reading down a row: what may happen in that status.
 *
 *   submitted ─┬─ request_materials → needs_materials ── resubmit → resubmitted (then as submitted)
 *              ├─ approve → approved ── issue → issued
 *              ├─ reject → rejected
 *              └─ withdraw → withdrawn
 *
 * needs_materials can also be rejected (the applicant never came back, or the file is false) or
 * withdrawn. Once approved the decision stands: no withdrawal or rejection; a card issued by mistake is
 * revoked instead. Rejected, withdrawn and issued are final.
 */
const transitions: Record<ApplicationStatus, Partial<Record<ApplicationEventKind, ApplicationStatus>>> = {
  submitted: {
    request_materials: 'needs_materials',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  needs_materials: { resubmit: 'resubmitted', reject: 'rejected', withdraw: 'withdrawn' },
  resubmitted: {
    request_materials: 'needs_materials',
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  approved: { issue: 'issued' },
  rejected: {},
  withdrawn: {},
  issued: {},
};

/** The events that may happen to an application in `status` (e.g. which buttons a console shows). */
export function allowedEvents(status: ApplicationStatus): ApplicationEventKind[] {
  return Object.keys(transitions[status]) as ApplicationEventKind[];
}

const MAX_TEXT = 500;

/** Trimmed text of 1..500 characters (counted as Unicode code points: most reasons are Chinese). */
function text(value: unknown, field: string): string {
  const t = typeof value === 'string' ? value.trim() : '';
  const length = [...t].length;
  if (length < 1 || length > MAX_TEXT) {
    throw new AppError('VALIDATION_FAILED', `${field} must be 1 to ${MAX_TEXT} characters`, { field });
  }
  return t;
}

function missingList(missing: readonly MaterialKind[]): MaterialKind[] {
  // The edge checks the shape too; the domain still refuses a request it could not honour.
  const given: readonly unknown[] = Array.isArray(missing) ? missing : [];
  if (given.some((m) => !(materialKinds as readonly unknown[]).includes(m))) {
    throw new AppError('VALIDATION_FAILED', 'missing must list materials', { field: 'missing' });
  }
  const list = materialKinds.filter((k) => given.includes(k));
  if (list.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'a request for materials must name what is missing', {
      field: 'missing',
    });
  }
  return list;
}

/**
 * The application after `event`. An event the status does not allow is INVALID_TRANSITION, except a
 * second approval or issue, which is CONFLICT: it is the trace of a double click or of two officers
 * deciding at once, and must never give a second card.
 */
export function applyEvent(app: Application, event: ApplicationEvent): Application {
  const to = transitions[app.status][event.kind];
  if (to === undefined) {
    const repeated =
      (event.kind === 'approve' && (app.status === 'approved' || app.status === 'issued')) ||
      (event.kind === 'issue' && app.status === 'issued');
    if (repeated) {
      throw new AppError('CONFLICT', `the application is already ${app.status}`, {
        from: app.status,
        event: event.kind,
      });
    }
    throw new AppError('INVALID_TRANSITION', `cannot ${event.kind} an application that is ${app.status}`, {
      from: app.status,
      event: event.kind,
    });
  }
  switch (event.kind) {
    case 'request_materials': {
      const missing = missingList(event.missing);
      const note = event.note === undefined || event.note.trim() === '' ? null : text(event.note, 'note');
      return { ...app, status: to, missing, reason: note };
    }
    case 'resubmit':
      checkRound(event.acceptedOn, event.dueBy);
      if (event.acceptedOn < app.acceptedOn) {
        throw new AppError('VALIDATION_FAILED', 'acceptedOn cannot be before the first acceptance', {
          field: 'acceptedOn',
        });
      }
      return {
        ...app,
        status: to,
        acceptedOn: event.acceptedOn,
        dueBy: event.dueBy,
        missing: [],
        reason: null,
      };
    case 'reject':
      return { ...app, status: to, missing: [], reason: text(event.reason, 'reason') };
    case 'approve':
    case 'issue':
    case 'withdraw':
      return { ...app, status: to, missing: [], reason: null };
  }
}
