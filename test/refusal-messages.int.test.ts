// Issue 9, finding 11, for the services' own refusals: each names the field (or says why, for a
// reason code) in the reader's language, worded from the catalogue (src/i18n), never the English
// a service once put in the message. A few of them, in Chinese and Spanish, on every database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Wednesday 30 September 2026, 10:00 in Beijing.
const TODAY = '2026-09-30T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`refusals in the reader's language on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    before(async () => {
      p = await startPlatform(target, TODAY);
      admin = await p.staffToken('admin');
    });
    after(() => p.close());

    const message = (res: { json: () => unknown }) =>
      (res.json() as { error: { message: string; field?: string } }).error;

    test('a staff password that contains the username', async () => {
      const body = {
        username: 'clerk-x01',
        displayName: '测试',
        role: 'clerk',
        stationId: 'ps-110105-jg',
        password: 'clerk-x01-password',
      };
      const zh = await p.call('POST', '/api/v1/admin/staff', { token: admin, body, lang: 'zh-CN' });
      assertError(zh, 400, 'VALIDATION_FAILED');
      assert.deepEqual(message(zh), {
        code: 'VALIDATION_FAILED',
        message: '请求内容有误：password 至少需要12个字符，且不能包含用户名',
        field: 'password',
        details: { fields: ['password'] },
      });
      const es = await p.call('POST', '/api/v1/admin/staff', { token: admin, body, lang: 'es' });
      assert.equal(
        message(es).message,
        'La solicitud no es válida: password necesita al menos 12 caracteres y no debe contener el nombre de usuario',
      );
      const noStation = await p.call('POST', '/api/v1/admin/staff', {
        token: admin,
        body: { ...body, stationId: null, password: 'a-long-enough-password' },
        lang: 'es',
      });
      assert.equal(
        message(noStation).message,
        'La solicitud no es válida: stationId es obligatorio: este rol trabaja en una comisaría o estación de servicio',
      );
    });

    test('an administrator deactivating their own account', async () => {
      const staff = (await p.call('GET', '/api/v1/admin/staff', { token: admin })).json<
        { id: string; username: string }[]
      >();
      const me = staff.find((s) => s.username === 'admin');
      const res = await p.call('POST', `/api/v1/admin/staff/${me!.id}/deactivate`, { token: admin });
      assertError(res, 400, 'VALIDATION_FAILED');
      assert.equal(message(res).message, '请求内容有误：id 不能是您自己的账号：管理员不能停用自己');
      assert.equal(message(res).field, 'id');
    });

    test('statistics over a period that ends before it starts', async () => {
      const res = await p.call('GET', '/api/v1/staff/statistics?from=2026-06-30&to=2026-06-01', {
        token: await p.staffToken('officer-110105'),
        lang: 'es',
      });
      assertError(res, 400, 'VALIDATION_FAILED');
      assert.equal(
        message(res).message,
        'La solicitud no es válida: to debe ser igual o posterior a from y como máximo 1098 días después',
      );
    });

    test('a booking in the past, and one on a day off', async () => {
      const token = await p.residentToken('13700000401');
      const book = (start: string, lang: string) =>
        p.call('POST', '/api/v1/appointments', {
          token,
          lang,
          body: { stationId: 'ps-110105-jg', start: new Date(start).toISOString(), purpose: 'application' },
        });
      const past = await book('2026-09-29T09:00:00+08:00', 'zh-CN');
      assertError(past, 422, 'SLOT_UNAVAILABLE');
      assert.equal(message(past).message, '该时间不可预约：该时间已过');
      const holiday = await book('2026-10-01T09:00:00+08:00', 'es');
      assert.equal(
        message(holiday).message,
        'Esta hora no se puede reservar: ese día no es un día laborable',
      );
    });

    test('materials asked for that this kind of application does not need', async () => {
      const resident = await p.residentToken('13700000402');
      await p.call('PUT', '/api/v1/me/identity', {
        token: resident,
        body: { name: '测试', idNumber: makeTestIdNumber('110101', '1990-01-01', 81) },
      });
      const applied = await p.call('POST', '/api/v1/applications', {
        token: resident,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105001', detail: '建国路 3 号' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      const officer = await p.staffToken('officer-110105');
      const decide = (lang: string) =>
        p.call('POST', `/api/v1/staff/applications/${applied.json().id}/decision`, {
          token: officer,
          lang,
          body: { decision: 'request_materials', missing: ['photo', 'proof_of_basis'] },
        });
      const es = await decide('es');
      assertError(es, 400, 'VALIDATION_FAILED');
      assert.equal(
        message(es).message,
        'La solicitud no es válida: missing incluye documentos que este tipo de solicitud no necesita: justificante de empleo, domicilio o estudios',
      );
      assert.equal(message(es).field, 'missing');
      assert.equal(
        message(await decide('zh-CN')).message,
        '请求内容有误：missing 列出了此类申请不需要的材料：就业、住所或就读证明',
      );
    });
  });
}
