import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy } from '../policy.ts';
import { effectiveStatus } from './effective-status.ts';
import { endorseCard } from './endorse-card.ts';
import { importLegacyCard, issueCard } from './issue-card.ts';
import { nextVersion } from './next-version.ts';
import { revokeCard } from './revoke-card.ts';
import { supersedeCard } from './supersede-card.ts';

const policy = defaultPolicy;
// Issued 2021-01-15: window 2021-12-15 … 2022-01-15 … 2022-02-15.
const permit = issueCard('residence_permit', '2021-01-15', policy, '2020-07-01');

describe('endorseCard on time', () => {
  test('on the day the window opens, the next one is due a year after this anniversary', () => {
    const endorsed = endorseCard(permit, '2021-12-15', policy);
    assert.equal(endorsed.endorsementDueOn, '2023-01-15');
    assert.equal(endorsed.residenceCountFrom, '2020-07-01');
    assert.equal(endorsed.version, 1);
    assert.equal(endorsed.storedStatus, 'active');
  });

  test('on the window’s last day, the anniversary is still kept', () => {
    const endorsed = endorseCard(permit, '2022-02-15', policy);
    assert.equal(endorsed.endorsementDueOn, '2023-01-15');
    assert.equal(endorsed.residenceCountFrom, '2020-07-01');
    assert.equal(effectiveStatus(endorsed, '2022-02-16', policy), 'valid');
  });

  test('year after year on time, the cycle stays on the issue anniversary', () => {
    let card = permit;
    for (const today of ['2022-01-10', '2023-02-14', '2023-12-20']) card = endorseCard(card, today, policy);
    assert.equal(card.endorsementDueOn, '2025-01-15');
    assert.equal(card.residenceCountFrom, '2020-07-01');
  });

  test('leaves the card it was given unchanged', () => {
    const before = structuredClone(permit);
    endorseCard(permit, '2022-01-15', policy);
    assert.deepEqual(permit, before);
  });
});

describe('endorseCard early', () => {
  test('the day before the window opens is refused with the opening date', () => {
    assert.throws(() => endorseCard(permit, '2021-12-14', policy), {
      code: 'ENDORSEMENT_NOT_OPEN',
      params: { opensOn: '2021-12-15' },
    });
  });

  test('a second endorsement in the same window is refused until next year’s opens', () => {
    const endorsed = endorseCard(permit, '2022-01-05', policy);
    assert.throws(() => endorseCard(endorsed, '2022-01-06', policy), {
      code: 'ENDORSEMENT_NOT_OPEN',
      params: { opensOn: '2022-12-15' },
    });
  });
});

describe('endorseCard late (Art. 10)', () => {
  test('restores a suspended permit; the cycle and the residence count restart from that day', () => {
    assert.equal(effectiveStatus(permit, '2022-02-16', policy), 'suspended');
    const endorsed = endorseCard(permit, '2022-02-16', policy);
    assert.equal(effectiveStatus(endorsed, '2022-02-16', policy), 'valid');
    assert.equal(endorsed.endorsementDueOn, '2023-02-16');
    assert.equal(endorsed.residenceCountFrom, '2022-02-16');
  });

  test('years late, the same', () => {
    const endorsed = endorseCard(permit, '2024-08-31', policy);
    assert.equal(endorsed.endorsementDueOn, '2025-08-31');
    assert.equal(endorsed.residenceCountFrom, '2024-08-31');
    assert.equal(effectiveStatus(endorsed, '2025-09-30', policy), 'valid');
    assert.equal(effectiveStatus(endorsed, '2025-10-01', policy), 'suspended');
  });
});

describe('endorseCard refusals', () => {
  const refused: [string, Parameters<typeof endorseCard>[0], string][] = [
    ['a registration card', issueCard('registration_card', '2021-01-15', policy), 'registration_card'],
    ['a revoked permit', revokeCard(permit), 'revoked'],
    ['a superseded permit', supersedeCard(permit), 'superseded'],
    ['a legacy permit', importLegacyCard('residence_permit', '2020-01-15', '2022-01-15', policy), 'legacy'],
  ];
  for (const [what, card, from] of refused) {
    test(`${what} cannot be endorsed`, () => {
      assert.throws(() => endorseCard(card, '2022-01-15', policy), {
        code: 'INVALID_TRANSITION',
        params: { from, event: 'endorse' },
      });
    });
  }

  test('a new version of a permit is endorsed on the same cycle', () => {
    const changed = nextVersion(permit, '2021-06-01', policy);
    assert.equal(endorseCard(changed, '2022-01-15', policy).endorsementDueOn, '2023-01-15');
  });
});
