// Uploaded materials at rest (issue 9): a file is sealed (AES-256-GCM) under its material's id
// before it reaches storage; the officer opening it gets the very bytes sent; a file moved to
// another material's row does not open; the record of which file was sent is a keyed digest. Files
// of an older release, in clear, are sealed at start-up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { applyAsNewcomer } from './support/apply-as-newcomer.ts';
import { blobs, materials } from '../src/db/schema/index.ts';
import { materialColumn, materialDigest } from '../src/services/applications/store-materials.ts';
import { sealPlainMaterials } from '../src/services/personal-data/seal-plain-materials.ts';
import { FieldOpenError } from '../src/crypto/field-cipher.ts';

/** A PNG of `size` bytes: the signature the server checks, then a pattern a dump would show. */
const png = (size: number, fill: string) => {
  const bytes = Buffer.alloc(size);
  bytes.write(fill.repeat(Math.ceil(size / fill.length)), 'latin1');
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

for (const target of dbTargets()) {
  describe(`materials sealed at rest (${target.name})`, () => {
    let p: TestPlatform;
    let applicationId: string;
    const photo = png(200_000, 'PHOTO-OF-AN-APPLICANT;');
    const proof = png(3_000, 'LEASE-OF-AN-APPLICANT;');
    before(async () => {
      p = await startPlatform(target, '2025-09-15T10:00:00+08:00');
      const { application } = await applyAsNewcomer(p, {
        phone: '13900000901',
        name: '封存测试',
        id: ['110105', '1990-02-03', 901],
        materials: [
          { kind: 'photo', contentType: 'image/png', content: photo.toString('base64') },
          { kind: 'proof_of_address', contentType: 'image/png', content: proof.toString('base64') },
        ],
      });
      applicationId = application.id;
    });
    after(() => p.close());

    const stored = async () =>
      (
        await p.database.db
          .select({
            id: materials.id,
            kind: materials.kind,
            size: materials.size,
            digest: materials.sha256,
            key: blobs.key,
            blob: blobs,
          })
          .from(materials)
          .innerJoin(blobs, eq(blobs.key, materials.storageKey))
          .where(eq(materials.applicationId, applicationId))
      ).sort((a, b) => a.kind.localeCompare(b.kind));
    const readAsOfficer = async (materialId: string) =>
      p.call('GET', `/api/v1/staff/applications/${applicationId}/materials/${materialId}`, {
        token: await p.staffToken('officer-110105'),
      });

    test('the stored file is ciphertext; the officer gets the bytes sent; the size is the file’s', async () => {
      const rows = await stored();
      assert.deepEqual(
        rows.map((r) => [r.kind, r.size]),
        [
          ['photo', photo.length],
          ['proof_of_address', proof.length],
        ],
        'the quota counts the files as sent, not as sealed',
      );
      for (const [r, sent] of [
        [rows[0]!, photo],
        [rows[1]!, proof],
      ] as const) {
        assert.equal(r.blob.plainContent, null);
        const sealed = Buffer.from(r.blob.contentSealed!);
        assert.equal(sealed.length, sent.length + 29, 'key id, nonce and tag');
        assert.equal(sealed.indexOf('OF-AN-APPLICANT'), -1, 'nothing of the file in clear');
        const file = await readAsOfficer(r.id);
        assert.equal(file.statusCode, 200);
        assert.ok(file.rawPayload.equals(sent));
      }
    });

    test('the record of which file was sent is keyed: not the file’s plain SHA-256', async () => {
      for (const [r, sent] of (await stored()).map((row, i) => [row, [photo, proof][i]!] as const)) {
        assert.notEqual(r.digest, createHash('sha256').update(sent).digest('hex'));
        assert.equal(r.digest, materialDigest(p.ctx.personal, sent));
      }
    });

    test("a file moved to another material's row does not open", async () => {
      const [photoRow, proofRow] = await stored();
      assert.throws(
        () => p.ctx.personal.openBytes(materialColumn(proofRow!.id), photoRow!.blob.contentSealed!),
        FieldOpenError,
      );
      assert.throws(
        () => p.ctx.personal.openBytes('residents.name', photoRow!.blob.contentSealed!),
        FieldOpenError,
      );
    });

    test('files of an older release, in clear, are sealed at start-up and read as before', async () => {
      const [photoRow] = await stored();
      // As the release before sealing stored it.
      await p.database.db.execute(
        sql`update blobs set content = ${photo}, content_sealed = null where key = ${photoRow!.key}`,
      );
      assert.equal(await sealPlainMaterials(p.ctx), 1);
      assert.equal(await sealPlainMaterials(p.ctx), 0, 'a second start has nothing to do');
      const [after] = await stored();
      assert.equal(after!.blob.plainContent, null);
      assert.equal(Buffer.from(after!.blob.contentSealed!).indexOf('OF-AN-APPLICANT'), -1);
      const file = await readAsOfficer(photoRow!.id);
      assert.equal(file.statusCode, 200);
      assert.ok(file.rawPayload.equals(photo));
    });
  });
}
