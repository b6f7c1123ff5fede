// What is wrong with one field of a request, in the reader's language (issue 9, finding 11): the
// schema validator's own English ("must match pattern ...") never reaches a person. A problem is
// the field's path and one of the schema keywords the routes use; the text is "<field> <reason>",
// which reads naturally after VALIDATION_FAILED's "The request is not valid: ".
import type { ValidationProblem, ValidationRule } from '../domain/validation-problem.ts';
import type { Language } from './language.ts';
import { termList } from './terms.ts';

type Texts = Record<Language, string>;

/** A service's own rules, worded to follow the field's name like the schema keywords' reasons. */
const rules: Record<ValidationRule, Texts> = {
  password_weak: {
    'zh-CN': '至少需要{min}个字符，且不能包含用户名',
    en: 'needs at least {min} characters and must not contain the username',
    es: 'necesita al menos {min} caracteres y no debe contener el nombre de usuario',
  },
  admin_has_no_station: {
    'zh-CN': '须为空：系统管理员不属于任何单位',
    en: 'must be empty: an administrator belongs to no station',
    es: 'debe quedar vacío: un administrador no pertenece a ninguna comisaría',
  },
  station_member_needs_station: {
    'zh-CN': '为必填项：该角色须属于一个派出所或服务站',
    en: 'is required: this role works at a police station or service station',
    es: 'es obligatorio: este rol trabaja en una comisaría o estación de servicio',
  },
  own_account: {
    'zh-CN': '不能是您自己的账号：管理员不能停用自己',
    en: 'cannot be your own account: an administrator cannot deactivate themselves',
    es: 'no puede ser su propia cuenta: un administrador no puede desactivarse a sí mismo',
  },
  period_out_of_range: {
    'zh-CN': '不能早于 from，且最多晚于 from {maxDays} 天',
    en: 'must be on or after from, at most {maxDays} days later',
    es: 'debe ser igual o posterior a from y como máximo {maxDays} días después',
  },
  material_not_needed: {
    'zh-CN': '列出了此类申请不需要的材料：{materials}',
    en: 'names documents this kind of application does not need: {materials}',
    es: 'incluye documentos que este tipo de solicitud no necesita: {materials}',
  },
  agent_is_applicant: {
    'zh-CN': '不能是申请人本人',
    en: 'cannot be the applicant themselves',
    es: 'no puede ser el propio solicitante',
  },
};

const reasons: Record<Exclude<ValidationProblem['keyword'], 'type' | 'format' | 'rule'>, Texts> = {
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
    case 'rule': {
      const values = Object.fromEntries(
        Object.entries(p.values ?? {}).map(([k, v]) => [
          k,
          k === 'materials' ? termList(String(v), lang) : String(v),
        ]),
      );
      return fill(rules[p.rule][lang], values);
    }
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
