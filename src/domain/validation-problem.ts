// A refusal of one field of a request: which field (a path such as `address.districtCode` or
// `materials[0].kind`) and what is wrong with it, as data, so the edge can say it in the reader's
// language (src/i18n/validation-messages.ts) and name the field in the answer.
import { AppError } from './errors.ts';

/**
 * Refusals a service makes by a rule of its own (not a schema keyword), each with its text in the
 * three languages (src/i18n/validation-messages.ts): a rule without its text does not compile.
 */
export const validationRules = [
  'password_weak',
  'admin_has_no_station',
  'station_member_needs_station',
  'own_account',
  'period_out_of_range',
  'material_not_needed',
  'agent_is_applicant',
] as const;
export type ValidationRule = (typeof validationRules)[number];

export type ValidationProblem =
  | {
      field: string;
      keyword: 'rule';
      rule: ValidationRule;
      /** Values the text names: limits, codes of materials (worded in the reader's language). */
      values?: Readonly<Record<string, string | number>>;
    }
  | {
      field: string;
      keyword: 'required' | 'additionalProperties' | 'pattern' | 'invalid' | 'unstorable';
    }
  | { field: string; keyword: 'type'; types: string[] }
  | { field: string; keyword: 'format'; format: string }
  | { field: string; keyword: 'oneOf'; values: string[] }
  | {
      field: string;
      keyword: 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems';
      limit: number;
    };

/** VALIDATION_FAILED naming the field; the message is worded when the answer's language is known. */
export class FieldError extends AppError {
  readonly problem: ValidationProblem;

  constructor(problem: ValidationProblem) {
    super(
      'VALIDATION_FAILED',
      `${problem.field}: ${problem.keyword}`,
      { field: problem.field },
      {
        fields: [problem.field],
      },
    );
    this.name = 'FieldError';
    this.problem = problem;
  }
}
