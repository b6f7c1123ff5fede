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
const registration = issueCard('registration_card', '2021-01-15', policy);
const permit = issueCard('residence_permit', '2021-01-15', policy, '2020-07-01');

describe('revokeCard and supersedeCard', () => {
  test('end an active card', () => {
    assert.equal(revokeCard(permit).storedStatus, 'revoked');
    assert.equal(supersedeCard(permit).storedStatus, 'superseded');
    assert.equal(permit.storedStatus, 'active');
  });

  test('an expired or suspended card can still be revoked: it is stored active', () => {
    assert.equal(revokeCard(registration).storedStatus, 'revoked');
    assert.equal(effectiveStatus(revokeCard(permit), '2030-01-01', policy), 'revoked');
  });

  for (const stored of ['revoked', 'superseded'] as const) {
    test(`a ${stored} card can be neither revoked nor superseded`, () => {
      const card = { ...permit, storedStatus: stored };
      assert.throws(() => revokeCard(card), {
        code: 'INVALID_TRANSITION',
        params: { from: stored, event: 'revoke' },
      });
      assert.throws(() => supersedeCard(card), {
        code: 'INVALID_TRANSITION',
        params: { from: stored, event: 'supersede' },
      });
    });
  }
});

describe('nextVersion', () => {
  test('a changed registration card is version 2 and still lapses on the original day', () => {
    const v2 = nextVersion(registration, '2021-03-01', policy);
    assert.deepEqual(v2, { ...registration, version: 2, issuedOn: '2021-03-01' });
    assert.equal(effectiveStatus(v2, '2021-07-16', policy), 'expired');
  });

  test('a replaced permit keeps its endorsement cycle and its residence count', () => {
    const endorsed = endorseCard(permit, '2022-01-10', policy);
    const v2 = nextVersion(endorsed, '2022-05-20', policy);
    assert.equal(v2.version, 2);
    assert.equal(v2.issuedOn, '2022-05-20');
    assert.equal(v2.endorsementDueOn, '2023-01-15');
    assert.equal(v2.residenceCountFrom, '2020-07-01');
    assert.equal(nextVersion(v2, '2022-06-01', policy).version, 3);
  });

  test('a suspended permit can be changed but stays suspended until endorsed', () => {
    const v2 = nextVersion(permit, '2022-03-01', policy);
    assert.equal(effectiveStatus(v2, '2022-03-01', policy), 'suspended');
  });

  test('a legacy card’s next version is electronic, with the printed expiry', () => {
    const legacy = importLegacyCard('registration_card', '2020-10-01', '2021-04-01', policy);
    const v2 = nextVersion(legacy, '2021-02-01', policy);
    assert.equal(v2.source, 'electronic');
    assert.equal(v2.validUntil, '2021-04-01');
    assert.equal(v2.version, 2);
  });

  test('an expired card has no next version, even on the day after its last', () => {
    assert.equal(nextVersion(registration, '2021-07-15', policy).version, 2);
    assert.throws(() => nextVersion(registration, '2021-07-16', policy), {
      code: 'INVALID_TRANSITION',
      params: { from: 'expired', event: 'new_version' },
    });
  });

  test('a revoked or superseded card has no next version', () => {
    assert.throws(() => nextVersion(revokeCard(permit), '2021-03-01', policy), {
      code: 'INVALID_TRANSITION',
      params: { from: 'revoked', event: 'new_version' },
    });
    assert.throws(() => nextVersion(supersedeCard(permit), '2021-03-01', policy), {
      code: 'INVALID_TRANSITION',
      params: { from: 'superseded', event: 'new_version' },
    });
  });

  test('a new version cannot predate the current one', () => {
    assert.throws(() => nextVersion(permit, '2021-01-14', policy), {
      code: 'VALIDATION_FAILED',
      params: { field: 'issuedOn' },
    });
  });
});
