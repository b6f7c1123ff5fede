import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, withPolicy } from '../policy.ts';
import { isDisplayable } from './card.ts';
import type { Card, CardStatus } from './card.ts';
import { effectiveStatus, validityDate } from './effective-status.ts';
import { endorsementWindow } from './endorsement-window.ts';
import { importLegacyCard, issueCard } from './issue-card.ts';

const policy = defaultPolicy;
const registration = issueCard('registration_card', '2021-01-15', policy);
const permit = issueCard('residence_permit', '2021-01-15', policy);
const legacy = importLegacyCard('residence_permit', '2019-05-01', '2021-05-01', policy);

describe('effectiveStatus', () => {
  test('a registration card is valid on its last day and expired the day after', () => {
    assert.equal(effectiveStatus(registration, '2021-01-15', policy), 'valid');
    assert.equal(effectiveStatus(registration, '2021-07-15', policy), 'valid');
    assert.equal(effectiveStatus(registration, '2021-07-16', policy), 'expired');
  });

  test('a legacy card lapses by itself after its printed expiry date (R10)', () => {
    assert.equal(effectiveStatus(legacy, '2021-05-01', policy), 'valid');
    assert.equal(effectiveStatus(legacy, '2021-05-02', policy), 'expired');
  });

  test('a permit stays valid through its endorsement window and is suspended after it closes', () => {
    assert.equal(effectiveStatus(permit, '2021-12-14', policy), 'valid');
    assert.equal(effectiveStatus(permit, '2022-01-15', policy), 'valid');
    assert.equal(effectiveStatus(permit, '2022-02-15', policy), 'valid');
    assert.equal(effectiveStatus(permit, '2022-02-16', policy), 'suspended');
    assert.equal(effectiveStatus(permit, '2030-01-01', policy), 'suspended');
  });

  test('the window’s length follows the policy', () => {
    const p = withPolicy({ endorsementClosesMonthsAfter: 3 });
    assert.equal(effectiveStatus(permit, '2022-04-15', p), 'valid');
    assert.equal(effectiveStatus(permit, '2022-04-16', p), 'suspended');
  });

  test('revoked and superseded are as stored, whatever the dates', () => {
    for (const card of [registration, permit, legacy]) {
      for (const today of ['2021-02-01', '2030-01-01']) {
        assert.equal(effectiveStatus({ ...card, storedStatus: 'revoked' }, today, policy), 'revoked');
        assert.equal(effectiveStatus({ ...card, storedStatus: 'superseded' }, today, policy), 'superseded');
      }
    }
  });
});

describe('endorsementWindow', () => {
  test('runs from a month before the anniversary to a month after, both days included', () => {
    assert.deepEqual(endorsementWindow(permit, policy), {
      opensOn: '2021-12-15',
      dueOn: '2022-01-15',
      closesOn: '2022-02-15',
    });
  });

  test('clamps to the month’s end when the day is missing', () => {
    const card: Card = { ...permit, endorsementDueOn: '2022-03-31' };
    assert.deepEqual(endorsementWindow(card, policy), {
      opensOn: '2022-02-28',
      dueOn: '2022-03-31',
      closesOn: '2022-04-30',
    });
  });

  test('none for a registration card or a legacy permit', () => {
    assert.equal(endorsementWindow(registration, policy), null);
    assert.equal(endorsementWindow(legacy, policy), null);
  });
});

describe('validityDate', () => {
  test('is the last valid day of a card that lapses', () => {
    assert.equal(validityDate(registration, policy), '2021-07-15');
    assert.equal(validityDate(legacy, policy), '2021-05-01');
  });

  test('is the close of the endorsement window for a permit', () => {
    assert.equal(validityDate(permit, policy), '2022-02-15');
  });

  test('a row with neither is an internal error, not a guess', () => {
    assert.throws(() => validityDate({ ...permit, endorsementDueOn: null }, policy), { code: 'INTERNAL' });
  });
});

test('only valid and suspended cards are displayable', () => {
  const shown: Record<CardStatus, boolean> = {
    valid: true,
    suspended: true,
    expired: false,
    revoked: false,
    superseded: false,
  };
  for (const [status, expected] of Object.entries(shown)) {
    assert.equal(isDisplayable(status as CardStatus), expected, status);
  }
});
