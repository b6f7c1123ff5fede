// What several processes do at start-up, run at once on one database: create the signing keys and
// the personal-data keys and seed the demo data once; and the trust anchor verifiers are told to pin is the key that signs the
// trust list. On PostgreSQL the set-ups really overlap (a pool of connections); on PGlite they
// take turns.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isNull, sql } from 'drizzle-orm';
import { fixedClock } from '../src/domain/clock.ts';
import { generateSigningKey } from '../src/credentials/index.ts';
import { dataKeys, signingKeys, stations } from '../src/db/schema/index.ts';
import { isUniqueViolation } from '../src/db/errors.ts';
import { createServiceContext } from '../src/services/create-context.ts';
import { ensureSigningKeys } from '../src/services/credentials/manage-signing-keys.ts';
import { signedTrustList, trustAnchor } from '../src/services/credentials/published-keys.ts';
import { seedDemo } from '../src/services/demo/seed-demo.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';
import type { Database } from '../src/db/client.ts';
import { verifyTrustList } from '../src/verify/index.ts';
import { dbTargets } from './support/test-db.ts';
import { testCredentials, testKek } from './support/test-app.ts';

const at = new Date('2025-09-26T02:00:00Z');

/** A freshly generated key as a row (its windows set by the caller). */
const keyRow = (purpose: 'display_code' | 'trust_anchor', createdAt: Date) => {
  const k = generateSigningKey('ES256', testKek, createdAt);
  return {
    kid: k.kid,
    purpose,
    alg: k.alg,
    publicJwk: k.publicJwk,
    encryptedPrivateKey: k.encryptedPrivateKey,
    createdAt,
  };
};

/** One process's services on the shared database. */
const processOn = (database: Database) =>
  createServiceContext({
    database,
    clock: fixedClock(at),
    mode: 'demo',
    credentials: testCredentials,
  });

for (const target of dbTargets()) {
  describe(`start-up of several processes (${target.name})`, () => {
    test('keys and demo data are created once, however many start at once', async () => {
      const database = await target.open();
      try {
        const processes = [processOn(database), processOn(database), processOn(database)];
        await Promise.all(processes.map((ctx) => ensureSigningKeys(ctx)));
        // The personal-data keys too: one pair, the same in every process.
        await Promise.all(processes.map((ctx) => loadDataKeys(ctx)));
        assert.equal((await database.db.select().from(dataKeys)).length, 2);
        const indexes = processes.map((ctx) =>
          Buffer.from(ctx.personal.index('phone', '13800000001')).toString('hex'),
        );
        assert.equal(new Set(indexes).size, 1, 'every process finds the same resident');
        const seeded = await Promise.all(processes.slice(0, 2).map((ctx) => seedDemo(ctx)));
        assert.deepEqual(seeded.map((s) => s.seeded).sort(), [false, true]);
        const current = await database.db
          .select({ purpose: signingKeys.purpose, n: sql<number>`count(*)::int` })
          .from(signingKeys)
          .where(isNull(signingKeys.signUntil))
          .groupBy(signingKeys.purpose)
          .orderBy(signingKeys.purpose);
        assert.deepEqual(
          current.map((r) => [r.purpose, r.n]),
          [
            ['display_code', 1],
            ['trust_anchor', 1],
          ],
        );
        assert.ok((await database.db.select().from(stations)).length > 0);
      } finally {
        await database.close();
      }
    });

    test('the database refuses a second current signer of a purpose', async () => {
      const database = await target.open();
      try {
        await ensureSigningKeys(processOn(database));
        await assert.rejects(database.db.insert(signingKeys).values(keyRow('trust_anchor', at)), (e) =>
          isUniqueViolation(e),
        );
      } finally {
        await database.close();
      }
    });

    test('the published trust anchor is the key that signs the trust list', async () => {
      const database = await target.open();
      try {
        // An older anchor still inside a signing window that ends later, and a newer one: the
        // signer takes the newest. The older row is updated last, so a pick by row order differs.
        const older = keyRow('trust_anchor', new Date(at.getTime() - 7200_000));
        const newer = keyRow('trust_anchor', new Date(at.getTime() - 3600_000));
        await database.db.insert(signingKeys).values([{ ...older, signUntil: at }, newer]);
        await database.db
          .update(signingKeys)
          .set({ signUntil: new Date(at.getTime() + 3600_000) })
          .where(sql`${signingKeys.kid} = ${older.kid}`);
        const ctx = processOn(database);
        await ensureSigningKeys(ctx);
        const anchor = await trustAnchor(ctx);
        assert.equal(anchor.kid, newer.kid);
        const checked = await verifyTrustList(await signedTrustList(ctx), [anchor], {
          now: at,
          skewSeconds: 10,
        });
        assert.ok(checked.ok, 'the anchor verifies the trust list');
      } finally {
        await database.close();
      }
    });

    test('a clock set back past the current keys (a demo restarted at its JUZHU_CLOCK): they keep signing', async () => {
      const database = await target.open();
      try {
        const later = createServiceContext({
          database,
          clock: fixedClock(new Date(at.getTime() + 600_000)),
          mode: 'demo',
          credentials: testCredentials,
        });
        await ensureSigningKeys(later); // the first run, ten minutes on
        const ctx = processOn(database); // the restart, back at `at`
        await ensureSigningKeys(ctx);
        const keys = await database.db.select().from(signingKeys);
        assert.equal(keys.length, 2, 'no new keys: the current ones start now');
        assert.ok(keys.every((k) => k.createdAt.getTime() === at.getTime()));
        const anchor = await trustAnchor(ctx);
        const checked = await verifyTrustList(await signedTrustList(ctx), [anchor], {
          now: at,
          skewSeconds: 10,
        });
        assert.ok(checked.ok, 'the trust list verifies at the restarted clock');
      } finally {
        await database.close();
      }
    });
  });
}
