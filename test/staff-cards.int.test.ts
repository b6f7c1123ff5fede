// Cards for staff (issue 7): find a card of the jurisdiction by number, holder's ID number or
// full name; open it to see the holder, every version and its history; a revocation shows there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';

// Demo resident 赵敏 (6th of the seed): a residence permit of 东城区 in its second version.
const ZHAO_ID = makeTestIdNumber('210102', '1998-01-15', 6);

for (const target of dbTargets()) {
  describe(`GET /api/v1/staff/cards on ${target.name}`, () => {
    let p: TestPlatform;
    let officer: string;
    const find = async (q: string, token = officer) => {
      const res = await p.call('GET', `/api/v1/staff/cards?q=${encodeURIComponent(q)}`, { token });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      officer = await p.staffToken('officer-110101');
    });
    after(() => p.close());

    test("by the holder's ID number, name or the card number: the current version, ID masked", async () => {
      const byId = await find(ZHAO_ID);
      assert.equal(byId.total, 1);
      const [card] = byId.items;
      assert.deepEqual([card.kind, card.version, card.status], ['residence_permit', 2, 'valid']);
      assert.equal(card.holder.name, '赵敏');
      assert.equal(card.holder.idNumber, `${ZHAO_ID.slice(0, 4)}**********${ZHAO_ID.slice(-4)}`);
      assert.deepEqual(
        (await find(card.number)).items.map((c: { id: string }) => c.id),
        [card.id],
      );
      assert.deepEqual(
        (await find('赵敏')).items.map((c: { id: string }) => c.id),
        [card.id],
      );
      // Names are sealed at rest and found by a keyed hash of the whole name: no prefix search.
      assert.equal((await find('赵')).total, 0);
      const all = (await p.call('GET', '/api/v1/staff/cards', { token: officer })).json();
      assert.ok(all.total >= 2, 'without q: every current card of the district');
      assert.ok(all.items.every((c: { districtCode: string }) => c.districtCode === '110101'));
    });

    test('another district finds nothing and opens nothing', async () => {
      const outsider = await p.staffToken('officer-110105');
      const [card] = (await find(ZHAO_ID)).items;
      assert.equal((await find(ZHAO_ID, outsider)).total, 0);
      assert.equal((await find(card.number, outsider)).total, 0);
      const res = await p.call('GET', `/api/v1/staff/cards/${card.id}`, { token: outsider });
      assert.equal(res.statusCode, 404);
    });

    test('the detail: every version, oldest first, and the history with a revocation', async () => {
      const [card] = (await find(ZHAO_ID)).items;
      const detail = async () =>
        (await p.call('GET', `/api/v1/staff/cards/${card.id}`, { token: officer })).json();
      const before = await detail();
      assert.deepEqual(
        before.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
        [
          [1, 'superseded'],
          [2, 'valid'],
        ],
      );
      assert.equal(before.revokedReason, null);
      const revoked = await p.call('POST', `/api/v1/staff/cards/${card.id}/revoke`, {
        token: officer,
        body: { reason: '核查发现信息不实' },
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      const after = await detail();
      assert.equal(after.status, 'revoked');
      assert.equal(after.revokedReason, '核查发现信息不实');
      const last = after.history[after.history.length - 1];
      assert.deepEqual([last.action, last.actorName], ['card.revoked', 'officer-110101']);
      assert.equal((await find(ZHAO_ID)).items[0].status, 'revoked', 'search shows it too');
    });
  });
}
