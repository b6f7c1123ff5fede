// Verification visits (R14) on every database target, along one timeline of the frozen clock: a
// new card and a change of address each create a task for the community police of the street, due
// 5 working days later on the official calendar; the police assign it and record what they found;
// a mismatch goes to an officer of the district, who revokes the card through the one revocation
// (the card's codes then verify as revoked) or keeps it. Every route: 401, 403, 404, and the
// outcome from another street refused with VISIT_OUTSIDE_STREETS.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Friday 2025-09-26 in Beijing, before the National Day holiday (1–8 October, with Sunday 28
// September a make-up working day): 5 working days are 28, 29, 30 September, 9 and 10 October.
const FRIDAY = '2025-09-26T10:00:00+08:00';
const NOWHERE = '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f';

interface Visit {
  id: string;
  status: string;
  reason: string;
  stationId: string;
  address: { districtCode: string; streetCode: string; streetName: string | null; detail: string };
  holder: { name: string | null; idNumber: string | null };
  card: { id: string; number: string; version: number; status: string };
  dueOn: string;
  workingDaysLeft: number | null;
  overdue: boolean;
  assignedTo: { id: string; name: string } | null;
  outcome: string | null;
  note: string | null;
  reviewNote: string | null;
  history?: { action: string }[];
}
interface VisitPage {
  items: Visit[];
  total: number;
}

