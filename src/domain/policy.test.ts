import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from './errors.ts';
import { defaultPolicy, withPolicy } from './policy.ts';
import type { Policy } from './policy.ts';

describe('default policy', () => {
  test('carries the numbers and dates of DESIGN §2 and R11', () => {
    assert.deepEqual(
      { ...defaultPolicy },
      {
        reviewWorkingDays: 8,
        registrationCardValidityMonths: 6,
        endorsementOpensMonthsBefore: 1,
        endorsementClosesMonthsAfter: 1,
        eligibilityMonths: 6,
        proxyMinorAgeUnder: 16,
        transitionStart: '2020-11-20',
        transitionEnd: '2020-12-31',
        onlineRuleFrom: '2021-01-01',
        legacyCardsIssuedFrom: '2016-01-01',
        identityBindingCodeHours: 72,
        materialsQuotaMb: 100,
        withdrawnMaterialsRetentionDays: 30,
        rejectedMaterialsRetentionDays: 183,
      },
    );
  });

  test('cannot be changed in place by a careless caller', () => {
    assert.throws(() => {
      (defaultPolicy as Policy).reviewWorkingDays = 20;
    }, TypeError);
    assert.equal(defaultPolicy.reviewWorkingDays, 8);
  });
});

describe('withPolicy', () => {
  test('with no overrides is the default policy, as a new object', () => {
    const p = withPolicy({});
    assert.deepEqual(p, { ...defaultPolicy });
    assert.notEqual(p, defaultPolicy);
  });

  test('changes only what is given; an undefined override keeps the default', () => {
    const p = withPolicy({
      reviewWorkingDays: 5,
      eligibilityMonths: undefined,
      onlineRuleFrom: '2021-02-01',
    });
    assert.equal(p.reviewWorkingDays, 5);
    assert.equal(p.eligibilityMonths, 6);
    assert.equal(p.onlineRuleFrom, '2021-02-01');
  });

  const rejected: [string, Record<string, unknown>, string][] = [
    ['zero working days', { reviewWorkingDays: 0 }, 'reviewWorkingDays'],
    ['more working days than the national 15-day ceiling', { reviewWorkingDays: 16 }, 'reviewWorkingDays'],
    ['a fraction of a month', { registrationCardValidityMonths: 6.5 }, 'registrationCardValidityMonths'],
    ['a negative number', { eligibilityMonths: -6 }, 'eligibilityMonths'],
    ['a number as text', { proxyMinorAgeUnder: '16' }, 'proxyMinorAgeUnder'],
    ['a minor age over 18', { proxyMinorAgeUnder: 19 }, 'proxyMinorAgeUnder'],
    ['NaN', { endorsementOpensMonthsBefore: Number.NaN }, 'endorsementOpensMonthsBefore'],
    [
      'an endorsement window of a year',
      { endorsementOpensMonthsBefore: 6, endorsementClosesMonthsAfter: 6 },
      'endorsementClosesMonthsAfter',
    ],
    ['an impossible date', { transitionStart: '2020-11-31' }, 'transitionStart'],
    ['a date with a time', { transitionEnd: '2020-12-31T00:00' }, 'transitionEnd'],
    ['a transition ending before it starts', { transitionEnd: '2020-11-19' }, 'transitionEnd'],
    ['online rule on the last day of the transition', { onlineRuleFrom: '2020-12-31' }, 'onlineRuleFrom'],
    [
      'legacy cards from after the transition started',
      { legacyCardsIssuedFrom: '2020-11-21' },
      'transitionStart',
    ],
    ['an unknown setting', { reviewDays: 8 }, 'reviewDays'],
  ];
  for (const [what, overrides, field] of rejected) {
    test(`refuses ${what}, naming the setting`, () => {
      assert.throws(() => withPolicy(overrides), {
        code: 'VALIDATION_FAILED',
        params: { field },
      });
    });
  }

  test('accepts the edges of each range', () => {
    const p = withPolicy({
      reviewWorkingDays: 15,
      endorsementOpensMonthsBefore: 6,
      endorsementClosesMonthsAfter: 5,
      proxyMinorAgeUnder: 18,
      transitionStart: '2016-01-01',
      transitionEnd: '2016-01-01',
      onlineRuleFrom: '2016-01-02',
    });
    assert.equal(p.reviewWorkingDays, 15);
  });

  test('lists every problem at once in the details', () => {
    try {
      withPolicy({ reviewWorkingDays: 0, eligibilityMonths: 0, transitionStart: 'soon' });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof AppError);
      const { issues } = e.details as { issues: { field: string }[] };
      assert.deepEqual(issues.map((i) => i.field).sort(), [
        'eligibilityMonths',
        'reviewWorkingDays',
        'transitionStart',
      ]);
    }
  });
});
