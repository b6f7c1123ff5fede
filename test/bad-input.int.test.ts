// Bad input, on every database target: each malformed or refused request gets a 4xx with its stable
// code and a message in the caller's language (Chinese by default, English or Spanish on request),
// never a 5xx; and a refused submission leaves nothing behind: the applicant's list and every
// station's queue are as they were. Then the one-time codes (wrong, reused, expired, too frequent,
// guessed), identity binding twice, staff login, and a loop of hostile strings in every string field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { dbTargets } from './support/test-db.ts';
import {
  photo,
  proofOfAddress,
  proofOfBasis,
  samplePdf,
  samplePng,
  startPlatform,
  type TestPlatform,
} from './support/test-app.ts';
import { assertAnswered, assertError, assertMessageIn, assertRefused } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { idNumberCheckDigit } from '../src/domain/identity/id-number.ts';
import type { ErrorCode } from '../src/domain/errors.ts';
import type { Language } from '../src/i18n/language.ts';

// Tuesday 2025-06-10, 10:00 in Beijing: an ordinary working day.
const TUESDAY = '2025-06-10T10:00:00+08:00';

const APPLICANT_PHONE = '13912340002';
const UNBOUND_PHONE = '13912340003';
const HOSTILE_PHONE = '13912340004';
const APPLICANT_ID = makeTestIdNumber('370102', '1996-04-18', 123);
const DISTRICTS = ['110101', '110105', '110108'] as const;

