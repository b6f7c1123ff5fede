// The confirmation form end to end (R9): render, read the Chinese fields back with pdftotext,
// rasterise, decode the QR off the raster, verify it; then revoke and alter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema/index.ts';
import { decodeBase45, encodeBase45, FORM_CODE_PREFIX } from '../src/verify/index.ts';
import { decodeCbor, encodeCbor, type CborValue } from '../src/verify/cbor.ts';
import { assertError } from './support/assert-error.ts';
import { pdfPages, pdfText, rasterise, readQr } from './support/pdf-tools.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';
import { findResidentByPhone } from '../src/db/repositories/residents.ts';

/** The code with its signed payload changed by `edit` and the envelope re-encoded (signature kept). */
function alter(code: string, edit: (own: Map<number, CborValue>) => void): string {
  const cose = decodeCbor(decodeBase45(code.slice(FORM_CODE_PREFIX.length))!) as CborValue[];
  const claims = decodeCbor(cose[2] as Uint8Array) as Map<number, CborValue>;
  edit(claims.get(-65537) as Map<number, CborValue>);
  cose[2] = encodeCbor(claims);
  return FORM_CODE_PREFIX + encodeBase45(encodeCbor(cose));
}

for (const target of dbTargets()) {
  describe(`confirmation forms on ${target.name}`, () => {
    let p: TestPlatform;
    let clerk: string;
    const idOf = async (phone: string) =>
      (await findResidentByPhone(p.ctx.db, p.ctx.personal, phone))!.idNumber!;
    const issue = (body: unknown, token = clerk) =>
      p.call('POST', '/api/v1/staff/confirmation-forms', { token, body });
    const verify = (code: string) => p.call('POST', '/api/v1/verify', { body: { code } });

    before(async () => {
      p = await startPlatform(target, '2026-11-20T10:00:00+08:00');
      clerk = await p.staffToken('clerk-110101'); // 东华门派出所; the holder lives in 朝阳区: any station
    });
    after(() => p.close());

    test('the PDF round trip: Chinese fields printed, QR read off the raster, valid; revoked later', async () => {
      const idNumber = await idOf('13800000001'); // 王小明, residence permit of 建外派出所
      const res = await issue({ idNumber, evidence: 'id_card' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdfPages(pdf), 1);
      const serial = String(res.headers['x-form-serial']);
      const text = pdfText(pdf);
      for (const printed of [
        '北京市居住证（卡）确认单',
        '王小明',
        idNumber,
        '1990年05月12日',
        '北京市朝阳区建外街道',
        '居住证',
        '有效',
        '建外派出所',
        '东华门派出所',
        serial,
        '2026年11月20日 10:00（北京时间）',
        '户籍专用章',
      ]) {
        assert.ok(text.includes(printed), `printed: ${printed}`);
      }
      const code = readQr(rasterise(pdf)) ?? '';
      assert.ok(code.startsWith(FORM_CODE_PREFIX), `QR read: ${code.slice(0, 12)}`);
      const ok = (await verify(code)).json();
      assert.equal(ok.result, 'valid');
      assert.equal(ok.kind, 'residence_permit');
      assert.equal(ok.card.maskedName, '王**');
      assert.deepEqual(ok.form, {
        serial,
        issuedAt: '2026-11-20T02:00:00.000Z',
        stationId: 'ps-110101-dhm',
        stationName: '东华门派出所',
      });

      const holder = await p.residentToken('13800000001');
      const cardId = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json()[0].id;
      const log = (await p.call('GET', '/api/v1/me/access-log', { token: holder })).json();
      assert.ok(
        log.some(
          (e: { result: string; verifier: string }) =>
            e.result === 'confirmation_form_issued' && e.verifier === '东华门派出所',
        ),
      );
      assert.ok(
        log.some((e: { result: string }) => e.result === 'valid'),
        'the check of the form is listed too',
      );

      const officer = await p.staffToken('officer-110105');
      const revoked = await p.call('POST', `/api/v1/staff/cards/${cardId}/revoke`, {
        token: officer,
        body: { reason: '核查发现申报地址无此人居住' },
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await verify(code)).json().result, 'revoked', 'the same paper, the permit revoked since');
    });

    test('an altered field or signature fails as bad_signature', async () => {
      const res = await issue({ idNumber: await idOf('13800000002'), evidence: 'household_register' });
      const code = readQr(rasterise(res.rawPayload)) ?? '';
      assert.equal((await verify(code)).json().result, 'valid');
      assert.equal((await verify(alter(code, (own) => own.set(5, '李娜娜')))).json().result, 'bad_signature');
      assert.equal((await verify(alter(code, (own) => own.set(15, 3)))).json().result, 'bad_signature');
      const bytes = decodeBase45(code.slice(FORM_CODE_PREFIX.length))!;
      bytes[bytes.length - 3]! ^= 0x01;
      assert.equal((await verify(FORM_CODE_PREFIX + encodeBase45(bytes))).json().result, 'bad_signature');
      assert.equal((await verify('JZF9:ABC')).json().result, 'unsupported_version');
    });

    test('each form is audited with its serial; serials never repeat', async () => {
      const idNumber = await idOf('13800000007'); // 孙丽, a physical permit shown electronically
      const a = await issue({ idNumber, evidence: 'origin_certificate' });
      const b = await issue({ idNumber, evidence: 'id_card' });
      assert.notEqual(a.headers['x-form-serial'], b.headers['x-form-serial']);
      const audits = await p.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'confirmation_form.issued'));
      const serials = audits.map((r) => (r.details as { serial: string }).serial);
      assert.ok(serials.includes(String(a.headers['x-form-serial'])));
      assert.equal(new Set(serials).size, serials.length);
      assert.ok(audits.every((r) => r.channel === 'window' && r.stationId === 'ps-110101-dhm'));
    });

    test('a live display code as evidence: the holder’s own is taken, someone else’s refused', async () => {
      const li = await p.residentToken('13800000002');
      const cardId = (await p.call('GET', '/api/v1/me/cards', { token: li })).json()[0].id;
      const shown = (
        await p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token: li, body: {} })
      ).json();
      const own = await issue({ idNumber: await idOf('13800000002'), evidence: { code: shown.code } });
      assert.equal(own.statusCode, 201, own.body);
      assert.match(pdfText(own.rawPayload), /电子居住证（卡）动态二维码/);
      const other = await issue({ idNumber: await idOf('13800000008'), evidence: { code: shown.code } });
      assertError(other, 422, 'EVIDENCE_REJECTED');
      assert.deepEqual(other.json().error.details, { field: 'evidence.code', result: 'another_holder' });
      p.clock.advance(120_000); // the code has expired: no longer live evidence
      assertError(
        await issue({ idNumber: await idOf('13800000002'), evidence: { code: shown.code } }),
        422,
        'EVIDENCE_REJECTED',
      );
    });

    test('bad input: unknown holder 404, bad evidence 400 naming the field, bad ID number 422', async () => {
      assertError(
        await issue({ idNumber: '11010519491231002X', evidence: 'id_card' }),
        404,
        'HOLDER_NOT_FOUND',
      );
      assertError(
        await issue({ idNumber: await idOf('13800000008'), evidence: 'id_card' }),
        404,
        'HOLDER_NOT_FOUND',
      );
      const bad = await issue({ idNumber: await idOf('13800000001'), evidence: 'passport' });
      assertError(bad, 400, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(bad.json().error), /evidence/);
      assertError(
        await issue({ idNumber: '110105194912310021', evidence: 'id_card' }),
        422,
        'ID_NUMBER_INVALID',
      );
    });
  });
}
