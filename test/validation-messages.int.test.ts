// Every refusal of a field names it and says what is wrong in the reader's language (issue 9,
// finding 11): never the validator's English behind a translated prefix, never an empty field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';

const TUESDAY = '2025-06-10T10:00:00+08:00';
const [pglite] = dbTargets();
const ID = '00000000-0000-4000-8000-000000000000';

type Who = 'resident' | 'admin' | 'officer' | 'anonymous';
interface Case {
  what: string;
  who: Who;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  field: string;
  /** The whole message in zh-CN, en and es. */
  says: [string, string, string];
}

const zh = (detail: string) => `请求内容有误：${detail}`;
const en = (detail: string) => `The request is not valid: ${detail}`;
const es = (detail: string) => `La solicitud no es válida: ${detail}`;
const otp = { who: 'anonymous', method: 'POST', url: '/api/v1/auth/otp' } as const;
const override = { who: 'admin', method: 'PUT', url: '/api/v1/admin/calendar/overrides/2025-10-08' } as const;
const address = { districtCode: '110105', street: '110105001', detail: '建国路 88 号' };

const cases: Case[] = [
  {
    what: 'a missing field',
    ...otp,
    body: {},
    field: 'phone',
    says: [zh('phone 为必填项'), en('phone is required'), es('phone es obligatorio')],
  },
  {
    what: 'an extra field',
    ...otp,
    body: { phone: '13800000001', nickname: 'x' },
    field: 'nickname',
    says: [
      zh('nickname 不是本请求接受的字段'),
      en('nickname is not a field this request takes'),
      es('nickname no es un campo que admita esta solicitud'),
    ],
  },
  {
    what: 'a value of the wrong type',
    ...otp,
    body: { phone: { number: 1 } },
    field: 'phone',
    says: [zh('phone 应为文本'), en('phone must be text'), es('phone debe ser un texto')],
  },
  {
    what: 'a value that does not match its pattern',
    ...otp,
    body: { phone: '12345' },
    field: 'phone',
    says: [
      zh('phone 格式不正确'),
      en('phone is not in the expected form'),
      es('phone no tiene el formato esperado'),
    ],
  },
  {
    what: 'a nested field',
    who: 'resident',
    method: 'POST',
    url: '/api/v1/applications',
    body: { type: 'registration_card', address: { ...address, districtCode: 'abc' }, materials: [] },
    field: 'address.districtCode',
    says: [
      zh('address.districtCode 格式不正确'),
      en('address.districtCode is not in the expected form'),
      es('address.districtCode no tiene el formato esperado'),
    ],
  },
  {
    what: 'an extra field inside an array item',
    who: 'resident',
    method: 'POST',
    url: '/api/v1/applications',
    body: {
      type: 'registration_card',
      address,
      materials: [{ kind: 'photo', contentType: 'image/png', content: 'AA==', size: 1 }],
    },
    field: 'materials[0].size',
    says: [
      zh('materials[0].size 不是本请求接受的字段'),
      en('materials[0].size is not a field this request takes'),
      es('materials[0].size no es un campo que admita esta solicitud'),
    ],
  },
  {
    what: 'a value outside a list of constants',
    ...override,
    body: { kind: 'holiday' },
    field: 'kind',
    says: [
      zh('kind 应为以下之一：working_day、day_off'),
      en('kind must be one of: working_day, day_off'),
      es('kind debe ser uno de: working_day, day_off'),
    ],
  },
  {
    what: 'a union of objects told apart by a constant',
    who: 'officer',
    method: 'POST',
    url: `/api/v1/staff/applications/${ID}/decision`,
    body: { decision: 'maybe' },
    field: 'decision',
    says: [
      zh('decision 应为以下之一：approve、reject、request_materials'),
      en('decision must be one of: approve, reject, request_materials'),
      es('decision debe ser uno de: approve, reject, request_materials'),
    ],
  },
  {
    what: 'the chosen branch of a union missing a field',
    who: 'officer',
    method: 'POST',
    url: `/api/v1/staff/applications/${ID}/decision`,
    body: { decision: 'reject' },
    field: 'reason',
    says: [zh('reason 为必填项'), en('reason is required'), es('reason es obligatorio')],
  },
  {
    what: 'a text too long',
    ...override,
    body: { kind: 'day_off', note: 'x'.repeat(201) },
    field: 'note',
    says: [
      zh('note 最多200个字符'),
      en('note must be at most 200 characters long'),
      es('note debe tener como máximo 200 caracteres'),
    ],
  },
  {
    what: 'a date that is no day',
    who: 'admin',
    method: 'PUT',
    url: '/api/v1/admin/calendar/overrides/2025-02-30',
    body: { kind: 'day_off' },
    field: 'date',
    says: [
      zh('date 应为日期（YYYY-MM-DD）'),
      en('date must be a date (YYYY-MM-DD)'),
      es('date debe ser una fecha (AAAA-MM-DD)'),
    ],
  },
  {
    what: 'a number below its minimum',
    who: 'admin',
    method: 'PUT',
    url: '/api/v1/admin/calendar/years/1999',
    body: { daysOff: [], makeUpWorkingDays: [] },
    field: 'year',
    says: [zh('year 不能小于2000'), en('year must be at least 2000'), es('year debe ser como mínimo 2000')],
  },
  {
    what: 'a number above its maximum',
    who: 'admin',
    method: 'PUT',
    url: '/api/v1/admin/calendar/years/2101',
    body: { daysOff: [], makeUpWorkingDays: [] },
    field: 'year',
    says: [zh('year 不能大于2100'), en('year must be at most 2100'), es('year debe ser como máximo 2100')],
  },
  {
    what: 'a list too long',
    who: 'admin',
    method: 'PUT',
    url: '/api/v1/admin/calendar/years/2030',
    body: { daysOff: Array.from({ length: 61 }, () => '2030-01-01'), makeUpWorkingDays: [] },
    field: 'daysOff',
    says: [
      zh('daysOff 最多60项'),
      en('daysOff must have at most 60 items'),
      es('daysOff debe tener como máximo 60 elementos'),
    ],
  },
  {
    what: 'a malformed id in the path',
    who: 'officer',
    method: 'GET',
    url: '/api/v1/staff/applications/not-a-uuid',
    field: 'id',
    says: [zh('id 应为UUID'), en('id must be a UUID'), es('id debe ser un UUID')],
  },
  {
    what: 'a body that is not an object',
    ...otp,
    body: [1, 2],
    field: 'body',
    says: [zh('body 应为对象'), en('body must be an object'), es('body debe ser un objeto')],
  },
];

describe('validation messages', () => {
  let p: TestPlatform;
  const tokens = new Map<Who, string | undefined>();
  before(async () => {
    p = await startPlatform(pglite!, TUESDAY);
    tokens.set('resident', await p.residentToken('13800000001'));
    tokens.set('admin', await p.staffToken('admin'));
    tokens.set('officer', await p.staffToken('officer-110105'));
    tokens.set('anonymous', undefined);
  });
  after(() => p.close());

  for (const c of cases) {
    test(`${c.what}: named and explained in zh-CN, en and es`, async () => {
      for (const [i, lang] of (['zh-CN', 'en', 'es'] as const).entries()) {
        const token = tokens.get(c.who);
        const res = await p.call(c.method, c.url, {
          lang,
          ...(token ? { token } : {}),
          ...(c.body !== undefined ? { body: c.body } : {}),
        });
        assertError(res, 400, 'VALIDATION_FAILED');
        const error = res.json().error;
        assert.equal(error.field, c.field, `${lang}: ${res.body}`);
        assert.equal(error.message, c.says[i], lang);
      }
    });
  }
});