const address = { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' };
const registration = { type: 'registration_card', address, materials: [photo, proofOfAddress] };
const permit = (extra: object) => ({
  type: 'residence_permit',
  address,
  basis: 'employment',
  materials: [photo, proofOfAddress, proofOfBasis],
  ...extra,
});
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const pngHeader = Buffer.from(samplePng, 'base64');
/** A PNG of `size` bytes: the right first bytes, then zeros. */
const pngOfSize = (size: number) => {
  const bytes = Buffer.alloc(size);
  pngHeader.copy(bytes);
  return b64(bytes);
};
/** A syntactically valid ID number (check character computed) around any birth-date digits. */
const withCheckDigit = (first17: string) => first17 + idNumberCheckDigit(first17);
const MB = 1024 * 1024;

interface Send {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  token?: 'applicant' | 'unbound' | 'officer' | 'clerk';
  /** An object sent as JSON, or raw text with its content type. */
  body?: unknown;
  raw?: { payload: string; contentType?: string };
}

const apply = (body: unknown): Send => ({
  method: 'POST',
  url: '/api/v1/applications',
  token: 'applicant',
  body,
});
const bind = (body: unknown): Send => ({ method: 'PUT', url: '/api/v1/me/identity', token: 'unbound', body });
const atWindow = (body: unknown): Send => ({
  method: 'POST',
  url: '/api/v1/staff/applications',
  token: 'clerk',
  body,
});
const anonymous = (url: string, body: unknown): Send => ({ method: 'POST', url, body });
const raw = (url: string, token: Send['token'], payload: string, contentType?: string): Send => ({
  method: url.endsWith('identity') ? 'PUT' : 'POST',
  url,
  ...(token ? { token } : {}),
  raw: { payload, ...(contentType ? { contentType } : {}) },
});
const BOTH = ['photo', 'proof_of_address'];
const windowApplicant = { name: '郑文', idNumber: makeTestIdNumber('340104', '1993-08-19', 47) };
const windowIntake = (applicant: object, materialsChecked: string[]) => ({
  type: 'registration_card',
  address,
  applicant,
  materialsChecked,
});

type Case = [
  name: string,
  send: Send,
  status: number,
  code: ErrorCode,
  check?: (res: LightMyRequestResponse) => void,
];

/** The commonest refusal: 400 VALIDATION_FAILED. */
const invalid = (name: string, send: Send): Case => [name, send, 400, 'VALIDATION_FAILED'];
const missingIs = (expected: string[]) => (res: LightMyRequestResponse) =>
  assert.deepEqual(res.json().error.details.missing, expected);
const JSON_TYPE = 'application/json';
const APPLICATIONS = '/api/v1/applications';

// Every case is refused without writing anything, so each is sent once per language.
const cases: readonly Case[] = [
  // The body itself
  invalid('invalid JSON', raw(APPLICATIONS, 'applicant', '{"type": "registration_card",', JSON_TYPE)),
  invalid('an empty JSON body', raw(APPLICATIONS, 'applicant', '', JSON_TYPE)),
  invalid('JSON that is not an object', raw(APPLICATIONS, 'applicant', '[1, 2, 3]', JSON_TYPE)),
  invalid('JSON null', raw(APPLICATIONS, 'applicant', 'null', JSON_TYPE)),
  invalid('a text/plain body', raw(APPLICATIONS, 'applicant', JSON.stringify(registration), 'text/plain')),
  invalid('an XML body', raw(APPLICATIONS, 'applicant', '<application/>', 'application/xml')),
  invalid(
    'a form body',
    raw(APPLICATIONS, 'applicant', 'type=registration_card', 'application/x-www-form-urlencoded'),
  ),
  invalid('a body with no content type', raw(APPLICATIONS, 'applicant', JSON.stringify(registration))),
  invalid('invalid JSON to PUT /me/identity', raw('/api/v1/me/identity', 'unbound', '{"name":', JSON_TYPE)),
  invalid('invalid JSON to POST /auth/otp', raw('/api/v1/auth/otp', undefined, "{'phone': 1}", JSON_TYPE)),

  // Unknown fields
  invalid('a resident setting the status', apply({ ...registration, status: 'issued' })),
  invalid('an unknown field in the address', apply({ ...registration, address: { ...address, floor: 12 } })),
  invalid(
    'an unknown field in a material',
    apply({ ...registration, materials: [{ ...photo, fileName: 'me.png' }, proofOfAddress] }),
  ),
  invalid(
    'an unknown field in an identity',
    bind({ name: '林晓', idNumber: APPLICANT_ID, birthDate: '1996-04-18' }),
  ),
  invalid(
    'an unknown field in an OTP request',
    anonymous('/api/v1/auth/otp', { phone: '13912340011', channel: 'voice' }),
  ),

  // Missing and mistyped fields
  invalid('no type', apply({ address, materials: [photo] })),
  invalid(
    'a registration card with no address',
    apply({ type: 'registration_card', materials: [photo, proofOfAddress] }),
  ),
  invalid(
    'an address with no street',
    apply({ ...registration, address: { districtCode: '110105', detail: '建国路 88 号' } }),
  ),
  invalid(
    'a material with no content',
    apply({ ...registration, materials: [{ kind: 'photo', contentType: 'image/png' }, proofOfAddress] }),
  ),
  invalid('an unknown application type', apply({ ...registration, type: 'passport' })),
  ...[-1, 6.5, 'six', 601].map((months): Case =>
    invalid(
      `declared contribution months ${JSON.stringify(months)}`,
      apply(permit({ declaredContributionMonths: months })),
    ),
  ),
  invalid('seven materials', apply({ ...registration, materials: Array.from({ length: 7 }, () => photo) })),
  invalid(
    'a card id on a new registration card',
    apply({ ...registration, cardId: '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f' }),
  ),
  invalid('a replacement with no card id', apply({ type: 'replacement', materials: [photo] })),
  invalid(
    'a card id that is not a uuid',
    apply({ type: 'replacement', cardId: 'card-1', materials: [photo] }),
  ),
  invalid('an identity with no name', bind({ idNumber: APPLICANT_ID })),
  invalid(
    'a name in neither Han characters nor Latin letters',
    bind({ name: 'L1n X1a0', idNumber: APPLICANT_ID }),
  ),

  // Phones and codes
  ...[
    '12345678901',
    '1380000000',
    '138000000011',
    '+8613800000001',
    '138 0000 0001',
    '１３８００００００１',
  ].map((phone): Case => invalid(`phone ${phone}`, anonymous('/api/v1/auth/otp', { phone }))),
  ...['12345', '1234567', 'abcdef', ''].map((code): Case =>
    invalid(
      `an OTP of the wrong shape "${code}"`,
      anonymous('/api/v1/auth/otp/verify', { phone: '13912340012', code }),
    ),
  ),

  // ID numbers (GB 11643)
  ...(
    [
      ['a wrong check digit', APPLICANT_ID.slice(0, 17) + (APPLICANT_ID[17] === '1' ? '2' : '1')],
      ['an impossible birth date (30 February)', withCheckDigit('37010219900230123')],
      ['a birth date in the future', withCheckDigit('37010220300101123')],
      ['a birth date before 1900', withCheckDigit('37010218891231123')],
      ['an unknown region', withCheckDigit('99999919900101123')],
      ['17 digits', APPLICANT_ID.slice(0, 17)],
      ['a 15-digit first-generation number', '370102960418123'],
      ['letters', 'ABCDEFGHIJKLMNOPQR'],
    ] as const
  ).map(([name, idNumber]): Case => [
    `an ID number with ${name}`,
    bind({ name: '林晓', idNumber }),
    422,
    'ID_NUMBER_INVALID',
  ]),
  [
    'an ID number with a wrong check digit, at the window',
    atWindow(
      windowIntake({ ...windowApplicant, idNumber: `${windowApplicant.idNumber.slice(0, 17)}X` }, BOTH),
    ),
    422,
    'ID_NUMBER_INVALID',
  ],

  // Addresses
  ...(
    [
      ['a district outside Beijing (Tianjin)', { ...address, districtCode: '120101' }],
      ['a district code that does not exist', { ...address, districtCode: '110199' }],
      ['a street of another district', { ...address, street: '110108015' }],
      ['a street name that does not exist', { ...address, street: '不存在街道' }],
    ] as const
  ).map(([name, where]): Case => [
    `an address with ${name}`,
    apply({ ...registration, address: where }),
    422,
    'ADDRESS_UNKNOWN',
  ]),
  ...(
    [
      ['a district code that is not 6 digits', { ...address, districtCode: 'chaoyang' }],
      ['a blank detail', { ...address, detail: '   ' }],
      ['a detail with a right-to-left override', { ...address, detail: '建国路 88 号\u202e1021' }],
      ['a detail of 121 characters', { ...address, detail: '楼'.repeat(121) }],
    ] as const
  ).map(([name, where]): Case =>
    invalid(`an address with ${name}`, apply({ ...registration, address: where })),
  ),

  // Eligibility for a residence permit (6 months and a basis)
  ['a permit with no card held and nothing declared', apply(permit({})), 422, 'NOT_ELIGIBLE'],
  ['a permit with 5 months declared', apply(permit({ declaredContributionMonths: 5 })), 422, 'NOT_ELIGIBLE'],
  [
    'a permit with 12 months declared but no basis',
    apply(permit({ declaredContributionMonths: 12, basis: undefined })),
    422,
    'NOT_ELIGIBLE',
  ],

  // Materials: every missing item listed at once
  [
    'a registration card with no materials',
    apply({ type: 'registration_card', address }),
    422,
    'MATERIALS_MISSING',
    missingIs(['photo', 'proof_of_address']),
  ],
  [
    'an eligible permit with no materials',
    apply(permit({ declaredContributionMonths: 6, materials: [] })),
    422,
    'MATERIALS_MISSING',
    missingIs(['photo', 'proof_of_address', 'proof_of_basis']),
  ],
  [
    'an eligible permit with only a photo, twice',
    apply(permit({ declaredContributionMonths: 6, materials: [photo, photo] })),
    422,
    'MATERIALS_MISSING',
    missingIs(['proof_of_address', 'proof_of_basis']),
  ],
  [
    'a window application with no paper checked',
    atWindow(windowIntake(windowApplicant, [])),
    422,
    'MATERIALS_MISSING',
    missingIs(['photo', 'proof_of_address']),
  ],
  // The bad file comes second: the first, good one must not be kept either.
  ...(
    [
      ['a PDF declared as PNG', { ...photo, content: samplePdf }],
      ['an executable declared as PDF', { ...proofOfAddress, content: b64('MZ\x90\x00\x03\x00\x00\x00') }],
      ['a PNG declared as JPEG', { ...photo, contentType: 'image/jpeg' }],
      ['an empty file', { ...photo, content: '' }],
      ['content that is not base64', { ...photo, content: '!!not base64!!' }],
    ] as const
  ).map(([name, bad]): Case => [
    `a material that is ${name}`,
    apply({ ...registration, materials: bad.kind === 'photo' ? [proofOfAddress, bad] : [photo, bad] }),
    415,
    'MATERIAL_INVALID',
  ]),
  [
    'a photo one byte over 2 MB',
    apply({ ...registration, materials: [{ ...photo, content: pngOfSize(2 * MB + 1) }, proofOfAddress] }),
    413,
    'MATERIAL_TOO_LARGE',
  ],
  [
    'a 3 MB photo',
    apply({ ...registration, materials: [{ ...photo, content: pngOfSize(3 * MB) }, proofOfAddress] }),
    413,
    'MATERIAL_TOO_LARGE',
  ],
  [
    'an application body over 16 MB',
    apply({ ...registration, materials: [{ ...photo, content: pngOfSize(13 * MB) }, proofOfAddress] }),
    413,
    'PAYLOAD_TOO_LARGE',
  ],
  [
    'an identity body over 256 KB',
    bind({ name: '林'.repeat(100_000), idNumber: APPLICANT_ID }),
    413,
    'PAYLOAD_TOO_LARGE',
  ],

  // Ids in the path and the query
  ...(
    [
      ['GET', '/api/v1/applications/not-a-uuid', 'applicant', undefined],
      ['POST', '/api/v1/applications/123/withdraw', 'applicant', undefined],
      ['POST', '/api/v1/applications/abc/materials', 'applicant', { materials: [photo] }],
      ['GET', '/api/v1/staff/applications/1', 'officer', undefined],
      ['GET', "/api/v1/staff/applications/'%20OR%201=1--", 'officer', undefined],
      ['POST', '/api/v1/staff/applications/abc/decision', 'officer', { decision: 'approve' }],
      ['GET', '/api/v1/staff/applications?status=bogus', 'officer', undefined],
      ['GET', '/api/v1/staff/applications?overdue=perhaps', 'officer', undefined],
      ['GET', '/api/v1/staff/applications?limit=0', 'officer', undefined],
      ['GET', '/api/v1/staff/applications?limit=100000', 'officer', undefined],
    ] as const
  ).map(([method, url, token, body]): Case =>
    invalid(`${method} ${url}`, { method, url, token, ...(body ? { body } : {}) }),
  ),

  // PostgreSQL text cannot hold U+0000: refused as bad input, not a 500 from the database
  invalid(
    'a NUL character in a staff username',
    anonymous('/api/v1/auth/staff', { username: 'officer-110105\u0000', password: 'juzhu-demo' }),
  ),
  invalid('a NUL character in a query parameter', { method: 'GET', url: '/api/v1/dev/outbox?to=1391234%00' }),
  invalid(
    'a NUL character in an address',
    apply({ ...registration, address: { ...address, street: '建外街道\u0000' } }),
  ),

  // Unknown routes
  ...(
    [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/v1'],
      ['POST', '/api/v2/applications'],
      ['DELETE', '/api/v1/applications'],
      ['PUT', '/api/v1/me/cards'],
    ] as const
  ).map(([method, url]): Case => [
    `unknown route ${method} ${url}`,
    { method, url, token: 'applicant' },
    404,
    'NOT_FOUND',
  ]),
];

/** Decisions the officer cannot take on an application, which stays as it was. */
const badDecisions: readonly [string, unknown][] = [
  ['reject without a reason', { decision: 'reject' }],
  ['reject with an empty reason', { decision: 'reject', reason: '' }],
  ['reject with a blank reason', { decision: 'reject', reason: '  \n ' }],
  ['reject with a reason of 501 characters', { decision: 'reject', reason: '理'.repeat(501) }],
  ['request materials naming none', { decision: 'request_materials', missing: [] }],
  ['request materials with no list', { decision: 'request_materials' }],
  ['request a material that does not exist', { decision: 'request_materials', missing: ['passport'] }],
  ['an unknown decision', { decision: 'maybe' }],
  ['approve with a reason', { decision: 'approve', reason: '可以' }],
  ['reject with a NUL character in the reason', { decision: 'reject', reason: '材料不实\u0000' }],
  [
    'request materials with a NUL character in the note',
    { decision: 'request_materials', missing: ['photo'], reason: '\u0000' },
  ],
  ['no decision', {}],
];

// Strings to break things with: empty, blank, huge, control characters, lone surrogates, bidi
// overrides, look-alikes, injections; then random ones from every plane.
const curated: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u202d',
  '\u200b\u200d\ufeff',
  '\r\n\t',
  "' OR 1=1 --",
  "'); DROP TABLE applications; --",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '１１０１０５',
  '110105\u0000',
  '朝阳区',
  '建外街道',
  '𠀀𠀁𪚥',
  '👨‍👩‍👧‍👦'.repeat(50),
  'Z̴̡̢̛͚̮̜͎̞̈́̇̂̅a̷̧̛̘͓͎̳͇̓̌̀l̸̡̠̠̓g̵̢̛̗̈́o̷̧̺̿',
  'x'.repeat(121),
  '楼'.repeat(5_000),
  'a'.repeat(100_000),
];

