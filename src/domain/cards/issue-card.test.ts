import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, withPolicy } from '../policy.ts';
import { importLegacyCard, issueCard } from './issue-card.ts';

const policy = defaultPolicy;

describe('issueCard', () => {
  test('a registration card is valid 6 months, up to the same day of the sixth month', () => {
    assert.deepEqual(issueCard('registration_card', '2021-01-15', policy), {
      kind: 'registration_card',
      source: 'electronic',
      storedStatus: 'active',
      version: 1,
      issuedOn: '2021-01-15',
      validUntil: '2021-07-15',
      endorsementDueOn: null,
      residenceCountFrom: '2021-01-15',
    });
  });

  test('a registration card issued on a day the sixth month lacks ends on that month’s last day', () => {
    assert.equal(issueCard('registration_card', '2021-08-31', policy).validUntil, '2022-02-28');
    assert.equal(issueCard('registration_card', '2023-08-31', policy).validUntil, '2024-02-29');
  });

  test('the validity follows the policy', () => {
    const p = withPolicy({ registrationCardValidityMonths: 12 });
    assert.equal(issueCard('registration_card', '2021-01-15', p).validUntil, '2022-01-15');
  });

  test('a residence permit is open-ended, its first endorsement due on the first anniversary', () => {
    const card = issueCard('residence_permit', '2021-03-10', policy);
    assert.equal(card.validUntil, null);
    assert.equal(card.endorsementDueOn, '2022-03-10');
    assert.equal(card.version, 1);
    assert.equal(card.residenceCountFrom, '2021-03-10');
  });

  test('continuous residence may have started before the permit, never after', () => {
    assert.equal(
      issueCard('residence_permit', '2021-03-10', policy, '2020-09-01').residenceCountFrom,
      '2020-09-01',
    );
    assert.equal(
      issueCard('residence_permit', '2021-03-10', policy, '2021-03-10').residenceCountFrom,
      '2021-03-10',
    );
    assert.throws(() => issueCard('residence_permit', '2021-03-10', policy, '2021-03-11'), {
      code: 'VALIDATION_FAILED',
      params: { field: 'residenceCountFrom' },
    });
  });

  test('no electronic card before the e-permit started, and no malformed date', () => {
    assert.equal(issueCard('registration_card', '2020-11-20', policy).issuedOn, '2020-11-20');
    assert.throws(() => issueCard('registration_card', '2020-11-19', policy), {
      code: 'VALIDATION_FAILED',
      params: { field: 'issuedOn' },
    });
    assert.throws(() => issueCard('residence_permit', '2021-02-30', policy), { code: 'VALIDATION_FAILED' });
  });
});

describe('importLegacyCard', () => {
  test('a physical card keeps its printed expiry and has no endorsement cycle', () => {
    assert.deepEqual(importLegacyCard('residence_permit', '2019-05-01', '2021-05-01', policy), {
      kind: 'residence_permit',
      source: 'legacy',
      storedStatus: 'active',
      version: 1,
      issuedOn: '2019-05-01',
      validUntil: '2021-05-01',
      endorsementDueOn: null,
      residenceCountFrom: '2019-05-01',
    });
  });

  test('only cards issued from 2016 until online issuance became the rule', () => {
    assert.equal(importLegacyCard('registration_card', '2016-01-01', '2016-07-01', policy).source, 'legacy');
    assert.equal(importLegacyCard('registration_card', '2020-12-31', '2021-06-30', policy).source, 'legacy');
    for (const issuedOn of ['2015-12-31', '2021-01-01']) {
      assert.throws(() => importLegacyCard('registration_card', issuedOn, '2021-12-31', policy), {
        code: 'VALIDATION_FAILED',
        params: { field: 'issuedOn' },
      });
    }
  });

  test('an expiry before the issue date is refused', () => {
    assert.throws(() => importLegacyCard('residence_permit', '2019-05-01', '2019-04-30', policy), {
      code: 'VALIDATION_FAILED',
      params: { field: 'validUntil' },
    });
  });
});
