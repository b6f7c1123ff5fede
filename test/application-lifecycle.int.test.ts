// The life of applications, on every database target, along one timeline of the frozen clock:
// materials asked for all at once and brought back (the time limit restarts on the official
// calendar), rejection with a reason, withdrawal, the overdue queue, who may have a residence permit,
// the yearly endorsement, change of address and replacement (new versions), and a window application
// by a relative for a minor or an elderly person, whose card the agent's wallet then shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, proofOfBasis, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Monday 2025-09-15, 10:00 in Beijing, the demo's today. Demo cards issued "3 months ago" were issued
// on 2025-06-15: 王小明's permit (first endorsement due 2026-06-15, window 2026-05-15..07-15) and
// 李娜's registration card (6 months held on 2025-12-15).
const MONDAY = '2025-09-15T10:00:00+08:00';
const at = (iso: string) => new Date(iso);

const HOME = '110105';
const homeAddress = { districtCode: HOME, street: '110105001', detail: '建国路 88 号 3 号楼 1201' };
const haidian = { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' };

interface View {
  id: string;
  status: string;
  acceptedOn: string;
  dueBy: string;
  missing: string[];
  reason: string | null;
  issuedCardId: string | null;
  overdue?: boolean;
}
interface WalletCard {
  id: string;
  kind: string;
  number: string;
  version: number;
  status: string;
  issuedOn: string;
  endorsementDueOn: string | null;
  districtCode: string;
  ward: { name: string; relation: string } | null;
}

for (const target of dbTargets()) {
  describe(`application lifecycle on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, MONDAY);
    });
    after(() => p.close());

    /** Logs a newcomer in and binds their identity. */
    const newcomer = async (phone: string, name: string, idNumber: string): Promise<string> => {
      const token = await p.residentToken(phone);
      const bound = await p.call('PUT', '/api/v1/me/identity', { token, body: { name, idNumber } });
      assert.equal(bound.statusCode, 200, bound.body);
      return token;
    };
    const apply = async (token: string, body: object) => {
      const res = await p.call('POST', '/api/v1/applications', { token, body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<View>();
    };
    const decide = (officer: string, id: string, body: object) =>
      p.call('POST', `/api/v1/staff/applications/${id}/decision`, { token: officer, body });
    const seen = async (token: string, id: string) =>
      (await p.call('GET', `/api/v1/applications/${id}`, { token })).json<View>();
    const wallet = async (token: string) =>
      (await p.call('GET', '/api/v1/me/cards', { token })).json<WalletCard[]>();
    const queue = async (officer: string, query = '') =>
      (await p.call('GET', `/api/v1/staff/applications${query}`, { token: officer })).json<{
        items: View[];
      }>().items;
    const ids = (views: { id: string }[]) => views.map((v) => v.id);

    // People of the story; their applications carry across the timeline.
    let student: { token: string; applicationId: string };
    let overdueId: string;
    let elderlyId: string;

    describe('Monday 2025-09-15', () => {
      test('a residence permit: NOT_ELIGIBLE for a newcomer, eligible with 6 declared months and a basis', async () => {
        const token = await newcomer('13912340101', '何静', makeTestIdNumber('430102', '2001-02-14', 26));
        const body = {
          type: 'residence_permit',
          address: homeAddress,
          materials: [photo, proofOfAddress, proofOfBasis],
        };
        for (const extra of [
          { basis: 'study' },
          { basis: 'study', declaredContributionMonths: 5 },
          { declaredContributionMonths: 6 },
        ]) {
          const res = await p.call('POST', '/api/v1/applications', {
            token,
            body: { ...body, ...extra },
            lang: 'en',
          });
          assertError(res, 422, 'NOT_ELIGIBLE');
          assertMessageIn(res, 'NOT_ELIGIBLE', 'en');
        }
        assert.deepEqual((await p.call('GET', '/api/v1/applications', { token })).json(), []);

        const applied = await apply(token, { ...body, basis: 'study', declaredContributionMonths: 6 });
        assert.equal(applied.status, 'submitted');
        assert.equal(applied.acceptedOn, '2025-09-15');
        assert.equal(applied.dueBy, '2025-09-25'); // 8 working days: 16–19, 22–25 September
        const officer = await p.staffToken(`officer-${HOME}`);
        const detail = (
          await p.call('GET', `/api/v1/staff/applications/${applied.id}`, { token: officer })
        ).json();
        assert.equal(detail.basis, 'study');
        assert.deepEqual(detail.eligibility, {
          route: 'declared_contributions',
          months: 6,
          officerMustCheck: true,
        });
        student = { token, applicationId: applied.id };
      });

      test('the officer asks for every missing item at once; the applicant sees the list and the note', async () => {
        const officer = await p.staffToken(`officer-${HOME}`);
        const note = '照片模糊；请补充学校出具的在读证明';
        const asked = await decide(officer, student.applicationId, {
          decision: 'request_materials',
          missing: ['proof_of_basis', 'photo'],
          reason: note,
        });
        assert.equal(asked.statusCode, 200, asked.body);
        const mine = await seen(student.token, student.applicationId);
        assert.equal(mine.status, 'needs_materials');
        assert.deepEqual(mine.missing, ['photo', 'proof_of_basis']);
        assert.equal(mine.reason, note);
        // Asked for, the application waits on the applicant: approving it now is not possible.
        const early = await decide(officer, student.applicationId, { decision: 'approve' });
        assertError(early, 409, 'INVALID_TRANSITION');
      });

      test('李娜 has held her registration card 3 months: NOT_ELIGIBLE for a permit by the card', async () => {
        const token = await p.residentToken('13800000002');
        const res = await p.call('POST', '/api/v1/applications', {
          token,
          body: {
            type: 'residence_permit',
            address: homeAddress,
            basis: 'employment',
            materials: [photo, proofOfAddress, proofOfBasis],
          },
        });
        assertError(res, 422, 'NOT_ELIGIBLE');
        assert.deepEqual((await p.call('GET', '/api/v1/applications', { token })).json(), []);
      });

      test('an endorsement before its window: ENDORSEMENT_NOT_OPEN, saying when it opens', async () => {
        const token = await p.residentToken('13800000001');
        const [permit] = await wallet(token);
        assert.ok(permit);
        assert.equal(permit.kind, 'residence_permit');
        assert.equal(permit.issuedOn, '2025-06-15');
        assert.equal(permit.endorsementDueOn, '2026-06-15');
        for (const lang of ['zh-CN', 'en', 'es'] as const) {
          const res = await p.call('POST', '/api/v1/applications', {
            token,
            body: { type: 'endorsement', cardId: permit.id },
            lang,
          });
          assertError(res, 409, 'ENDORSEMENT_NOT_OPEN');
          assertMessageIn(res, 'ENDORSEMENT_NOT_OPEN', lang);
          assert.ok(res.json().error.message.includes('2026-05-15'), res.json().error.message);
        }
        assert.deepEqual((await p.call('GET', '/api/v1/applications', { token })).json(), []);
      });

      test('a change of address: a new version of the card, and the old one leaves the wallet', async () => {
        const token = await p.residentToken('13800000002');
        const [old] = await wallet(token);
        assert.ok(old);
        assert.equal(old.version, 1);
        const newAddress = { districtCode: HOME, street: '110105004', detail: '三里屯路 19 号院 3 号楼 808' };
        const without = await p.call('POST', '/api/v1/applications', {
          token,
          body: { type: 'change', cardId: old.id, address: newAddress },
        });
        assertError(without, 422, 'MATERIALS_MISSING');
        assert.deepEqual(without.json().error.details.missing, ['proof_of_address']);

        const change = await apply(token, {
          type: 'change',
          cardId: old.id,
          address: newAddress,
          materials: [proofOfAddress],
        });
        const officer = await p.staffToken(`officer-${HOME}`);
        const approved = await decide(officer, change.id, { decision: 'approve' });
        assert.equal(approved.statusCode, 200, approved.body);
        assert.equal(approved.json().status, 'issued');

        const cards = await wallet(token);
        assert.equal(cards.length, 1, 'only the current version is shown');
        const [current] = cards;
        assert.ok(current);
        assert.notEqual(current.id, old.id);
        assert.equal(current.id, approved.json().issuedCardId);
        assert.equal(current.version, 2);
        assert.equal(current.number, old.number, 'the card keeps its number');
        assert.equal(current.issuedOn, '2025-09-15');
        assert.equal(current.status, 'valid');
      });

      test('a replacement: a new version, the old one gone from the wallet', async () => {
        const token = await p.residentToken('13800000006'); // 赵敏: a permit already at version 2, in 110101
        const [old] = await wallet(token);
        assert.ok(old);
        assert.equal(old.version, 2);
        const without = await p.call('POST', '/api/v1/applications', {
          token,
          body: { type: 'replacement', cardId: old.id },
        });
        assertError(without, 422, 'MATERIALS_MISSING');
        assert.deepEqual(without.json().error.details.missing, ['photo']);

        const replacement = await apply(token, { type: 'replacement', cardId: old.id, materials: [photo] });
        const refused = await decide(await p.staffToken(`officer-${HOME}`), replacement.id, {
          decision: 'approve',
        });
        assertError(refused, 404, 'NOT_FOUND'); // decided where the card was issued: 110101
        const approved = await decide(await p.staffToken('officer-110101'), replacement.id, {
          decision: 'approve',
        });
        assert.equal(approved.statusCode, 200, approved.body);

        const cards = await wallet(token);
        assert.deepEqual(
          cards.map((c) => [c.id, c.version, c.number, c.districtCode, c.endorsementDueOn]),
          [[approved.json().issuedCardId, 3, old.number, '110101', old.endorsementDueOn]],
        );
      });

      test('a rejection carries a reason the applicant sees; withdrawing it afterwards is a 409', async () => {
        const token = await newcomer('13912340102', '马骏', makeTestIdNumber('610102', '1987-06-30', 51));
        const applied = await apply(token, {
          type: 'registration_card',
          address: homeAddress,
          materials: [photo, proofOfAddress],
        });
        const officer = await p.staffToken(`officer-${HOME}`);
        const reason = '经核查，申报地址为商业用房，不能作为居住地址';
        const rejected = await decide(officer, applied.id, { decision: 'reject', reason });
        assert.equal(rejected.statusCode, 200, rejected.body);
        const mine = await seen(token, applied.id);
        assert.equal(mine.status, 'rejected');
        assert.equal(mine.reason, reason);
        assert.deepEqual(await wallet(token), []);
        const withdraw = await p.call('POST', `/api/v1/applications/${applied.id}/withdraw`, { token });
        assertError(withdraw, 409, 'INVALID_TRANSITION');
        assertError(await decide(officer, applied.id, { decision: 'approve' }), 409, 'INVALID_TRANSITION');
        assert.equal((await seen(token, applied.id)).reason, reason);
      });

      test('a withdrawal: out of the queue of work; deciding it afterwards is a 409', async () => {
        const token = await newcomer('13912340103', '宋雨', makeTestIdNumber('320102', '1999-09-09', 44));
        const applied = await apply(token, {
          type: 'registration_card',
          address: homeAddress,
          materials: [photo, proofOfAddress],
        });
        const withdrawn = await p.call('POST', `/api/v1/applications/${applied.id}/withdraw`, { token });
        assert.equal(withdrawn.statusCode, 200, withdrawn.body);
        assert.equal((await seen(token, applied.id)).status, 'withdrawn');
        const officer = await p.staffToken(`officer-${HOME}`);
        assert.ok(!ids(await queue(officer, '?status=submitted')).includes(applied.id));
        for (const decision of [{ decision: 'approve' }, { decision: 'reject', reason: '材料不实' }]) {
          assertError(await decide(officer, applied.id, decision), 409, 'INVALID_TRANSITION');
        }
        assertError(
          await p.call('POST', `/api/v1/applications/${applied.id}/withdraw`, { token }),
          409,
          'INVALID_TRANSITION',
        );
        assert.equal((await seen(token, applied.id)).status, 'withdrawn');
        assert.deepEqual(await wallet(token), []);
      });

      test('the overdue queue does not list an application before its due date', async () => {
        const token = await newcomer('13912340104', '冯涛', makeTestIdNumber('130102', '1994-01-20', 33));
        const applied = await apply(token, {
          type: 'registration_card',
          address: homeAddress,
          materials: [photo, proofOfAddress],
        });
        assert.equal(applied.dueBy, '2025-09-25');
        overdueId = applied.id;
        const officer = await p.staffToken(`officer-${HOME}`);
        assert.ok(!ids(await queue(officer, '?overdue=true')).includes(overdueId));
        const listed = (await queue(officer)).find((a) => a.id === overdueId);
        assert.equal(listed?.overdue, false);
      });

      describe('window intake by a relative (周杰, 13800000008, for his family in 110108)', () => {
        const agent = { name: '周杰', idNumber: makeTestIdNumber('440103', '2000-03-30', 8) }; // demo seed: 8th resident
        const intake = (ward: { name: string; idNumber: string }, proxy: object) => ({
          type: 'registration_card',
          address: haidian,
          applicant: ward,
          materialsChecked: ['photo', 'proof_of_address'],
          proxy: { agent, ...proxy },
        });
        const minor = { name: '周小雨', idNumber: makeTestIdNumber('440103', '2016-08-08', 22) }; // 9 years old
        const elderly = { name: '周桂兰', idNumber: makeTestIdNumber('440103', '1938-10-10', 20) };
        let minorApplicationId: string;

        test('for a minor under 16: accepted without a power of attorney', async () => {
          const clerk = await p.staffToken('clerk-110108');
          const res = await p.call('POST', '/api/v1/staff/applications', {
            token: clerk,
            body: intake(minor, {
              relation: 'sibling',
              reason: 'minor',
              documentsChecked: ['agent_id', 'proof_of_relationship'],
            }),
          });
          assert.equal(res.statusCode, 201, res.body);
          assert.equal(res.json().status, 'submitted');
          assert.equal(res.json().channel, 'window');
          assert.equal(res.json().districtCode, '110108');
          minorApplicationId = res.json().id;
          const detail = (
            await p.call('GET', `/api/v1/staff/applications/${minorApplicationId}`, { token: clerk })
          ).json();
          assert.equal(detail.proxy.relation, 'sibling');
          assert.equal(detail.proxy.reason, 'minor');
        });

        test('for an elderly ward: refused without a power of attorney (MATERIALS_MISSING), accepted with it', async () => {
          const clerk = await p.staffToken('clerk-110108');
          const officer = await p.staffToken('officer-110108');
          const before = ids(await queue(officer));
          const refused = await p.call('POST', '/api/v1/staff/applications', {
            token: clerk,
            body: intake(elderly, {
              relation: 'other_relative',
              reason: 'elderly',
              documentsChecked: ['agent_id', 'proof_of_relationship'],
            }),
          });
          assertError(refused, 422, 'MATERIALS_MISSING');
          assert.deepEqual(refused.json().error.details.missing, ['power_of_attorney']);
          assert.deepEqual(ids(await queue(officer)), before, 'nothing was taken');

          const taken = await p.call('POST', '/api/v1/staff/applications', {
            token: clerk,
            body: intake(elderly, {
              relation: 'other_relative',
              reason: 'elderly',
              documentsChecked: ['agent_id', 'proof_of_relationship', 'power_of_attorney'],
            }),
          });
          assert.equal(taken.statusCode, 201, taken.body);
          elderlyId = taken.json().id;
        });

        test("after approval, the agent's wallet shows the minor's card, marked as a ward's", async () => {
          const officer = await p.staffToken('officer-110108');
          const approved = await decide(officer, minorApplicationId, { decision: 'approve' });
          assert.equal(approved.statusCode, 200, approved.body);
          assert.equal(approved.json().status, 'issued');
          const agent = await p.residentToken('13800000008');
          const cards = await wallet(agent);
          // The agent shows the ward's card live; another resident cannot.
          const shown = await p.call('POST', `/api/v1/cards/${approved.json().issuedCardId}/display-codes`, {
            token: agent,
            body: {},
          });
          assert.equal(shown.statusCode, 201, shown.body);
          const verdict = await p.call('POST', '/api/v1/verify', { body: { code: shown.json().code } });
          assert.equal(verdict.json().result, 'valid');
          const stranger = await p.residentToken('13800000001');
          const refused = await p.call(
            'POST',
            `/api/v1/cards/${approved.json().issuedCardId}/display-codes`,
            { token: stranger, body: {} },
          );
          assert.equal(refused.statusCode, 404);
          assert.deepEqual(
            cards.map((c) => [c.id, c.kind, c.status, c.districtCode, c.ward]),
            [
              [
                approved.json().issuedCardId,
                'registration_card',
                'valid',
                '110108',
                { name: '周**', relation: 'sibling' },
              ],
            ],
          );
        });
      });
    });

    describe('Thursday 2025-09-25 to Friday 2025-09-26', () => {
      test('on the due date itself the application is not yet overdue', async () => {
        p.clock.set(at('2025-09-25T18:00:00+08:00'));
        const officer = await p.staffToken(`officer-${HOME}`);
        assert.ok(!ids(await queue(officer, '?overdue=true')).includes(overdueId));
      });

      test('the day after, the overdue queue lists it; not the application waiting on its applicant', async () => {
        p.clock.set(at('2025-09-26T10:00:00+08:00'));
        const officer = await p.staffToken(`officer-${HOME}`);
        const overdue = await queue(officer, '?overdue=true');
        assert.ok(ids(overdue).includes(overdueId));
        assert.ok(overdue.every((a) => a.overdue === true));
        assert.ok(!ids(overdue).includes(student.applicationId), 'needs_materials stops the clock');
        const haidianOverdue = await queue(await p.staffToken('officer-110108'), '?overdue=true');
        assert.deepEqual(ids(haidianOverdue), [elderlyId]);
      });

      test('resubmitted with what was asked for: the time limit restarts from today, on the official calendar', async () => {
        student.token = await p.residentToken('13912340101');
        const url = `/api/v1/applications/${student.applicationId}/materials`;
        const partial = await p.call('POST', url, { token: student.token, body: { materials: [photo] } });
        assertError(partial, 422, 'MATERIALS_MISSING');
        assert.deepEqual(partial.json().error.details.missing, ['proof_of_basis']);
        assert.equal((await seen(student.token, student.applicationId)).status, 'needs_materials');

        const res = await p.call('POST', url, {
          token: student.token,
          body: { materials: [photo, proofOfBasis] },
        });
        assert.equal(res.statusCode, 200, res.body);
        const mine = await seen(student.token, student.applicationId);
        assert.equal(mine.status, 'resubmitted');
        assert.deepEqual(mine.missing, []);
        assert.equal(mine.reason, null);
        assert.equal(mine.acceptedOn, '2025-09-26');
        // 8 working days over National Day: 9-28 (make-up Sunday), 9-29, 9-30, 10-9, 10-10,
        // 10-11 (make-up Saturday), 10-13, 10-14.
        assert.equal(mine.dueBy, '2025-10-14');

        const officer = await p.staffToken(`officer-${HOME}`);
        const detail = (
          await p.call('GET', `/api/v1/staff/applications/${student.applicationId}`, { token: officer })
        ).json();
        assert.deepEqual(
          detail.materials.map((m: { kind: string; round: number }) => `${m.round}:${m.kind}`).sort(),
          ['0:photo', '0:proof_of_address', '0:proof_of_basis', '1:photo', '1:proof_of_basis'],
        );
        assert.equal(detail.overdue, false);
        assert.ok(ids(await queue(officer, '?status=resubmitted')).includes(student.applicationId));
      });

      test('approved: issued, and the permit is in the wallet', async () => {
        const officer = await p.staffToken(`officer-${HOME}`);
        const approved = await decide(officer, student.applicationId, { decision: 'approve' });
        assert.equal(approved.statusCode, 200, approved.body);
        const mine = await seen(student.token, student.applicationId);
        assert.equal(mine.status, 'issued');
        const cards = await wallet(student.token);
        assert.deepEqual(
          cards.map((c) => [c.id, c.kind, c.status, c.issuedOn, c.endorsementDueOn]),
          [[mine.issuedCardId, 'residence_permit', 'valid', '2025-09-26', '2026-09-26']],
        );
      });
    });

    describe('December 2025: 李娜 has held a registration card for 6 months', () => {
      const permit = {
        type: 'residence_permit',
        address: homeAddress,
        basis: 'employment',
        materials: [photo, proofOfAddress, proofOfBasis],
      };

      test('on 2025-12-14, a day short: NOT_ELIGIBLE', async () => {
        p.clock.set(at('2025-12-14T10:00:00+08:00'));
        const token = await p.residentToken('13800000002');
        assertError(
          await p.call('POST', '/api/v1/applications', { token, body: permit }),
          422,
          'NOT_ELIGIBLE',
        );
      });

      test('on 2025-12-15: eligible by the card, counted from its first version', async () => {
        p.clock.set(at('2025-12-15T10:00:00+08:00'));
        const token = await p.residentToken('13800000002');
        const applied = await apply(token, permit);
        assert.equal(applied.dueBy, '2025-12-25');
        const officer = await p.staffToken(`officer-${HOME}`);
        const detail = (
          await p.call('GET', `/api/v1/staff/applications/${applied.id}`, { token: officer })
        ).json();
        // The version changed in September is superseded, yet still proves residence since June.
        assert.deepEqual(detail.eligibility, { route: 'registration_card_held', since: '2025-06-15' });
        const approved = await decide(officer, applied.id, { decision: 'approve' });
        assert.equal(approved.statusCode, 200, approved.body);
        const kinds = (await wallet(token)).map((c) => c.kind).sort();
        assert.deepEqual(kinds, ['registration_card', 'residence_permit']);
      });
    });

    describe("June 2026: 王小明's endorsement window is open (2026-05-15 to 2026-07-15)", () => {
      test('the endorsement is taken and approved: the same card, next due a year on', async () => {
        p.clock.set(at('2026-06-10T10:00:00+08:00'));
        const token = await p.residentToken('13800000001');
        const [before] = await wallet(token);
        assert.ok(before);
        const applied = await apply(token, { type: 'endorsement', cardId: before.id });
        assert.equal(applied.acceptedOn, '2026-06-10');
        assert.equal(applied.dueBy, '2026-06-23'); // Dragon Boat Festival, 19 June, is a day off
        const officer = await p.staffToken(`officer-${HOME}`);
        const approved = await decide(officer, applied.id, { decision: 'approve' });
        assert.equal(approved.statusCode, 200, approved.body);
        assert.equal(approved.json().issuedCardId, before.id);
        const cards = await wallet(token);
        assert.deepEqual(
          cards.map((c) => [c.id, c.version, c.status, c.endorsementDueOn]),
          [[before.id, before.version, 'valid', '2027-06-15']],
        );
      });

      test('a second endorsement the same year: ENDORSEMENT_NOT_OPEN until 2027-05-15', async () => {
        const token = await p.residentToken('13800000001');
        const [card] = await wallet(token);
        assert.ok(card);
        const res = await p.call('POST', '/api/v1/applications', {
          token,
          body: { type: 'endorsement', cardId: card.id },
          lang: 'en',
        });
        assertError(res, 409, 'ENDORSEMENT_NOT_OPEN');
        assert.equal(res.json().error.message, 'The endorsement is not open yet; it opens on 2027-05-15');
      });
    });
  });
}