for (const target of dbTargets()) {
  describe(`verification visits on ${target.name}`, () => {
    let p: TestPlatform;
    let tokens: Record<string, string>;
    /** 李娜's change of address in 朝阳 (street 110105001, police-110105's station). */
    let moved: Visit;
    /** 周杰's new registration card in 海淀 street 110108012: no police station lists it but a service station. */
    let newcomer: Visit;
    let liNa: string;

    const list = async (who: string, query = '') => {
      const res = await p.call('GET', `/api/v1/staff/visits${query}`, { token: tokens[who] });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<VisitPage>();
    };
    const approve = async (officer: string, id: string) => {
      const res = await p.call('POST', `/api/v1/staff/applications/${id}/decision`, {
        token: await p.staffToken(officer),
        body: { decision: 'approve' },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json<{ issuedCardId: string }>().issuedCardId;
    };
    const apply = async (token: string, body: object) => {
      const res = await p.call('POST', '/api/v1/applications', { token, body });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string }>().id;
    };

    before(async () => {
      p = await startPlatform(target, FRIDAY);
      tokens = {};
      for (const u of [
        'police-110105',
        'police-110108',
        'officer-110105',
        'officer-110108',
        'clerk-110105',
        'admin',
      ])
        tokens[u] = await p.staffToken(u);
      liNa = await p.residentToken('13800000002');
      tokens.resident = liNa;
      const [card] = (await p.call('GET', '/api/v1/me/cards', { token: liNa })).json<{ id: string }[]>();
      assert.ok(card);
      const change = await apply(liNa, {
        type: 'change',
        cardId: card.id,
        address: { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
        materials: [proofOfAddress],
      });
      const movedCard = await approve('officer-110105', change);
      const zhouJie = await p.residentToken('13800000008');
      const first = await apply(zhouJie, {
        type: 'registration_card',
        address: { districtCode: '110108', street: '110108012', detail: '海淀大街 3 号院 2 号楼 101' },
        materials: [photo, proofOfAddress],
      });
      const newCard = await approve('officer-110108', first);
      moved = (await list('officer-110105')).items.find((v) => v.card.id === movedCard)!;
      newcomer = (await list('officer-110108')).items.find((v) => v.card.id === newCard)!;
      assert.ok(moved && newcomer);
    });
    after(() => p.close());

    test('a new card and a change of address each create a task for the street, due 5 working days on', () => {
      assert.equal(moved.reason, 'address_change');
      assert.equal(moved.status, 'open');
      assert.equal(moved.stationId, 'ps-110105-jg');
      assert.deepEqual(moved.address, {
        districtCode: '110105',
        districtName: '朝阳区',
        streetCode: '110105001',
        streetName: '建外街道',
        detail: '建国路 88 号 3 号楼 1201',
      });
      assert.equal(moved.holder.name, '李娜');
      assert.match(moved.holder.idNumber ?? '', /^\d{4}\*+\w{4}$/, 'masked');
      assert.equal(moved.card.version, 2);
      assert.equal(moved.dueOn, '2025-10-10', 'the holiday does not count, the make-up Sunday does');
      assert.equal(moved.workingDaysLeft, 5);
      assert.equal(moved.overdue, false);
      assert.equal(moved.assignedTo, null);
      assert.equal(newcomer.reason, 'new_card');
      assert.equal(newcomer.stationId, 'ss-110108-hd', 'the station whose police serve 110108012');
    });

    test('community police see their streets only, officers their district; nobody else', async () => {
      const mine = (await list('police-110105')).items;
      assert.ok(mine.some((v) => v.id === moved.id));
      assert.deepEqual([...new Set(mine.map((v) => v.address.districtCode))], ['110105']);
      const theirs = (await list('police-110108')).items;
      assert.ok(
        theirs.every((v) => ['110108011', '110108015'].includes(v.address.streetCode)),
        '110108012 is not their street',
      );
      assert.ok(!theirs.some((v) => v.id === newcomer.id));
      const district = (await list('officer-110108')).items;
      assert.ok(district.some((v) => v.id === newcomer.id));
      assert.deepEqual([...new Set(district.map((v) => v.address.districtCode))], ['110108']);
      // The demo's task for 李娜's old address is moot: she has moved.
      const moot = (await list('officer-110105', '?status=superseded')).items;
      assert.deepEqual(
        moot.map((v) => [v.holder.name, v.card.version]),
        [['李娜', 1]],
      );
      assertError(await p.call('GET', '/api/v1/staff/visits'), 401, 'UNAUTHENTICATED');
      for (const who of ['resident', 'clerk-110105', 'admin']) {
        assertError(await p.call('GET', '/api/v1/staff/visits', { token: tokens[who] }), 403, 'FORBIDDEN');
        assertError(
          await p.call('GET', `/api/v1/staff/visits/${moved.id}`, { token: tokens[who] }),
          403,
          'FORBIDDEN',
        );
      }
      const refused = await p.call('GET', '/api/v1/staff/visits?street=1101', {
        token: tokens['police-110105'],
        lang: 'es',
      });
      assertError(refused, 400, 'VALIDATION_FAILED');
      assert.equal(refused.json().error.field, 'street');
    });

    test('every route: 401 without a session, 403 for the wrong role, 404 outside the jurisdiction or for nothing', async () => {
      const routes: {
        method: 'GET' | 'POST';
        path: (id: string) => string;
        body?: object;
        roles: string[];
      }[] = [
        {
          method: 'GET',
          path: (id) => `/api/v1/staff/visits/${id}`,
          roles: ['police-110108', 'officer-110108'],
        },
        {
          method: 'GET',
          path: (id) => `/api/v1/staff/visits/${id}/assignees`,
          roles: ['police-110108', 'officer-110108'],
        },
        {
          method: 'POST',
          path: (id) => `/api/v1/staff/visits/${id}/assign`,
          body: { staffId: NOWHERE },
          roles: ['police-110108', 'officer-110108'],
        },
        {
          method: 'POST',
          path: (id) => `/api/v1/staff/visits/${id}/review`,
          body: { decision: 'keep', reason: '核实无误' },
          roles: ['officer-110108'],
        },
      ];
      for (const r of routes) {
        const call = (who?: string, id = moved.id) =>
          p.call(r.method, r.path(id), {
            ...(who ? { token: tokens[who] } : {}),
            ...(r.body ? { body: r.body } : {}),
          });
        assertError(await call(), 401, 'UNAUTHENTICATED');
        for (const who of ['resident', 'clerk-110105', 'admin'])
          assertError(await call(who), 403, 'FORBIDDEN');
        for (const who of r.roles) {
          const outside = await call(who);
          assertError(outside, 404, 'NOT_FOUND');
          const none = await call(who, NOWHERE);
          assertError(none, 404, 'NOT_FOUND');
          assert.equal(outside.json().error.message, none.json().error.message, 'existence does not leak');
        }
      }
      const outcome = (who?: string, id = moved.id) =>
        p.call('POST', `/api/v1/staff/visits/${id}/outcome`, {
          ...(who ? { token: tokens[who] } : {}),
          body: { outcome: 'confirmed' },
          lang: 'en',
        });
      assertError(await outcome(), 401, 'UNAUTHENTICATED');
      for (const who of ['resident', 'clerk-110105', 'officer-110105', 'admin'])
        assertError(await outcome(who), 403, 'FORBIDDEN');
      assertError(await outcome('police-110108', NOWHERE), 404, 'NOT_FOUND');
      // An outcome from another street: another district's, and one of the same district that the
      // station does not serve.
      for (const id of [moved.id, newcomer.id]) {
        const refused = await outcome('police-110108', id);
        assertError(refused, 403, 'VISIT_OUTSIDE_STREETS');
        assertMessageIn(refused, 'VISIT_OUTSIDE_STREETS', 'en');
      }
      const review = await p.call('GET', '/api/v1/staff/visits/review', { token: tokens['police-110105'] });
      assertError(review, 403, 'FORBIDDEN');
      assertError(await p.call('GET', '/api/v1/staff/visits/review'), 401, 'UNAUTHENTICATED');
      assert.equal(
        (await list('officer-110105')).items.find((v) => v.id === moved.id)?.status,
        'open',
        'nothing changed',
      );
    });

    test("the police take the visit; a mismatch needs a note, named in the reader's language", async () => {
      const police = tokens['police-110105']!;
      const assignees = (
        await p.call('GET', `/api/v1/staff/visits/${moved.id}/assignees`, { token: police })
      ).json<{ id: string; name: string }[]>();
      assert.deepEqual(
        assignees.map((a) => a.name),
        ['police-110105'],
      );
      const clerk = (
        await p.call('GET', `/api/v1/staff/visits/${moved.id}/assignees`, { token: tokens['officer-110105'] })
      ).json<{ id: string }[]>();
      assert.deepEqual(clerk, assignees, 'the officer sees the same choice');
      const wrong = await p.call('POST', `/api/v1/staff/visits/${moved.id}/assign`, {
        token: police,
        body: { staffId: NOWHERE },
        lang: 'zh-CN',
      });
      assertError(wrong, 400, 'VALIDATION_FAILED');
      assert.equal(wrong.json().error.field, 'staffId');
      assert.match(wrong.json().error.message, /staffId/);
      const assigned = await p.call('POST', `/api/v1/staff/visits/${moved.id}/assign`, {
        token: police,
        body: { staffId: assignees[0]!.id },
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json<Visit>().assignedTo?.name, 'police-110105');
      assert.deepEqual(
        (await list('police-110105', '?assigned=me')).items.map((v) => v.id),
        [moved.id],
      );

      for (const lang of ['zh-CN', 'en', 'es'] as const) {
        const noNote = await p.call('POST', `/api/v1/staff/visits/${moved.id}/outcome`, {
          token: police,
          body: { outcome: 'mismatch', note: '  ' },
          lang,
        });
        assertError(noNote, 400, 'VALIDATION_FAILED');
        assert.equal(noNote.json().error.field, 'note');
        assert.match(noNote.json().error.message, /note/, lang);
      }
      const typo = await p.call('POST', `/api/v1/staff/visits/${moved.id}/outcome`, {
        token: police,
        body: { outcome: 'absent', note: 'x' },
      });
      assertError(typo, 400, 'VALIDATION_FAILED');
      assert.equal(typo.json().error.field, 'outcome');
      assert.equal(
        (await list('police-110105')).items.find((v) => v.id === moved.id)?.status,
        'open',
        'nothing half-written',
      );

      const note = '1201 室住户为他人，称不认识李娜';
      const recorded = await p.call('POST', `/api/v1/staff/visits/${moved.id}/outcome`, {
        token: police,
        body: { outcome: 'mismatch', note },
      });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.equal(recorded.json<Visit>().status, 'needs_review');
      assert.equal(recorded.json<Visit>().note, note);
      const again = await p.call('POST', `/api/v1/staff/visits/${moved.id}/outcome`, {
        token: police,
        body: { outcome: 'confirmed' },
      });
      assertError(again, 409, 'INVALID_TRANSITION');
    });

    test("the officer's review queue; revoking from the visit is the card's one revocation", async () => {
      const officer = tokens['officer-110105']!;
      const code = await p.call('POST', `/api/v1/cards/${moved.card.id}/display-codes`, {
        token: liNa,
        body: {},
      });
      assert.equal(code.statusCode, 201, code.body);
      const queue = (
        await p.call('GET', '/api/v1/staff/visits/review', { token: officer })
      ).json<VisitPage>();
      assert.deepEqual(
        queue.items.map((v) => [v.id, v.outcome]),
        [[moved.id, 'mismatch']],
      );
      assert.deepEqual(
        (
          await p.call('GET', '/api/v1/staff/visits/review', { token: tokens['officer-110108'] })
        ).json<VisitPage>().items,
        [],
      );
      const blank = await p.call('POST', `/api/v1/staff/visits/${moved.id}/review`, {
        token: officer,
        body: { decision: 'revoke', reason: ' ' },
      });
      assertError(blank, 400, 'VALIDATION_FAILED');
      assert.equal(blank.json().error.field, 'reason');

      const reason = '社区民警核查：申报地址无此人居住';
      const revoked = await p.call('POST', `/api/v1/staff/visits/${moved.id}/review`, {
        token: officer,
        body: { decision: 'revoke', reason },
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal(revoked.json<Visit>().status, 'revoked');
      assert.equal(revoked.json<Visit>().card.status, 'revoked');

      const verdict = await p.call('POST', '/api/v1/verify', { body: { code: code.json().code } });
      assert.equal(verdict.json().result, 'revoked');
      const mine = (await p.call('GET', '/api/v1/me/cards?all=true', { token: liNa })).json<
        { id: string; status: string; revokedReason: string | null }[]
      >();
      assert.deepEqual(
        mine.filter((c) => c.id === moved.card.id).map((c) => [c.status, c.revokedReason]),
        [['revoked', reason]],
        'the holder sees why',
      );
      // The same audit trail as a revocation from the card page, with the visit named.
      const card = (await p.call('GET', `/api/v1/staff/cards/${moved.card.id}`, { token: officer })).json<{
        history: { action: string; actorName: string | null; details: Record<string, unknown> }[];
      }>();
      const entry = card.history.find((h) => h.action === 'card.revoked');
      assert.deepEqual([entry?.actorName, entry?.details], ['officer-110105', { visitId: moved.id }]);
      const detail = (
        await p.call('GET', `/api/v1/staff/visits/${moved.id}`, { token: officer })
      ).json<Visit>();
      assert.deepEqual(
        detail.history?.map((h) => h.action),
        ['visit.created', 'visit.assigned', 'visit.outcome_recorded', 'visit.reviewed'],
      );
      assertError(
        await p.call('POST', `/api/v1/staff/visits/${moved.id}/review`, {
          token: officer,
          body: { decision: 'keep', reason: '再次核查' },
        }),
        409,
        'INVALID_TRANSITION',
      );
      assert.equal(
        (await p.call('GET', '/api/v1/staff/visits/review', { token: officer })).json<VisitPage>().total,
        0,
      );
    });

    test('confirmed closes a visit; not_found kept by the officer leaves the card as it was', async () => {
      const police101 = await p.staffToken('police-110101');
      const zhaoMin = (await p.call('GET', '/api/v1/staff/visits', { token: police101 }))
        .json<VisitPage>()
        .items.find((v) => v.holder.name === '赵敏');
      assert.equal(zhaoMin?.card.version, 2, "the demo's task is for the version in use");
      const confirmed = await p.call('POST', `/api/v1/staff/visits/${zhaoMin.id}/outcome`, {
        token: police101,
        body: { outcome: 'confirmed' },
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.deepEqual(
        [
          confirmed.json<Visit>().status,
          confirmed.json<Visit>().note,
          confirmed.json<Visit>().assignedTo?.name,
        ],
        ['confirmed', null, 'police-110101'],
        'whoever went is on it',
      );
      const officer101 = await p.staffToken('officer-110101');
      assert.equal(
        (await p.call('GET', '/api/v1/staff/visits/review', { token: officer101 })).json<VisitPage>().total,
        0,
        'nothing to review',
      );

      const police = tokens['police-110105']!;
      const wang = (await list('police-110105', '?status=open')).items.find(
        (v) => v.holder.name === '王小明',
      );
      assert.ok(wang);
      const missing = await p.call('POST', `/api/v1/staff/visits/${wang.id}/outcome`, {
        token: police,
        body: { outcome: 'not_found', note: '两次上门无人应答，邻居称近期见过' },
      });
      assert.equal(missing.statusCode, 200, missing.body);
      const kept = await p.call('POST', `/api/v1/staff/visits/${wang.id}/review`, {
        token: tokens['officer-110105'],
        body: { decision: 'keep', reason: '电话联系本人，确认在此居住，出差未归' },
      });
      assert.equal(kept.statusCode, 200, kept.body);
      assert.deepEqual(
        [kept.json<Visit>().status, kept.json<Visit>().card.status, kept.json<Visit>().reviewNote],
        ['kept', 'valid', '电话联系本人，确认在此居住，出差未归'],
      );
    });

    test('an open visit past its due date is overdue, counted in working days', async () => {
      p.clock.set(new Date('2025-10-13T09:00:00+08:00'));
      for (const u of ['officer-110105', 'officer-110108']) tokens[u] = await p.staffToken(u);
      const late = (await list('officer-110108', '?overdue=true')).items;
      assert.deepEqual(
        late.filter((v) => v.id === newcomer.id).map((v) => [v.overdue, v.workingDaysLeft]),
        [[true, -2]], // Saturday 11 October is a make-up working day
      );
      assert.ok(late.every((v) => v.overdue && v.status === 'open'));
      const all = (await list('officer-110108')).items;
      assert.ok(all.length > late.length || all.every((v) => v.overdue));
      const reviewed = (await list('officer-110105', '?overdue=true')).items;
      assert.ok(!reviewed.some((v) => v.id === moved.id), 'a reviewed visit is not overdue');
    });

    test('past the published calendar a new card still gets its visit, due on the provisional calendar', async () => {
      // Monday 28 December 2026: the packaged calendar ends with 2026; 1 January is a statutory day off.
      p.clock.set(new Date('2026-12-28T10:00:00+08:00'));
      const token = await p.residentToken('13912340201');
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: '韩梅', idNumber: makeTestIdNumber('320102', '1996-04-18', 27) },
      });
      assert.equal(bound.statusCode, 200, bound.body);
      const change = await apply(token, {
        type: 'registration_card',
        address: { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' },
        materials: [photo, proofOfAddress],
      });
      const issued = await approve('officer-110108', change);
      tokens['police-110108'] = await p.staffToken('police-110108');
      const visit = (await list('police-110108')).items.find((v) => v.card.id === issued);
      // 29, 30, 31 December, then 4 and 5 January (1 January off, 2-3 a weekend).
      assert.equal(visit?.dueOn, '2027-01-05');
      assert.equal(visit.reason, 'new_card');
    });
  });
}
