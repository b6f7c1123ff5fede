import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, withPolicy } from '../policy.ts';
import { checkPermitEligibility } from './eligibility.ts';
import type { EligibilityInput } from './eligibility.ts';

const policy = defaultPolicy;
const check = (input: Partial<EligibilityInput>) =>
  checkPermitEligibility(
    { today: '2025-07-15', registrationCards: [], basis: 'employment', ...input },
    policy,
  );

describe('checkPermitEligibility: registration card held', () => {
  test('a card issued exactly 6 months ago is enough', () => {
    assert.deepEqual(check({ registrationCards: [{ issuedOn: '2025-01-15', status: 'valid' }] }), {
      route: 'registration_card_held',
      since: '2025-01-15',
    });
  });

  test('a card issued one day less than 6 months ago is not', () => {
    assert.throws(() => check({ registrationCards: [{ issuedOn: '2025-01-16', status: 'valid' }] }), {
      code: 'NOT_ELIGIBLE',
      params: { reason: 'residence_too_short', eligibleOn: '2025-07-16' },
    });
  });

  test('month ends clamp: a card of 31 August qualifies on the last day of February', () => {
    const cards = [{ issuedOn: '2024-08-31', status: 'valid' as const }];
    assert.equal(check({ today: '2025-02-28', registrationCards: cards }).route, 'registration_card_held');
    assert.throws(() => check({ today: '2025-02-27', registrationCards: cards }), { code: 'NOT_ELIGIBLE' });
  });

  test('an expired or superseded card still proves residence held', () => {
    for (const status of ['expired', 'superseded', 'suspended'] as const) {
      assert.equal(
        check({ registrationCards: [{ issuedOn: '2024-01-01', status }] }).route,
        'registration_card_held',
      );
    }
  });

  test('a revoked card proves nothing', () => {
    assert.throws(() => check({ registrationCards: [{ issuedOn: '2024-01-01', status: 'revoked' }] }), {
      code: 'NOT_ELIGIBLE',
      params: { reason: 'residence_too_short' },
    });
  });

  test('with several cards, the earliest that counts gives the date', () => {
    const result = check({
      registrationCards: [
        { issuedOn: '2025-03-01', status: 'valid' },
        { issuedOn: '2023-02-01', status: 'revoked' },
        { issuedOn: '2024-09-01', status: 'superseded' },
      ],
    });
    assert.deepEqual(result, { route: 'registration_card_held', since: '2024-09-01' });
  });

  test('the months follow the policy', () => {
    const p = withPolicy({ eligibilityMonths: 12 });
    const input = {
      today: '2025-07-15',
      registrationCards: [{ issuedOn: '2025-01-15', status: 'valid' as const }],
    };
    assert.throws(() => checkPermitEligibility({ ...input, basis: 'study' }, p), { code: 'NOT_ELIGIBLE' });
  });
});

describe('checkPermitEligibility: declared contributions', () => {
  test('6 declared months are enough, for the officer to check', () => {
    assert.deepEqual(check({ declaredContributionMonths: 6 }), {
      route: 'declared_contributions',
      months: 6,
      officerMustCheck: true,
    });
  });

  test('5 are not', () => {
    assert.throws(() => check({ declaredContributionMonths: 5 }), {
      code: 'NOT_ELIGIBLE',
      params: { reason: 'residence_too_short' },
    });
  });

  test('a card held long enough is preferred: it needs no check', () => {
    const result = check({
      declaredContributionMonths: 24,
      registrationCards: [{ issuedOn: '2024-12-01', status: 'expired' }],
    });
    assert.equal(result.route, 'registration_card_held');
  });

  test('a young card and enough contributions: the contributions route', () => {
    const result = check({
      declaredContributionMonths: 7,
      registrationCards: [{ issuedOn: '2025-06-01', status: 'valid' }],
    });
    assert.equal(result.route, 'declared_contributions');
  });

  test('a negative or fractional number of months is refused', () => {
    for (const m of [-1, 6.5]) {
      assert.throws(() => check({ declaredContributionMonths: m }), {
        code: 'VALIDATION_FAILED',
        params: { field: 'declaredContributionMonths' },
      });
    }
  });
});

describe('checkPermitEligibility: basis', () => {
  test('no basis is not eligible, however long the residence', () => {
    assert.throws(
      () =>
        checkPermitEligibility(
          { today: '2025-07-15', registrationCards: [{ issuedOn: '2020-01-01', status: 'valid' }] },
          policy,
        ),
      { code: 'NOT_ELIGIBLE', params: { reason: 'basis_missing' } },
    );
  });

  test('each basis is accepted', () => {
    for (const basis of ['employment', 'residence', 'study'] as const) {
      assert.equal(check({ basis, declaredContributionMonths: 6 }).route, 'declared_contributions');
    }
  });

  test('with neither a card nor contributions, no eligibility date is promised', () => {
    assert.throws(
      () => check({}),
      (e: unknown) => {
        assert.deepEqual((e as { params: unknown }).params, { reason: 'residence_too_short' });
        return true;
      },
    );
  });
});
