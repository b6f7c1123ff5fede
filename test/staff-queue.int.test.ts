// The staff console's queue and application detail (issue 7), on every database target: the
// server filters, searches, sorts and pages the whole queue and counts what matches; each row
// carries the working days left on the official calendar; the detail carries what a decision
// needs, the ID number masked until an audited reveal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { photo, proofOfAddress, startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

const HOME = '110105';
const MASKED = /^\d{4}\*{10}[\dX]{4}$/;

const people = {
  zheng: { name: '郑文', idNumber: makeTestIdNumber('340104', '1993-08-19', 47) },
  an: { name: '安然', idNumber: makeTestIdNumber('320102', '1988-02-14', 31) },
  lin: { name: '林晓', idNumber: makeTestIdNumber('370102', '1996-04-18', 123) },
  ward: { name: '郑小雨', idNumber: makeTestIdNumber('340104', '2016-08-08', 22) },
};

for (const target of dbTargets()) {
  describe(`GET /api/v1/staff/applications (the queue) on ${target.name}`, () => {
    let p: TestPlatform;
    let officer: string;
    let clerk: string;
    const ids: Record<'zheng' | 'an' | 'lin' | 'ward' | 'change', string> = {
      zheng: '',
      an: '',
      lin: '',
      ward: '',
      change: '',
    };
    let cardNumber = '';
    const queue = async (query = '', token = officer) => {
      const res = await p.call('GET', `/api/v1/staff/applications${query}`, { token });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const intake = async (
      who: { name: string; idNumber: string },
      street: string,
      extra: object = {},
    ): Promise<string> => {
      const res = await p.call('POST', '/api/v1/staff/applications', {
        token: clerk,
        body: {
          type: 'registration_card',
          address: { districtCode: HOME, street, detail: '呼家楼北街 6 号院 1 号楼 502' },
          applicant: who,
          materialsChecked: ['photo', 'proof_of_address'],
          ...extra,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id;
    };
    // Staff sessions last a working day: sign in again each morning.
    const nextDay = async () => {
      p.clock.advance(24 * 3600_000);
      clerk = await p.staffToken(`clerk-${HOME}`);
    };

    before(async () => {
      // Tuesday 2025-06-10: one application a working day, so each has its own due date.
      p = await startPlatform(target, '2025-06-10T09:00:00+08:00');
      officer = await p.staffToken(`officer-${HOME}`);
      clerk = await p.staffToken(`clerk-${HOME}`);
      ids.zheng = await intake(people.zheng, '110105003'); // due 06-20
      await nextDay();
      const lin = await p.residentToken('13912340001');
      const bound = await p.call('PUT', '/api/v1/me/identity', { token: lin, body: people.lin });
      assert.equal(bound.statusCode, 200, bound.body);
      const online = await p.call('POST', '/api/v1/applications', {
        token: lin,
        body: {
          type: 'registration_card',
          address: { districtCode: HOME, street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
          materials: [photo, proofOfAddress],
        },
      });
      assert.equal(online.statusCode, 201, online.body);
      ids.lin = online.json().id; // due 06-23
      await nextDay();
      ids.an = await intake(people.an, '110105004'); // due 06-24
      await nextDay();
      ids.ward = await intake(people.ward, '110105003', {
        proxy: {
          agent: people.zheng,
          relation: 'parent',
          reason: 'minor',
          documentsChecked: ['agent_id', 'proof_of_relationship'],
        },
      }); // due 06-25
      await nextDay();
      const holder = await p.residentToken('13800000002'); // 李娜, a registration card of 110105
      const [card] = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json();
      cardNumber = card.number;
      const change = await p.call('POST', '/api/v1/applications', {
        token: holder,
        body: {
          type: 'change',
          cardId: card.id,
          address: { districtCode: HOME, street: '110105004', detail: '三里屯路 19 号院 3 号楼 808' },
          materials: [proofOfAddress],
        },
      });
      assert.equal(change.statusCode, 201, change.body);
      ids.change = change.json().id; // accepted Saturday 06-14: due 06-25 too, listed after (created later)
      // Monday 2025-06-23: 郑文's is a working day overdue, 林晓's is due today.
      p.clock.set(new Date('2025-06-23T10:00:00+08:00'));
      officer = await p.staffToken(`officer-${HOME}`);
      clerk = await p.staffToken(`clerk-${HOME}`);
    });
    after(() => p.close());

    test('earliest due first, with the working days left and the overdue flag', async () => {
      const page = await queue();
      assert.equal(page.total, 5);
      assert.deepEqual(
        page.items.map((r: { id: string }) => r.id),
        [ids.zheng, ids.lin, ids.an, ids.ward, ids.change],
      );
      assert.deepEqual(
        page.items.map((r: { workingDaysLeft: number; overdue: boolean }) => [r.workingDaysLeft, r.overdue]),
        [
          [-1, true],
          [0, false],
          [1, false],
          [2, false],
          [2, false],
        ],
      );
      const zheng = page.items[0];
      assert.equal(zheng.applicantName, '郑文', 'officers see the real name');
      assert.match(zheng.applicantIdNumber, MASKED);
      assert.ok(!JSON.stringify(page).includes(people.zheng.idNumber), 'no full ID number in the queue');
      assert.equal(zheng.channel, 'window');
      assert.equal(page.items[3].byProxy, true);
      assert.equal(page.items[4].cardNumber, cardNumber);
    });

    test('filters by status, type, channel and overdue; the total counts the matches', async () => {
      assert.deepEqual(
        (await queue('?overdue=true')).items.map((r: { id: string }) => r.id),
        [ids.zheng],
      );
      const online = await queue('?channel=online');
      assert.equal(online.total, 2);
      assert.ok(online.items.every((r: { channel: string }) => r.channel === 'online'));
      assert.equal((await queue('?type=change')).items[0].id, ids.change);
      assert.equal((await queue('?type=change&type=registration_card')).total, 5);
      assert.equal((await queue('?status=needs_materials')).total, 0);
      assert.equal((await queue('?status=submitted&channel=window')).total, 3);
    });

    test('search by full ID number, card number or full name', async () => {
      const byId = await queue(`?q=${people.an.idNumber}`);
      assert.deepEqual(
        byId.items.map((r: { id: string }) => r.id),
        [ids.an],
      );
      assert.deepEqual(
        (await queue(`?q=${cardNumber.toLowerCase()}`)).items.map((r: { id: string }) => r.id),
        [ids.change],
      );
      const byName = await queue(`?q=${encodeURIComponent('郑小雨')}`);
      assert.deepEqual(
        byName.items.map((r: { id: string }) => r.id),
        [ids.ward],
      );
      // Spaces typed inside a Han name do not matter: the name is compared in its canonical form.
      assert.equal((await queue(`?q=${encodeURIComponent(' 郑 文 ')}`)).items[0].id, ids.zheng);
      // Names are sealed at rest and found by a keyed hash of the whole name: no prefix search.
      assert.equal(
        (await queue(`?q=${encodeURIComponent('郑')}`)).total,
        0,
        'the start of a name finds nothing',
      );
      assert.equal((await queue(`?q=${encodeURIComponent('%')}`)).total, 0, 'a wildcard is a character');
    });

    test('sorts the whole queue on the server and pages through it', async () => {
      // Names are sealed at rest: a ciphertext has no order, so the queue is not sorted by name.
      assert.equal(
        (await p.call('GET', '/api/v1/staff/applications?sort=applicantName', { token: officer })).statusCode,
        400,
      );
      const newest = await queue('?sort=createdAt&order=desc&limit=1');
      assert.equal(newest.items[0].id, ids.change);
      const first = await queue('?limit=2');
      const second = await queue('?limit=2&offset=2');
      const third = await queue('?limit=2&offset=4');
      assert.deepEqual([first.total, second.total, third.total, first.limit, second.offset], [5, 5, 5, 2, 2]);
      assert.deepEqual(
        [...first.items, ...second.items, ...third.items].map((r: { id: string }) => r.id),
        [ids.zheng, ids.lin, ids.an, ids.ward, ids.change],
      );
      const past = await queue('?offset=50');
      assert.deepEqual([past.items, past.total], [[], 5]);
    });

    test('another district sees none of it, by search or by URL', async () => {
      const outsider = await p.staffToken('officer-110108');
      assert.equal((await queue(`?q=${people.an.idNumber}`, outsider)).total, 0);
      assert.equal((await queue(`?q=${cardNumber}`, outsider)).total, 0);
      const res = await p.call('GET', `/api/v1/staff/applications/${ids.an}`, { token: outsider });
      assert.equal(res.statusCode, 404);
    });

    describe('GET /api/v1/staff/applications/:id (the detail)', () => {
      test("the applicant's identity with the ID number masked, the address, the time limit", async () => {
        const d = (await p.call('GET', `/api/v1/staff/applications/${ids.zheng}`, { token: officer })).json();
        assert.deepEqual(
          [d.applicant.name, d.applicant.sex, d.applicant.birthDate],
          ['郑文', 'male', '1993-08-19'],
        );
        assert.match(d.applicant.idNumber, MASKED);
        assert.deepEqual([d.address.districtCode, d.address.streetCode], [HOME, '110105003']);
        // The officer reads the places by name, as on the card.
        assert.deepEqual([d.address.districtName, d.address.streetName], ['朝阳区', '呼家楼街道']);
        assert.equal(d.address.detail, '呼家楼北街 6 号院 1 号楼 502');
        assert.ok(Array.isArray(d.address.flags));
        assert.deepEqual([d.workingDaysLeft, d.overdue], [-1, true]);
        assert.deepEqual(d.materialsChecked, ['photo', 'proof_of_address'], 'what the clerk checked');
        assert.equal(d.proxy, null);
        assert.equal(d.card, null);
        assert.equal(d.history[0].action, 'application.accepted_at_window');
        assert.equal(d.history[0].actorKind, 'staff');
        assert.equal(typeof d.history[0].actorName, 'string', 'the clerk by name');
      });

      test('an online application: its materials and the photo to show', async () => {
        const d = (await p.call('GET', `/api/v1/staff/applications/${ids.lin}`, { token: officer })).json();
        assert.equal(d.applicant.name, '林晓');
        assert.deepEqual(d.materials.map((m: { kind: string }) => m.kind).sort(), [
          'photo',
          'proof_of_address',
        ]);
        const photoRow = d.materials.find((m: { kind: string }) => m.kind === 'photo');
        assert.equal(d.photoMaterialId, photoRow.id);
        assert.equal(d.materialsChecked, null);
        assert.equal(d.history[0].action, 'application.submitted');
      });

      test("a proxy application: the agent's name and masked ID, the relation and documents", async () => {
        const d = (await p.call('GET', `/api/v1/staff/applications/${ids.ward}`, { token: clerk })).json();
        assert.equal(d.proxy.agent.name, '郑文');
        assert.match(d.proxy.agent.idNumber, MASKED);
        assert.deepEqual(
          [d.proxy.relation, d.proxy.reason, d.proxy.documentsChecked],
          ['parent', 'minor', ['agent_id', 'proof_of_relationship']],
        );
      });

      test('a change: the card it concerns, with its status and validity', async () => {
        const d = (
          await p.call('GET', `/api/v1/staff/applications/${ids.change}`, { token: officer })
        ).json();
        assert.equal(d.card.number, cardNumber);
        assert.deepEqual([d.card.kind, d.card.version, d.card.status], ['registration_card', 1, 'valid']);
        assert.match(d.card.validUntil, /^\d{4}-\d{2}-\d{2}$/);
      });

      test('reveal-id gives the full numbers, once asked, and the history records who asked', async () => {
        const res = await p.call('POST', `/api/v1/staff/applications/${ids.ward}/reveal-id`, {
          token: clerk,
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), { applicant: people.ward.idNumber, agent: people.zheng.idNumber });
        assert.equal(res.headers['cache-control'], 'no-store');
        const d = (await p.call('GET', `/api/v1/staff/applications/${ids.ward}`, { token: officer })).json();
        const revealed = d.history.filter((e: { action: string }) => e.action === 'identity.revealed');
        assert.equal(revealed.length, 1);
        assert.ok(!JSON.stringify(revealed).includes(people.ward.idNumber), 'the trail names no number');
      });
    });
  });
}
