// The scripted journey of the permit spine, on every database target: OTP login, identity
// binding, a registration-card application, approval by the officer of that district, the card
// in the wallet; the same application refused to an officer of another district; and the due
// date of an application accepted on a Friday before a public holiday.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Friday 2025-09-26, 10:00 in Beijing: National Day holidays run 2025-10-01..08, with make-up
// working days on Sunday 2025-09-28 and Saturday 2025-10-11 (State Council notice, 2024-11-12).
const FRIDAY_BEFORE_NATIONAL_DAY = '2025-09-26T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`permit journey on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, FRIDAY_BEFORE_NATIONAL_DAY);
    });
    after(() => p.close());

    test('a newcomer applies online and the officer of the district issues the card', async () => {
      const token = await p.residentToken('13912345678');

      const none = await p.call('GET', '/api/v1/me/cards', { token });
      assert.equal(none.statusCode, 200);
      assert.deepEqual(none.json(), []);

      const notYet = await p.call('POST', '/api/v1/applications', {
        token,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(notYet.statusCode, 403);
      assert.equal(notYet.json().error.code, 'IDENTITY_REQUIRED');

      const idNumber = makeTestIdNumber('370102', '1996-04-18', 123);
      const bound = await p.call('PUT', '/api/v1/me/identity', { token, body: { name: '林晓', idNumber } });
      assert.equal(bound.statusCode, 200, bound.body);
      assert.equal(bound.json().maskedName, '林*');

      const applied = await p.call('POST', '/api/v1/applications', {
        token,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(applied.statusCode, 201, applied.body);
      const application = applied.json();
      assert.equal(application.status, 'submitted');
      assert.equal(application.acceptedOn, '2025-09-26');
      // 8 working days: 9-28 (make-up Sunday), 9-29, 9-30, 10-9, 10-10, 10-11 (make-up Saturday), 10-13, 10-14
      assert.equal(application.dueBy, '2025-10-14');

      const outsider = await p.staffToken('officer-110108');
      const refused = await p.call('POST', `/api/v1/staff/applications/${application.id}/decision`, {
        token: outsider,
        body: { decision: 'approve' },
      });
      assert.equal(refused.statusCode, 404);
      assert.equal(refused.json().error.code, 'NOT_FOUND');
      const notListed = await p.call('GET', '/api/v1/staff/applications', { token: outsider });
      assert.ok(!notListed.json().items.some((a: { id: string }) => a.id === application.id));

      p.clock.advance(2 * 24 * 3600_000); // the officer gets to it on Sunday 2025-09-28, a make-up working day
      const officer = await p.staffToken('officer-110105');
      const queue = await p.call('GET', '/api/v1/staff/applications?status=submitted', { token: officer });
      assert.ok(queue.json().items.some((a: { id: string }) => a.id === application.id));

      // The officer reviews the uploaded photo: the very bytes the applicant sent.
      const detail = (
        await p.call('GET', `/api/v1/staff/applications/${application.id}`, { token: officer })
      ).json();
      assert.deepEqual(detail.materials.map((m: { kind: string }) => m.kind).sort(), [
        'photo',
        'proof_of_address',
      ]);
      const photoId = detail.materials.find((m: { kind: string }) => m.kind === 'photo').id;
      const file = await p.call('GET', `/api/v1/staff/applications/${application.id}/materials/${photoId}`, {
        token: officer,
      });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'image/png');
      assert.equal(file.rawPayload.toString('base64'), photo.content);

      // A registration card has no basis to prove: asking for one is refused, nothing changes.
      const wrongAsk = await p.call('POST', `/api/v1/staff/applications/${application.id}/decision`, {
        token: officer,
        body: { decision: 'request_materials', missing: ['proof_of_basis'] },
      });
      assert.equal(wrongAsk.statusCode, 400);
      assert.equal(wrongAsk.json().error.code, 'VALIDATION_FAILED');

      const approved = await p.call('POST', `/api/v1/staff/applications/${application.id}/decision`, {
        token: officer,
        body: { decision: 'approve' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'issued');

      const again = await p.call('POST', `/api/v1/staff/applications/${application.id}/decision`, {
        token: officer,
        body: { decision: 'approve' },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'CONFLICT');

      const again2 = await p.residentToken('13912345678'); // two days on, the first session has lapsed
      const wallet = await p.call('GET', '/api/v1/me/cards', { token: again2 });
      const cards = wallet.json();
      assert.equal(cards.length, 1, 'exactly one card, even after a second approval attempt');
      assert.equal(cards[0].kind, 'registration_card');
      assert.equal(cards[0].status, 'valid');
      assert.equal(cards[0].issuedOn, '2025-09-28');
      assert.equal(cards[0].validUntil > '2026-03-01', true);
      assert.equal(cards[0].ward, null);

      const mine = await p.call('GET', `/api/v1/applications/${application.id}`, { token: again2 });
      assert.equal(mine.json().issuedCardId, cards[0].id);

      // A second registration card while this one is in force is refused: it is changed or replaced instead.
      const twin = await p.call('POST', '/api/v1/applications', {
        token: again2,
        body: {
          type: 'registration_card',
          address: { districtCode: '110105', street: '110105002', detail: '朝外大街 1 号' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(twin.statusCode, 409);
      assert.equal(twin.json().error.code, 'CONFLICT');
    });
  });
}

for (const target of dbTargets()) {
  describe(`logging out on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, FRIDAY_BEFORE_NATIONAL_DAY);
    });
    after(() => p.close());

    test('after logout the token no longer works, for a resident and for staff', async () => {
      for (const token of [await p.residentToken('13800000001'), await p.staffToken('officer-110105')]) {
        const path = '/api/v1/auth/logout';
        assert.equal((await p.call('POST', path, { token })).statusCode, 204);
        assert.equal((await p.call('GET', '/api/v1/me/cards', { token })).statusCode, 401);
        assert.equal((await p.call('POST', path, { token })).statusCode, 401);
      }
    });
  });
}
