import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationStatuses, submitApplication } from './application.ts';
import type { Application, ApplicationStatus, MaterialKind } from './application.ts';
import { allowedEvents, applyEvent } from './apply-event.ts';
import type { ApplicationEvent, ApplicationEventKind } from './apply-event.ts';

const fresh = submitApplication('residence_permit', '2025-09-29', '2025-10-15');
const inStatus = (status: ApplicationStatus): Application => ({ ...fresh, status });

const sample: Record<ApplicationEventKind, ApplicationEvent> = {
  request_materials: { kind: 'request_materials', missing: ['photo'] },
  resubmit: { kind: 'resubmit', acceptedOn: '2025-10-08', dueBy: '2025-10-20' },
  approve: { kind: 'approve' },
  issue: { kind: 'issue' },
  reject: { kind: 'reject', reason: '住址证明与申报地址不符' },
  withdraw: { kind: 'withdraw' },
};

// Every (status, event) pair: the status it leads to, or the error it meets.
const expected: Record<
  ApplicationStatus,
  Record<ApplicationEventKind, ApplicationStatus | 'CONFLICT' | null>
> = {
  submitted: {
    request_materials: 'needs_materials',
    resubmit: null,
    approve: 'approved',
    issue: null,
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  needs_materials: {
    request_materials: null,
    resubmit: 'resubmitted',
    approve: null,
    issue: null,
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  resubmitted: {
    request_materials: 'needs_materials',
    resubmit: null,
    approve: 'approved',
    issue: null,
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  approved: {
    request_materials: null,
    resubmit: null,
    approve: 'CONFLICT',
    issue: 'issued',
    reject: null,
    withdraw: null,
  },
  rejected: {
    request_materials: null,
    resubmit: null,
    approve: null,
    issue: null,
    reject: null,
    withdraw: null,
  },
  withdrawn: {
    request_materials: null,
    resubmit: null,
    approve: null,
    issue: null,
    reject: null,
    withdraw: null,
  },
  issued: {
    request_materials: null,
    resubmit: null,
    approve: 'CONFLICT',
    issue: 'CONFLICT',
    reject: null,
    withdraw: null,
  },
};

describe('applyEvent: every transition, legal and illegal', () => {
  for (const from of applicationStatuses) {
    for (const [kind, outcome] of Object.entries(expected[from]) as [
      ApplicationEventKind,
      ApplicationStatus | 'CONFLICT' | null,
    ][]) {
      if (outcome === null) {
        test(`${from} + ${kind} → INVALID_TRANSITION`, () => {
          assert.throws(() => applyEvent(inStatus(from), sample[kind]), {
            code: 'INVALID_TRANSITION',
            params: { from, event: kind },
          });
        });
      } else if (outcome === 'CONFLICT') {
        test(`${from} + ${kind} → CONFLICT (never a second card)`, () => {
          assert.throws(() => applyEvent(inStatus(from), sample[kind]), {
            code: 'CONFLICT',
            params: { from, event: kind },
          });
        });
      } else {
        test(`${from} + ${kind} → ${outcome}`, () => {
          assert.equal(applyEvent(inStatus(from), sample[kind]).status, outcome);
        });
      }
    }
  }

  test('allowedEvents lists exactly the legal events of each status', () => {
    for (const status of applicationStatuses) {
      const legal = Object.entries(expected[status])
        .filter(([, to]) => to !== null && to !== 'CONFLICT')
        .map(([kind]) => kind)
        .sort();
      assert.deepEqual(allowedEvents(status).sort(), legal, status);
    }
  });

  test('leaves the application it was given unchanged', () => {
    const before = structuredClone(fresh);
    applyEvent(fresh, sample.reject);
    assert.deepEqual(fresh, before);
  });
});

describe('request_materials (Art. 9: all missing items at once)', () => {
  test('records every missing item, once each and in a fixed order, and the note', () => {
    const app = applyEvent(fresh, {
      kind: 'request_materials',
      missing: ['proof_of_basis', 'photo', 'proof_of_basis'],
      note: '  照片需为近期免冠照片  ',
    });
    assert.equal(app.status, 'needs_materials');
    assert.deepEqual(app.missing, ['photo', 'proof_of_basis']);
    assert.equal(app.reason, '照片需为近期免冠照片');
  });

  test('a blank note is no note', () => {
    assert.equal(
      applyEvent(fresh, { kind: 'request_materials', missing: ['photo'], note: '   ' }).reason,
      null,
    );
  });

  test('an empty list is refused: a return must say what is missing', () => {
    assert.throws(() => applyEvent(fresh, { kind: 'request_materials', missing: [] }), {
      code: 'VALIDATION_FAILED',
      params: { field: 'missing' },
    });
  });

  test('an unknown material is refused', () => {
    const missing = ['photo', 'fingerprint'] as unknown as MaterialKind[];
    assert.throws(() => applyEvent(fresh, { kind: 'request_materials', missing }), {
      code: 'VALIDATION_FAILED',
      params: { field: 'missing' },
    });
  });

  test('a note longer than 500 characters is refused', () => {
    assert.throws(
      () => applyEvent(fresh, { kind: 'request_materials', missing: ['photo'], note: 'x'.repeat(501) }),
      {
        code: 'VALIDATION_FAILED',
        params: { field: 'note' },
      },
    );
  });
});

describe('resubmit', () => {
  const waiting = applyEvent(fresh, { kind: 'request_materials', missing: ['photo'], note: '照片不清晰' });

  test('restarts the clock and clears the request', () => {
    const app = applyEvent(waiting, sample.resubmit);
    assert.deepEqual(app, {
      ...fresh,
      status: 'resubmitted',
      acceptedOn: '2025-10-08',
      dueBy: '2025-10-20',
      missing: [],
      reason: null,
    });
  });

  test('refuses a due date before the new acceptance, or an acceptance before the first', () => {
    assert.throws(
      () => applyEvent(waiting, { kind: 'resubmit', acceptedOn: '2025-10-08', dueBy: '2025-10-07' }),
      {
        code: 'VALIDATION_FAILED',
        params: { field: 'dueBy' },
      },
    );
    assert.throws(
      () => applyEvent(waiting, { kind: 'resubmit', acceptedOn: '2025-09-28', dueBy: '2025-10-20' }),
      {
        code: 'VALIDATION_FAILED',
        params: { field: 'acceptedOn' },
      },
    );
  });
});

describe('reject (R5: with a reason the applicant sees)', () => {
  test('keeps the reason, trimmed', () => {
    const app = applyEvent(fresh, { kind: 'reject', reason: '  no such address  ' });
    assert.equal(app.status, 'rejected');
    assert.equal(app.reason, 'no such address');
  });

  test('clears a pending request for materials', () => {
    const waiting = applyEvent(fresh, sample.request_materials);
    assert.deepEqual(applyEvent(waiting, sample.reject).missing, []);
  });

  test('500 characters are enough, counted as characters not bytes', () => {
    assert.equal(applyEvent(fresh, { kind: 'reject', reason: '址'.repeat(500) }).reason?.length, 500);
    assert.equal(applyEvent(fresh, { kind: 'reject', reason: '𠀀'.repeat(500) }).status, 'rejected');
  });

  for (const [what, reason] of [
    ['empty', ''],
    ['blank', ' \n\t '],
    ['501 characters', '址'.repeat(501)],
  ] as const) {
    test(`refuses a reason that is ${what}`, () => {
      assert.throws(() => applyEvent(fresh, { kind: 'reject', reason }), {
        code: 'VALIDATION_FAILED',
        params: { field: 'reason' },
      });
    });
  }
});

test('a whole review: returned once, resubmitted, approved, issued', () => {
  let app = fresh;
  app = applyEvent(app, { kind: 'request_materials', missing: ['photo', 'proof_of_basis'] });
  app = applyEvent(app, sample.resubmit);
  app = applyEvent(app, sample.approve);
  app = applyEvent(app, sample.issue);
  assert.deepEqual(app, { ...fresh, status: 'issued', acceptedOn: '2025-10-08', dueBy: '2025-10-20' });
  assert.throws(() => applyEvent(app, sample.approve), { code: 'CONFLICT' });
});
