import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationStatuses, isOpen, isOverdue, submitApplication } from './application.ts';
import type { Application, ApplicationStatus } from './application.ts';

describe('submitApplication', () => {
  test('starts submitted, with nothing missing and no reason', () => {
    assert.deepEqual(submitApplication('registration_card', '2025-09-29', '2025-10-15'), {
      type: 'registration_card',
      status: 'submitted',
      acceptedOn: '2025-09-29',
      dueBy: '2025-10-15',
      missing: [],
      reason: null,
    });
  });

  test('refuses a due date before the acceptance, and malformed dates', () => {
    assert.throws(() => submitApplication('change', '2025-09-29', '2025-09-28'), {
      code: 'VALIDATION_FAILED',
      params: { field: 'dueBy' },
    });
    assert.throws(() => submitApplication('change', '29/09/2025', '2025-10-15'), {
      code: 'VALIDATION_FAILED',
      params: { field: 'acceptedOn' },
    });
  });
});

test('open means no decision yet, whoever has to act', () => {
  const open: Record<ApplicationStatus, boolean> = {
    submitted: true,
    needs_materials: true,
    resubmitted: true,
    approved: false,
    rejected: false,
    withdrawn: false,
    issued: false,
  };
  for (const status of applicationStatuses) assert.equal(isOpen(status), open[status], status);
});

describe('isOverdue', () => {
  const app = (status: ApplicationStatus): Application => ({
    ...submitApplication('residence_permit', '2025-09-29', '2025-10-15'),
    status,
  });

  test('not on the due day itself, from the day after', () => {
    assert.equal(isOverdue(app('submitted'), '2025-10-15'), false);
    assert.equal(isOverdue(app('submitted'), '2025-10-16'), true);
    assert.equal(isOverdue(app('resubmitted'), '2025-10-16'), true);
  });

  test('an approved application not yet issued is overdue too: the limit is for issuing (R4)', () => {
    assert.equal(isOverdue(app('approved'), '2025-10-16'), true);
  });

  test('not while the applicant gathers missing materials: the clock is stopped', () => {
    assert.equal(isOverdue(app('needs_materials'), '2026-01-01'), false);
  });

  test('never once finished', () => {
    for (const status of ['rejected', 'withdrawn', 'issued'] as const) {
      assert.equal(isOverdue(app(status), '2026-01-01'), false, status);
    }
  });
});
