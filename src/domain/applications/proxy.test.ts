import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy } from '../policy.ts';
import { checkProxy, requiredProxyDocuments } from './proxy.ts';
import type { ProxyDocument } from './proxy.ts';

const policy = defaultPolicy;
const all: ProxyDocument[] = ['agent_id', 'proof_of_relationship', 'power_of_attorney'];

describe('requiredProxyDocuments', () => {
  test('a minor of 15 needs no power of attorney', () => {
    assert.deepEqual(requiredProxyDocuments('minor', 15, policy), ['agent_id', 'proof_of_relationship']);
  });

  test('from 16 a power of attorney is needed', () => {
    assert.deepEqual(requiredProxyDocuments('disability', 16, policy), all);
  });

  test('the exception is for the age, whatever the reason', () => {
    assert.deepEqual(requiredProxyDocuments('disability', 10, policy), ['agent_id', 'proof_of_relationship']);
    assert.deepEqual(requiredProxyDocuments('elderly', 80, policy), all);
  });

  test('a negative or fractional age is refused', () => {
    for (const age of [-1, 15.5]) {
      assert.throws(() => requiredProxyDocuments('minor', age, policy), { code: 'VALIDATION_FAILED' });
    }
  });
});

describe('checkProxy', () => {
  const today = '2025-07-15';
  const base = {
    reason: 'minor' as const,
    wardBirthDate: '2010-07-16', // 14 today, 15 tomorrow
    today,
    relation: 'parent' as const,
    documentsChecked: ['agent_id', 'proof_of_relationship'] as ProxyDocument[],
  };

  test('a parent applying for a child of 15 with ID and proof of relationship is accepted', () => {
    assert.doesNotThrow(() => checkProxy({ ...base, wardBirthDate: '2010-01-01' }, policy));
  });

  test('a ward of 15, the day before the 16th birthday, is still a minor', () => {
    assert.doesNotThrow(() => checkProxy({ ...base, wardBirthDate: '2009-07-16' }, policy));
  });

  test('on the 16th birthday the ward is no longer a minor', () => {
    assert.throws(() => checkProxy({ ...base, wardBirthDate: '2009-07-15' }, policy), {
      code: 'VALIDATION_FAILED',
      params: { field: 'proxy.reason' },
    });
  });

  test('a ward of 16 with a disability needs the power of attorney too', () => {
    const input = { ...base, reason: 'disability' as const, wardBirthDate: '2009-07-15' };
    assert.throws(() => checkProxy(input, policy), {
      code: 'MATERIALS_MISSING',
      params: { missing: 'power_of_attorney' },
      details: { missing: ['power_of_attorney'] },
    });
    assert.doesNotThrow(() => checkProxy({ ...input, documentsChecked: all }, policy));
  });

  test('every unchecked document is listed at once', () => {
    const input = {
      ...base,
      reason: 'elderly' as const,
      wardBirthDate: '1940-03-02',
      relation: 'child' as const,
    };
    assert.throws(() => checkProxy({ ...input, documentsChecked: [] }, policy), {
      code: 'MATERIALS_MISSING',
      details: { missing: all },
    });
    assert.doesNotThrow(() => checkProxy({ ...input, documentsChecked: all }, policy));
  });

  test('any close relative may apply for an elderly ward', () => {
    for (const relation of ['spouse', 'child', 'sibling', 'guardian', 'other_relative'] as const) {
      const input = {
        ...base,
        reason: 'elderly' as const,
        wardBirthDate: '1945-01-01',
        relation,
        documentsChecked: all,
      };
      assert.doesNotThrow(() => checkProxy(input, policy), relation);
    }
  });

  test('a ward under 16 cannot have a spouse or a child as agent', () => {
    for (const relation of ['spouse', 'child'] as const) {
      assert.throws(() => checkProxy({ ...base, relation }, policy), {
        code: 'VALIDATION_FAILED',
        params: { field: 'proxy.relation' },
      });
    }
  });

  test('a birth date after today, or not a date, is refused', () => {
    for (const wardBirthDate of ['2025-07-16', '2010-13-01']) {
      assert.throws(() => checkProxy({ ...base, wardBirthDate }, policy), {
        code: 'VALIDATION_FAILED',
        params: { field: 'proxy.wardBirthDate' },
      });
    }
  });
});
