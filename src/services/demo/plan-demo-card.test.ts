// Every day from before the e-permit start to years after it, each demo card the planner gives is
// one that could exist that day and is in the wanted state (or the documented stand-in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../domain/beijing-date.ts';
import { effectiveStatus, importLegacyCard, issueCard } from '../../domain/cards/index.ts';
import { defaultPolicy } from '../../domain/policy.ts';
import { demoResidents } from './demo-data.ts';
import { planDemoCard } from './plan-demo-card.ts';

const policy = defaultPolicy;
const holdings = demoResidents.flatMap((r) => r.holds);

test('from 2020-06-01 to 2027-12-31 every planned card can exist that day and is in its state', () => {
  for (let today = '2020-06-01'; today <= '2027-12-31'; today = addDays(today, 1)) {
    for (const { kind, state } of holdings) {
      const plan = planDemoCard(kind, state, today, policy);
      if (!plan) continue;
      assert.ok(plan.issuedOn <= today, `${today} ${state}: issued in the future`);
      const card =
        plan.source === 'legacy'
          ? importLegacyCard(kind, plan.issuedOn, plan.validUntil, policy)
          : issueCard(kind, plan.issuedOn, policy); // throws before the e-permit start
      const status = effectiveStatus(card, today, policy);
      const wanted = state === 'legacy' || state === 'superseded' || state === 'revoked' ? 'valid' : state;
      assert.equal(status, wanted, `${today} ${kind} ${state}`);
      if (plan.source === 'electronic' && plan.secondVersionOn) assert.ok(plan.secondVersionOn <= today);
    }
  }
});

test('before the e-permit start nothing electronic is planned; from it on a valid card always is', () => {
  for (const { kind, state } of holdings) {
    assert.notEqual(planDemoCard(kind, state, '2020-11-19', policy)?.source, 'electronic', state);
  }
  for (const today of ['2020-11-20', '2021-02-05', '2026-12-01']) {
    assert.equal(planDemoCard('residence_permit', 'valid', today, policy)?.source, 'electronic', today);
  }
});

test('a suspended permit needs 13 months behind the start; an expired card is a lapsed physical one before', () => {
  assert.equal(planDemoCard('residence_permit', 'suspended', '2021-02-05', policy), null);
  assert.equal(planDemoCard('residence_permit', 'suspended', '2022-01-20', policy)?.source, 'electronic');
  assert.equal(planDemoCard('registration_card', 'expired', '2021-02-05', policy)?.source, 'legacy');
  assert.equal(planDemoCard('registration_card', 'expired', '2021-06-21', policy)?.source, 'electronic');
});
