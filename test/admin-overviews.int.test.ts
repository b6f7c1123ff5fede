// What the administration pages list (issue 7): signing keys with their windows, an
// organisation's verifier keys (prefixes, never the key), and the policy in force with the
// source of each value.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { withPolicy } from '../src/domain/policy.ts';

for (const target of dbTargets()) {
  describe(`admin overviews on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      admin = await p.staffToken('admin');
    });
    after(() => p.close());
    const get = async (url: string) => {
      const res = await p.call('GET', url, { token: admin });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('signing keys: one signs now; after a rotation the old one still verifies but signs no more', async () => {
      const before = (await get('/api/v1/admin/keys')).filter(
        (k: { purpose: string }) => k.purpose === 'display_code',
      );
      assert.deepEqual(
        before.map((k: { signsNow: boolean }) => k.signsNow),
        [true],
      );
      assert.ok(!JSON.stringify(before).includes('encrypted'), 'no private part');
      const rotated = await p.call('POST', '/api/v1/admin/keys/rotate', { token: admin, body: {} });
      assert.equal(rotated.statusCode, 200, rotated.body);
      const after = (await get('/api/v1/admin/keys')).filter(
        (k: { purpose: string }) => k.purpose === 'display_code',
      );
      const old = after.find((k: { kid: string }) => k.kid === before[0].kid);
      const fresh = after.find((k: { kid: string }) => k.kid === rotated.json().kid);
      assert.equal(old.signsNow, false);
      assert.ok(old.verifyUntil > p.clock.now().toISOString(), 'still verifies');
      assert.equal(fresh.signsNow, true);
    });

    test("an organisation's keys: prefixes, and revocation shows", async () => {
      const org = await p.call('POST', '/api/v1/admin/verifier-orgs', {
        token: admin,
        body: { name: '朝阳医院', kind: 'hospital', fullRecord: false },
      });
      const orgId = org.json().id;
      const issued = (
        await p.call('POST', `/api/v1/admin/verifier-orgs/${orgId}/keys`, { token: admin })
      ).json();
      const [listed] = await get(`/api/v1/admin/verifier-orgs/${orgId}/keys`);
      assert.deepEqual([listed.id, listed.prefix, listed.revokedAt], [issued.id, issued.prefix, null]);
      assert.ok(!JSON.stringify(listed).includes(issued.key), 'the key itself is never listed');
      await p.call('DELETE', `/api/v1/admin/verifier-keys/${issued.id}`, { token: admin });
      assert.notEqual((await get(`/api/v1/admin/verifier-orgs/${orgId}/keys`))[0].revokedAt, null);
      const none = await p.call(
        'GET',
        '/api/v1/admin/verifier-orgs/3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f/keys',
        {
          token: admin,
        },
      );
      assert.equal(none.statusCode, 404);
    });

    test('the policy in force: every value with its default and its source', async () => {
      const defaults = await get('/api/v1/admin/policy');
      assert.equal(defaults.file, null);
      const review = defaults.settings.find((s: { name: string }) => s.name === 'reviewWorkingDays');
      assert.deepEqual(review, { name: 'reviewWorkingDays', value: 8, default: 8, source: 'default' });
      // As `juzhu serve` wires a JUZHU_POLICY_FILE that gave one setting:
      p.ctx.policy = withPolicy({ reviewWorkingDays: 5 });
      p.ctx.policySource = { file: '/etc/juzhu/policy.json', settings: ['reviewWorkingDays'] };
      const fromFile = await get('/api/v1/admin/policy');
      assert.equal(fromFile.file, '/etc/juzhu/policy.json');
      assert.deepEqual(
        fromFile.settings.find((s: { name: string }) => s.name === 'reviewWorkingDays'),
        { name: 'reviewWorkingDays', value: 5, default: 8, source: 'file' },
      );
      assert.ok(
        fromFile.settings
          .filter((s: { name: string }) => s.name !== 'reviewWorkingDays')
          .every((s: { source: string }) => s.source === 'default'),
      );
    });
  });
}
