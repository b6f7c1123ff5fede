// What is wrong with one field of a request, in the reader's language (issue 9, finding 11): the
// schema validator's own English ("must match pattern ...") never reaches a person. A problem is
// the field's path and one of the schema keywords the routes use; the text is "<field> <reason>",
// which reads naturally after VALIDATION_FAILED's "The request is not valid: ".
import type { ValidationProblem } from '../domain/validation-problem.ts';
import type { Language } from './language.ts';

type Texts = Record<Language, string>;

const reasons: Record<Exclude<ValidationProblem['keyword'], 'type' | 'format'>, Texts> = {
  required: { 'zh-CN': '为必填项', en: 'is required', es: 'es obligatorio' },
  unstorable: {
    'zh-CN': '含有无法保存的字符（NUL 或孤立的代理项）',
    en: 'contains a NUL character or a lone surrogate',
    es: 'contiene un carácter NUL o un sustituto aislado',
  },
  additionalProperties: {
    'zh-CN': '不是本请求接受的字段',
    en: 'is not a field this request takes',
    es: 'no es un campo que admita esta solicitud',
  },
  pattern: { 'zh-CN': '格式不正确', en: 'is not in the expected form', es: 'no tiene el formato esperado' },
  invalid: { 'zh-CN': '不符合要求', en: 'is not valid', es: 'no es válido' },
  oneOf: {
    'zh-CN': '应为以下之一：{values}',
    en: 'must be one of: {values}',
    es: 'debe ser uno de: {values}',
  },
  minLength: {
    'zh-CN': '至少应有{limit}个字符',
    en: 'must be at least {limit} characters long',
    es: 'debe tener al menos {limit} caracteres',
  },
  maxLength: {
    'zh-CN': '最多{limit}个字符',
    en: 'must be at most {limit} characters long',
    es: 'debe tener como máximo {limit} caracteres',
  },
  minimum: { 'zh-CN': '不能小于{limit}', en: 'must be at least {limit}', es: 'debe ser como mínimo {limit}' },
  maximum: { 'zh-CN': '不能大于{limit}', en: 'must be at most {limit}', es: 'debe ser como máximo {limit}' },
  minItems: {
    'zh-CN': '至少应有{limit}项',
    en: 'must have at least {limit} items',
    es: 'debe tener al menos {limit} elementos',
  },
  maxItems: {
    'zh-CN': '最多{limit}项',
    en: 'must have at most {limit} items',
    es: 'debe tener como máximo {limit} elementos',
  },
};

const mustBe: Texts = { 'zh-CN': '应为{what}', en: 'must be {what}', es: 'debe ser {what}' };
const or: Texts = { 'zh-CN': '或', en: ' or ', es: ' o ' };
const listSeparator: Texts = { 'zh-CN': '、', en: ', ', es: ', ' };

const typeNames: Record<string, Texts> = {
  string: { 'zh-CN': '文本', en: 'text', es: 'un texto' },
  integer: { 'zh-CN': '整数', en: 'a whole number', es: 'un número entero' },
  number: { 'zh-CN': '数字', en: 'a number', es: 'un número' },
  boolean: { 'zh-CN': 'true 或 false', en: 'true or false', es: 'true o false' },
  object: { 'zh-CN': '对象', en: 'an object', es: 'un objeto' },
  array: { 'zh-CN': '列表', en: 'a list', es: 'una lista' },
  null: { 'zh-CN': 'null', en: 'null', es: 'null' },
};

const formatNames: Record<string, Texts> = {
  date: { 'zh-CN': '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)', es: 'una fecha (AAAA-MM-DD)' },
  'date-time': {
    'zh-CN': 'ISO 8601 时间',
    en: 'an ISO 8601 time',
    es: 'una hora ISO 8601',
  },
  uuid: { 'zh-CN': 'UUID', en: 'a UUID', es: 'un UUID' },
  uri: { 'zh-CN': '网址', en: 'a URL', es: 'una URL' },
};

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function reason(p: ValidationProblem, lang: Language): string {
  switch (p.keyword) {
    case 'type': {
      const names = p.types.map((t) => typeNames[t]?.[lang] ?? t);
      return fill(mustBe[lang], { what: names.join(or[lang]) });
    }
    case 'format': {
      const name = formatNames[p.format]?.[lang];
      return name ? fill(mustBe[lang], { what: name }) : reasons.pattern[lang];
    }
    case 'oneOf':
      return fill(reasons.oneOf[lang], { values: p.values.join(listSeparator[lang]) });
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return fill(reasons[p.keyword][lang], { limit: String(p.limit) });
    default:
      return reasons[p.keyword][lang];
  }
}

/** "address.districtCode is not in the expected form", in the reader's language. */
export function describeProblem(p: ValidationProblem, lang: Language): string {
  return `${p.field} ${reason(p, lang)}`;
}