function hostileStrings(): string[] {
  const random = fc.sample(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 200 }),
      fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\u202e', 'é', '楼', ' ', '9'), maxLength: 20 }),
    ),
    { numRuns: 220, seed: 20250610 },
  );
  return [...curated, ...random];
}

/** Sets `value` at `path` in a copy of `body`. */
function withField(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

for (const target of dbTargets()) {
  describe(`bad input on ${target.name}`, () => {
    let p: TestPlatform;
    const tokens = new Map<NonNullable<Send['token']>, string>();
    const officers = new Map<string, string>();
    let decidableId: string;
    let decidableOwner: string;
    let queueLengths: number[];

    const send = (s: Send, lang?: string): Promise<LightMyRequestResponse> => {
      const token = s.token ? tokens.get(s.token) : undefined;
      const headers: Record<string, string> = {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(lang ? { 'accept-language': lang } : {}),
        ...(s.raw?.contentType ? { 'content-type': s.raw.contentType } : {}),
      };
      if (s.raw) return p.app.inject({ method: s.method, url: s.url, headers, payload: s.raw.payload });
      return p.app.inject({
        method: s.method,
        url: s.url,
        headers,
        ...(s.body !== undefined ? { payload: s.body as object } : {}),
      });
    };
    const queues = async () =>
      Promise.all(
        DISTRICTS.map(
          async (d) =>
            (await p.call('GET', '/api/v1/staff/applications', { token: officers.get(d) ?? '' })).json()
              .total as number,
        ),
      );
    /** A refusal leaves nothing: no application for the applicant, no new one in any queue. */
    const assertNothingNew = async () => {
      const mine = await p.call('GET', '/api/v1/applications', { token: tokens.get('applicant') ?? '' });
      assert.deepEqual(mine.json(), [], 'the applicant has no application');
      assert.deepEqual(await queues(), queueLengths, 'no station queue has anything new');
    };

    before(async () => {
      p = await startPlatform(target, TUESDAY);
      for (const d of DISTRICTS) officers.set(d, await p.staffToken(`officer-${d}`));
      tokens.set('officer', officers.get('110108') ?? '');
      tokens.set('clerk', await p.staffToken('clerk-110105'));
      const applicant = await p.residentToken(APPLICANT_PHONE);
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token: applicant,
        body: { name: '林晓', idNumber: APPLICANT_ID },
      });
      assert.equal(bound.statusCode, 200, bound.body);
      tokens.set('applicant', applicant);
      tokens.set('unbound', await p.residentToken(UNBOUND_PHONE));
      // An application in 110108 for the officer's bad decisions: demo resident 周杰.
      decidableOwner = await p.residentToken('13800000008');
      const applied = await p.call('POST', '/api/v1/applications', {
        token: decidableOwner,
        body: {
          ...registration,
          address: { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' },
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      decidableId = applied.json().id;
      queueLengths = await queues();
    });
    after(() => p.close());

    describe("refusals, in the caller's language, leaving nothing behind", () => {
      for (const [name, request, status, code, check] of cases) {
        test(`${name}: ${status} ${code}`, async () => {
          for (const [header, lang] of [
            [undefined, 'zh-CN'],
            ['en', 'en'],
            ['es', 'es'],
          ] as const) {
            const res = await send(request, header);
            assertError(res, status, code);
            assertMessageIn(res, code, lang);
            check?.(res);
          }
          await assertNothingNew();
        });
      }

      test('the language follows Accept-Language, with q-values; anything else is Chinese', async () => {
        const bad = { method: 'PUT', url: '/api/v1/me/identity', token: 'unbound' } as const;
        const body = { name: '林晓', idNumber: withCheckDigit('37010219900230123') };
        const expected: [string, Language][] = [
          ['en-US,en;q=0.9', 'en'],
          ['es-ES', 'es'],
          ['fr-FR, es;q=0.5, en;q=0.4', 'es'],
          ['en;q=0.2, es;q=0.8', 'es'],
          ['zh-TW', 'zh-CN'],
          ['de-DE', 'zh-CN'],
          ['*', 'zh-CN'],
          ['en;q=0', 'zh-CN'],
          [';;;,,,q=', 'zh-CN'],
        ];
        for (const [header, lang] of expected) {
          const res = await send({ ...bad, body }, header);
          assertError(res, 422, 'ID_NUMBER_INVALID');
          assertMessageIn(res, 'ID_NUMBER_INVALID', lang);
        }
        const zh = (await send({ ...bad, body })).json().error.message;
        const en = (await send({ ...bad, body }, 'en')).json().error.message;
        const es = (await send({ ...bad, body }, 'es')).json().error.message;
        assert.equal(zh, '公民身份号码无效，请核对后重新输入');
        assert.equal(en, 'The resident ID number is not valid; please check it and try again');
        assert.equal(es, 'El número de identificación no es válido; revíselo e inténtelo de nuevo');
      });

      test('after every refused identity, the account is still unbound', async () => {
        const me = await p.call('GET', '/api/v1/me', { token: tokens.get('unbound') ?? '' });
        assert.equal(me.json().identityBound, false);
      });
    });

    describe('decisions the officer cannot take', () => {
      for (const [name, body] of badDecisions) {
        test(`${name}: 400 VALIDATION_FAILED, and the application is unchanged`, async () => {
          const res = await send({
            method: 'POST',
            url: `/api/v1/staff/applications/${decidableId}/decision`,
            token: 'officer',
            body,
          });
          assertError(res, 400, 'VALIDATION_FAILED');
          const seen = await p.call('GET', `/api/v1/applications/${decidableId}`, { token: decidableOwner });
          assert.equal(seen.json().status, 'submitted');
          assert.equal(seen.json().reason, null);
          assert.deepEqual(seen.json().missing, []);
        });
      }
    });

    describe('one-time codes', () => {
      const phone = '13912340021';
      const latestCode = async (to: string) =>
        /(\d{6})/.exec((await p.call('GET', `/api/v1/dev/outbox?to=${to}`)).json()[0]?.text ?? '')?.[1] ?? '';
      const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const verify = (code: string, lang?: string) =>
        p.call('POST', '/api/v1/auth/otp/verify', { body: { phone, code }, ...(lang ? { lang } : {}) });
      const ask = (lang?: string) =>
        p.call('POST', '/api/v1/auth/otp', { body: { phone }, ...(lang ? { lang } : {}) });

      test('no code asked for: OTP_INVALID', async () => {
        assertError(await verify('123456'), 401, 'OTP_INVALID');
      });

      test('a second code within 60 s: 429 OTP_RATE_LIMITED with Retry-After', async () => {
        assert.equal((await ask()).statusCode, 202);
        p.clock.advance(20_000);
        const again = await ask('en');
        assertError(again, 429, 'OTP_RATE_LIMITED');
        assert.equal(again.headers['retry-after'], '40');
        assert.equal(again.json().error.message, 'Too many codes requested; please try again in 40 seconds');
        assertMessageIn(again, 'OTP_RATE_LIMITED', 'en');
        const zh = await ask();
        assert.equal(zh.json().error.message, '验证码发送过于频繁，请40秒后再试');
        assert.equal(
          (await p.call('GET', `/api/v1/dev/outbox?to=${phone}`)).json().length,
          1,
          'one SMS sent',
        );
      });

      test('a wrong code: OTP_INVALID; the right one then works once, and reused is OTP_INVALID', async () => {
        const code = await latestCode(phone);
        const wrong = await verify(other(code), 'es');
        assertError(wrong, 401, 'OTP_INVALID');
        assertMessageIn(wrong, 'OTP_INVALID', 'es');
        const ok = await verify(code);
        assert.equal(ok.statusCode, 200, ok.body);
        const reused = await verify(code);
        assertError(reused, 401, 'OTP_INVALID');
        assertMessageIn(reused, 'OTP_INVALID', 'zh-CN');
      });

      test('a code past its 5 minutes: OTP_INVALID', async () => {
        p.clock.advance(61_000);
        assert.equal((await ask()).statusCode, 202);
        const code = await latestCode(phone);
        p.clock.advance(5 * 60_000 + 1_000);
        assertError(await verify(code), 401, 'OTP_INVALID');
      });

      test('five wrong tries burn the code: the right one is then refused too', async () => {
        assert.equal((await ask()).statusCode, 202);
        const code = await latestCode(phone);
        for (let i = 0; i < 5; i++) assertError(await verify(other(code)), 401, 'OTP_INVALID');
        assertError(await verify(code), 401, 'OTP_INVALID');
        // A fresh code a minute later works: the phone is not locked out for good.
        p.clock.advance(61_000);
        assert.equal((await ask()).statusCode, 202);
        const fresh = await latestCode(phone);
        assert.equal((await verify(fresh)).statusCode, 200);
      });

      test('a sixth code within the hour: OTP_RATE_LIMITED until the first is an hour old', async () => {
        p.clock.advance(61_000);
        assert.equal((await ask()).statusCode, 202); // the fifth
        p.clock.advance(61_000);
        const sixth = await ask();
        assertError(sixth, 429, 'OTP_RATE_LIMITED');
        const wait = Number(sixth.headers['retry-after']);
        assert.ok(wait > 60 && wait < 3600, `retry after ${wait}`);
        p.clock.advance(wait * 1000);
        assert.equal((await ask()).statusCode, 202);
      });
    });

    describe('identity binding', () => {
      test('binding a second time: 409 IDENTITY_ALREADY_BOUND, and the first identity stays', async () => {
        const token = tokens.get('applicant') ?? '';
        for (const idNumber of [APPLICANT_ID, makeTestIdNumber('370102', '1996-04-18', 125)]) {
          const res = await p.call('PUT', '/api/v1/me/identity', {
            token,
            body: { name: '林晓', idNumber },
            lang: 'en',
          });
          assertError(res, 409, 'IDENTITY_ALREADY_BOUND');
          assertMessageIn(res, 'IDENTITY_ALREADY_BOUND', 'en');
        }
        const me = (await p.call('GET', '/api/v1/me', { token })).json();
        assert.equal(me.identityBound, true);
        assert.equal(me.idNumberTail, APPLICANT_ID.slice(-4));
      });

      test('the same ID number on a second account: 409 IDENTITY_ALREADY_BOUND', async () => {
        const second = await p.residentToken('13912340031');
        const res = await p.call('PUT', '/api/v1/me/identity', {
          token: second,
          body: { name: '林晓', idNumber: APPLICANT_ID },
        });
        assertError(res, 409, 'IDENTITY_ALREADY_BOUND');
        // A demo resident's number, typed in full-width digits, is the same number.
        const demo = await p.call('PUT', '/api/v1/me/identity', {
          token: second,
          body: {
            name: '王小明',
            idNumber: makeTestIdNumber('370102', '1990-05-12', 1).replace(/\d/g, (d) =>
              String.fromCharCode(0xff10 + Number(d)),
            ),
          },
        });
        assertError(demo, 409, 'IDENTITY_ALREADY_BOUND');
        assert.equal((await p.call('GET', '/api/v1/me', { token: second })).json().identityBound, false);
      });
    });

    describe('staff login', () => {
      test('a wrong password and an unknown username get the same 401 UNAUTHENTICATED', async () => {
        const answers: LightMyRequestResponse[] = [];
        for (const body of [
          { username: 'officer-110105', password: 'juzhu-demo!' },
          { username: 'officer-110105', password: 'JUZHU-DEMO' },
          { username: 'officer-999999', password: 'juzhu-demo' },
          { username: 'nobody', password: 'x' },
        ]) {
          const res = await p.call('POST', '/api/v1/auth/staff', { body });
          assertError(res, 401, 'UNAUTHENTICATED');
          answers.push(res);
        }
        assert.equal(new Set(answers.map((a) => a.body)).size, 1, 'one answer for every failure');
      });

      test('an empty password or a username of 65 characters: 400', async () => {
        for (const body of [
          { username: 'officer-110105', password: '' },
          { username: 'o'.repeat(65), password: 'juzhu-demo' },
          { username: 'officer-110105' },
        ]) {
          assertError(await p.call('POST', '/api/v1/auth/staff', { body }), 400, 'VALIDATION_FAILED');
        }
      });
    });

    describe('hostile strings', () => {
      const strings = hostileStrings();
      const hostileApplicant = { token: '' };
      before(async () => {
        hostileApplicant.token = await p.residentToken(HOSTILE_PHONE);
        const bound = await p.call('PUT', '/api/v1/me/identity', {
          token: hostileApplicant.token,
          body: { name: '韩梅', idNumber: makeTestIdNumber('110101', '1991-03-03', 82) },
        });
        assert.equal(bound.statusCode, 200, bound.body);
      });

      // A residence permit with nothing to prove 6 months: every address reaches the checks and is
      // refused after them. A registration card: the materials reach the file checks after the insert.
      const notEligible = { type: 'residence_permit', address, basis: 'employment', materials: [photo] };
      const applicationFields: readonly [(string | number)[], unknown][] = [
        [['type'], registration],
        [['cardId'], registration],
        [['basis'], notEligible],
        [['address', 'districtCode'], notEligible],
        [['address', 'street'], notEligible],
        [['address', 'detail'], notEligible],
        [['materials', 0, 'kind'], registration],
        [['materials', 0, 'contentType'], registration],
        [['materials', 0, 'content'], registration],
      ];

      test(`${strings.length} strings in every string field of POST /applications: refused, never a 5xx`, async () => {
        for (const [path, base] of applicationFields) {
          for (const s of strings) {
            const res = await p.call('POST', '/api/v1/applications', {
              token: hostileApplicant.token,
              body: withField(base, path, s),
            });
            assertRefused(res, `${path.join('.')}=${JSON.stringify(s).slice(0, 60)}`);
          }
        }
        const mine = await p.call('GET', '/api/v1/applications', { token: hostileApplicant.token });
        assert.deepEqual(mine.json(), [], 'nothing was half-written');
      });

      test(`${strings.length} strings in every string field of PUT /me/identity: never a 5xx`, async () => {
        const unbound = await p.residentToken('13912340041');
        // A number another account holds: a name that passes every check ends at 409, binding nothing.
        const fields: readonly [string, object][] = [
          ['name', { idNumber: APPLICANT_ID }],
          ['idNumber', { name: '韩梅' }],
        ];
        for (const [field, rest] of fields) {
          for (const s of strings) {
            const res = await p.call('PUT', '/api/v1/me/identity', {
              token: unbound,
              body: { ...rest, [field]: s },
            });
            assertRefused(res, `${field}=${JSON.stringify(s).slice(0, 60)}`);
          }
        }
        assert.equal((await p.call('GET', '/api/v1/me', { token: unbound })).json().identityBound, false);
      });

      test('the same strings as staff username, outbox query and Accept-Language: never a 5xx', async () => {
        for (const s of strings) {
          const login = await p.call('POST', '/api/v1/auth/staff', { body: { username: s, password: s } });
          assertRefused(login, `username=${JSON.stringify(s).slice(0, 60)}`);
          const outbox = await p.call(
            'GET',
            `/api/v1/dev/outbox?to=${encodeURIComponent(Buffer.from(s).toString())}`,
          );
          assertAnswered(outbox, `to=${JSON.stringify(s).slice(0, 60)}`);
        }
        for (const s of strings.filter((x) => /^[\x20-\x7e]*$/.test(x))) {
          const res = await p.call('GET', '/api/v1/applications/not-a-uuid', { lang: s });
          assertRefused(res, `accept-language=${JSON.stringify(s).slice(0, 60)}`);
        }
      });

      test('hostile rejection reasons and notes on real applications: refused or shown, never a 5xx', async () => {
        const owner = await p.residentToken('13912340051');
        const bound = await p.call('PUT', '/api/v1/me/identity', {
          token: owner,
          body: { name: '罗兰', idNumber: makeTestIdNumber('110101', '1989-12-12', 64) },
        });
        assert.equal(bound.statusCode, 200, bound.body);
        const officer = officers.get('110105') ?? '';
        let open: string | undefined;
        for (const s of strings.slice(0, curated.length + 40)) {
          if (!open) {
            const applied = await p.call('POST', '/api/v1/applications', {
              token: owner,
              body: registration,
            });
            assert.equal(applied.statusCode, 201, applied.body);
            open = applied.json().id as string;
          }
          const url = `/api/v1/staff/applications/${open}/decision`;
          const note = await p.call('POST', url, {
            token: officer,
            body: { decision: 'request_materials', missing: ['photo'], reason: s },
          });
          assertAnswered(note, `note=${JSON.stringify(s).slice(0, 60)}`);
          const res = await p.call('POST', url, { token: officer, body: { decision: 'reject', reason: s } });
          assertAnswered(res, `reason=${JSON.stringify(s).slice(0, 60)}`);
          if (res.statusCode === 200) {
            const seen = await p.call('GET', `/api/v1/applications/${open}`, { token: owner });
            assert.equal(seen.json().status, 'rejected');
            assert.notEqual(seen.json().reason, null, 'the applicant sees a reason');
            open = undefined;
          }
        }
      });
    });
  });
}
