// Proxy applications (R13; Art. 9: "未满16周岁的未成年人和行动不便的老年人、残疾人等，可以由其监护人、
// 近亲属代为申领居住证"): a guardian or close relative applies in person for the ward, and the clerk
// records each document as checked.
import { isIsoDate } from '../beijing-date.ts';
import type { IsoDate } from '../beijing-date.ts';
import { AppError } from '../errors.ts';
import { ageOn } from '../identity/age.ts';
import type { Policy } from '../policy.ts';

export type ProxyReason = 'minor' | 'elderly' | 'disability';
export const proxyReasons: readonly ProxyReason[] = ['minor', 'elderly', 'disability'];

export type ProxyDocument = 'agent_id' | 'proof_of_relationship' | 'power_of_attorney';
export const proxyDocuments: readonly ProxyDocument[] = [
  'agent_id',
  'proof_of_relationship',
  'power_of_attorney',
];

/**
 * The agent's relation to the ward. `other_relative` covers the other close relatives of Civil Code
 * Art. 1045 (grandchildren, maternal grandparents…), established by the proof of relationship.
 */
export type Relation =
  'parent' | 'guardian' | 'spouse' | 'child' | 'sibling' | 'grandparent' | 'other_relative';
export const relations: readonly Relation[] = [
  'parent',
  'guardian',
  'spouse',
  'child',
  'sibling',
  'grandparent',
  'other_relative',
];

/**
 * The agent's ID, proof of the guardianship or kinship, and a written power of attorney, except for a
 * ward under 16 (whatever the reason: the exception is for the age, as a guardian already represents
 * a minor in law, Civil Code Art. 23).
 */
export function requiredProxyDocuments(
  reason: ProxyReason,
  wardAge: number,
  policy: Policy,
): ProxyDocument[] {
  if (!Number.isInteger(wardAge) || wardAge < 0) {
    throw new AppError('VALIDATION_FAILED', 'wardAge must be a whole number', { field: 'proxy.wardAge' });
  }
  if (!proxyReasons.includes(reason)) {
    throw new AppError('VALIDATION_FAILED', 'unknown proxy reason', { field: 'proxy.reason' });
  }
  const minor = wardAge < policy.proxyMinorAgeUnder;
  return proxyDocuments.filter((d) => d !== 'power_of_attorney' || !minor);
}

function invalid(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field} ${problem}`, { field });
}

/**
 * Checks a proxy application at the window; throws when it cannot be taken:
 * - `minor` must fit the ward's age on `today`: under 16. No age is asked of `elderly`: Art. 9 names
 *   "elderly people with reduced mobility… and the like" (等), and R16 says no one is shut out;
 * - a ward under 16 cannot have a spouse or a child as agent (a slip at the keyboard, not a family);
 * - every required document must be checked by the clerk, or MATERIALS_MISSING lists all that are not
 *   (details `{ missing }`), at once, as Art. 9 asks of missing materials.
 */
export function checkProxy(
  input: {
    reason: ProxyReason;
    wardBirthDate: IsoDate;
    today: IsoDate;
    relation: Relation;
    documentsChecked: readonly ProxyDocument[];
  },
  policy: Policy,
): void {
  const { reason, wardBirthDate, today, relation, documentsChecked } = input;
  if (!isIsoDate(today)) throw invalid('today', 'must be a date');
  if (!isIsoDate(wardBirthDate) || wardBirthDate > today) {
    throw invalid('proxy.wardBirthDate', 'must be a date not after today');
  }
  if (!relations.includes(relation)) throw invalid('proxy.relation', 'is not a guardian or close relative');
  const age = ageOn(wardBirthDate, today);
  const minor = age < policy.proxyMinorAgeUnder;
  if (reason === 'minor' && !minor)
    throw invalid('proxy.reason', `minor applies only under ${policy.proxyMinorAgeUnder}`);
  if (minor && (relation === 'spouse' || relation === 'child')) {
    throw invalid('proxy.relation', `cannot be ${relation} of a ward under ${policy.proxyMinorAgeUnder}`);
  }
  const missing = requiredProxyDocuments(reason, age, policy).filter((d) => !documentsChecked.includes(d));
  if (missing.length > 0) {
    throw new AppError(
      'MATERIALS_MISSING',
      `not checked: ${missing.join(', ')}`,
      { missing: missing.join(', ') },
      {
        missing,
      },
    );
  }
}
