// Every number and date of the permits' rules is policy configuration (DESIGN §2): an administrator
// may change them, so nothing else in the domain hard-codes them. The defaults follow the State
// Council Interim Regulations on Residence Permits (2016) and Beijing's implementing measures.
import { isIsoDate } from './beijing-date.ts';
import type { IsoDate } from './beijing-date.ts';
import { AppError } from './errors.ts';

export interface Policy {
  /** Working days from acceptance to issue (R4; the national ceiling, Art. 13, is 15 days). */
  reviewWorkingDays: number;
  /** A registration card is valid this many months from its issue date (Beijing measures). */
  registrationCardValidityMonths: number;
  /** The yearly endorsement opens this many months before the anniversary (Art. 10). */
  endorsementOpensMonthsBefore: number;
  /** …and closes this many months after it; later, the permit's use is suspended. */
  endorsementClosesMonthsAfter: number;
  /** Months of residence needed for a permit: registration card held, or social insurance / tax (Art. 2). */
  eligibilityMonths: number;
  /** A ward younger than this needs no power of attorney (Art. 9, R13). */
  proxyMinorAgeUnder: number;
  /** E-permits start (R11). */
  transitionStart: IsoDate;
  /** Last day of the transition period (R11). */
  transitionEnd: IsoDate;
  /** From this day online application and issuance are the rule (R11). */
  onlineRuleFrom: IsoDate;
  /** Physical cards issued from this day on are imported and shown electronically (R10). */
  legacyCardsIssuedFrom: IsoDate;
  /**
   * Hours a clerk's identity binding code stays usable: long enough to reach a phone after a visit
   * to the window, short enough that a lost slip of paper is soon worth nothing.
   */
  identityBindingCodeHours: number;
  /**
   * Megabytes of uploaded materials one resident's applications may hold at once, counting withdrawn
   * and rejected applications' files until their retention ends (issue 9, finding 9).
   */
  materialsQuotaMb: number;
  /** Days a withdrawn application's files are kept before they are deleted. */
  withdrawnMaterialsRetentionDays: number;
  /**
   * Days a rejected application's files are kept: the six months in which the decision may be taken
   * to court (Administrative Litigation Law Art. 46) cover the 60 days of reconsideration too.
   */
  rejectedMaterialsRetentionDays: number;
}

/** Where the policy in force came from: JUZHU_POLICY_FILE (if any) and the settings it gave. */
export interface PolicySource {
  file: string | null;
  settings: string[];
}

export const defaultPolicy: Readonly<Policy> = Object.freeze({
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
});

type NumberField = {
  [K in keyof Policy]: Policy[K] extends number ? K : never;
}[keyof Policy];

// Upper bounds catch a slip of the keyboard, and keep the rules coherent: no more than the 15 days of
// Art. 13; a minor is under 18 (Civil Code Art. 17).
const numberBounds: Record<NumberField, readonly [min: number, max: number]> = {
  reviewWorkingDays: [1, 15],
  registrationCardValidityMonths: [1, 120],
  endorsementOpensMonthsBefore: [1, 6],
  endorsementClosesMonthsAfter: [1, 6],
  eligibilityMonths: [1, 120],
  proxyMinorAgeUnder: [1, 18],
  identityBindingCodeHours: [1, 720],
  materialsQuotaMb: [10, 1024],
  withdrawnMaterialsRetentionDays: [1, 3650],
  rejectedMaterialsRetentionDays: [1, 3650],
};

const dateFields = ['legacyCardsIssuedFrom', 'transitionStart', 'transitionEnd', 'onlineRuleFrom'] as const;

export interface PolicyIssue {
  field: string;
  problem: string;
}

function policyIssues(p: Record<string, unknown>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (const key of Object.keys(p)) {
    if (!(key in defaultPolicy)) issues.push({ field: key, problem: 'unknown setting' });
  }
  for (const [field, [min, max]] of Object.entries(numberBounds)) {
    const v = p[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issues.push({ field, problem: `must be a whole number from ${min} to ${max}` });
    }
  }
  for (const field of dateFields) {
    const v = p[field];
    if (typeof v !== 'string' || !isIsoDate(v)) issues.push({ field, problem: 'must be a date YYYY-MM-DD' });
  }
  if (issues.length > 0) return issues;
  // Two consecutive endorsement windows must not overlap, or one visit would count for two years.
  const opens = p.endorsementOpensMonthsBefore as number;
  const closes = p.endorsementClosesMonthsAfter as number;
  if (opens + closes > 11) {
    issues.push({ field: 'endorsementClosesMonthsAfter', problem: 'the window must be shorter than a year' });
  }
  // Physical cards first, then the transition, then online issuance as the rule (R10, R11).
  const dates = dateFields.map((f) => p[f] as IsoDate);
  for (let i = 1; i < dates.length; i++) {
    const before = dates[i - 1] as IsoDate;
    const after = dates[i] as IsoDate;
    const field = dateFields[i] as string;
    const strict = field === 'onlineRuleFrom';
    if (strict ? after <= before : after < before) {
      issues.push({ field, problem: `must be ${strict ? 'after' : 'on or after'} ${dateFields[i - 1]}` });
    }
  }
  return issues;
}

/** The default policy with some settings changed; every setting of the result is checked. */
export function withPolicy(overrides: Partial<Policy>): Policy {
  // An override left undefined keeps the default, as an absent one does.
  const given = Object.entries(overrides).filter(([, v]) => v !== undefined);
  const merged: Record<string, unknown> = { ...defaultPolicy, ...Object.fromEntries(given) };
  const issues = policyIssues(merged);
  const first = issues[0];
  if (first) {
    throw new AppError(
      'VALIDATION_FAILED',
      `policy: ${first.field} ${first.problem}`,
      { field: first.field },
      { issues },
    );
  }
  // Safe: policyIssues checked every field's type, and that no other field is present.
  return merged as unknown as Policy;
}
