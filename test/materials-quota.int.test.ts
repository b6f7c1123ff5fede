// Storage (issue 9, finding 9): five rounds of 5 × 2 MiB uploads then withdrawal kept 50 MiB, and
// withdrawn applications kept their files for ever. Now one resident's applications hold at most the
// policy's quota at once, withdrawn and rejected files counting until their retention ends, and
// retention deletes them (the rows stay, marked purged). Here with a 10 MB quota: 2 MiB files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError, assertMessageIn } from './support/assert-error.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { blobs, materials } from '../src/db/schema/index.ts';
import { purgeExpiredMaterials } from '../src/services/applications/purge-expired-materials.ts';

const MiB = 1024 * 1024;
/** A PNG of `size` bytes: the signature the server checks, then filler. */
const png = (size: number) => {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes.toString('base64');
};
const address = { districtCode: '110105', street: '110105001', detail: '建国路 88 号 3 号楼 1201' };
const twoFiles = (mib: number) => ({
  type: 'registration_card',
  address,
  materials: [
    { kind: 'photo', contentType: 'image/png', content: png(mib * MiB - 16) },
    { kind: 'proof_of_address', contentType: 'image/png', content: png(mib * MiB - 16) },
  ],
});

for (const target of dbTargets()) {
  describe(`materials quota and retention on ${target.name}`, () => {
    let p: TestPlatform;
    let token: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-15T10:00:00+08:00', { policy: { materialsQuotaMb: 10 } });
      token = await p.residentToken('13900000801');
      const idNumber = makeTestIdNumber('110101', '1991-02-03', 801);
      const bound = await p.call('PUT', '/api/v1/me/identity', {
        token,
        body: { name: '存储测试', idNumber },
      });
      assert.equal(bound.statusCode, 200, bound.body);
    });
    after(() => p.close());

    const apply = (body: object, lang = 'zh-CN') =>
      p.call('POST', '/api/v1/applications', { token, body, lang });
    const withdraw = (id: string) => p.call('POST', `/api/v1/applications/${id}/withdraw`, { token });
    const heldFiles = () =>
      p.database.db.select({ id: materials.id }).from(materials).where(isNull(materials.purgedAt));

    test('applying and withdrawing over and over stops at the quota, with the figures', async () => {
      const ids: string[] = [];
      for (let round = 0; round < 2; round++) {
        const applied = await apply(twoFiles(2));
        assert.equal(applied.statusCode, 201, applied.body);
        ids.push(applied.json<{ id: string }>().id);
        assert.equal((await withdraw(ids.at(-1)!)).statusCode, 200);
      }
      // 8 MiB held in withdrawn applications; 4 more would pass the 10 MB.
      const refused = await apply(twoFiles(2), 'en');
      assertError(refused, 413, 'MATERIALS_QUOTA_EXCEEDED');
      assertMessageIn(refused, 'MATERIALS_QUOTA_EXCEEDED', 'en');
      assert.deepEqual(refused.json<{ error: { details: unknown } }>().error.details, {
        heldBytes: 8 * MiB - 64,
        quotaBytes: 10 * MiB,
      });
      assert.equal((await heldFiles()).length, 4, 'the refused upload stored nothing');
      // A smaller upload still fits.
      const small = await apply(twoFiles(0.5));
      assert.equal(small.statusCode, 201, small.body);
      assert.equal((await withdraw(small.json<{ id: string }>().id)).statusCode, 200);
    });

    test('retention deletes withdrawn files after 30 days, once; the quota is free again', async () => {
      p.clock.advance(29 * 86_400_000);
      assert.equal(await purgeExpiredMaterials(p.ctx), 0, 'not before the 30 days');
      p.clock.advance(2 * 86_400_000);
      assert.equal(await purgeExpiredMaterials(p.ctx), 6);
      assert.equal(await purgeExpiredMaterials(p.ctx), 0, 'a second run finds nothing');
      assert.equal((await heldFiles()).length, 0);
      const rows = await p.database.db.select().from(materials);
      assert.equal(rows.length, 6, 'the record of what was submitted stays');
      for (const m of rows) {
        assert.ok(m.purgedAt);
        const [blob] = await p.database.db.select().from(blobs).where(eq(blobs.key, m.storageKey));
        assert.equal(blob, undefined, 'the file itself is gone');
      }
      token = await p.residentToken('13900000801'); // a month on, the session has long ended
      const again = await apply(twoFiles(2));
      assert.equal(again.statusCode, 201, again.body);
    });

    test('files of an application still in progress are never purged', async () => {
      p.clock.advance(400 * 86_400_000);
      await purgeExpiredMaterials(p.ctx);
      const open = await p.database.db
        .select({ id: materials.id })
        .from(materials)
        .where(and(isNull(materials.purgedAt)));
      assert.equal(open.length, 2, 'the submitted application keeps its two files');
    });
  });
}
