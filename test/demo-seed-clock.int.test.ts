// Demo mode starts at any JUZHU_CLOCK from the e-permit start on (R11): seeding through the service
// succeeds at 2020-11-20, early in 2021 and today, and every resident holds a card that could exist
// that day, in the state the README promises or its documented stand-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { residents } from '../src/db/schema/index.ts';
import { listMyCards } from '../src/services/cards/list-my-cards.ts';
import { startPlatform } from './support/test-app.ts';
import { dbTargets } from './support/test-db.ts';
import { openResident } from '../src/db/repositories/residents.ts';

const pglite = dbTargets()[0]!;

async function holdings(at: string): Promise<Record<string, string[]>> {
  const p = await startPlatform(pglite, at);
  try {
    const people = (await p.ctx.db.select().from(residents)).map((r) => openResident(p.ctx.personal, r));
    const out: Record<string, string[]> = {};
    for (const r of people) {
      const cards = await listMyCards(p.ctx, r.id, { includeInactive: true });
      out[r.phone ?? ''] = cards.map((c) => `${c.source} ${c.kind} ${c.status} v${c.version}`).sort();
    }
    return out;
  } finally {
    await p.close();
  }
}

test('at the e-permit start day: electronic cards issued that day, physical ones from before', async () => {
  const h = await holdings('2020-11-20T10:00:00+08:00');
  assert.deepEqual(h['13800000001'], ['electronic residence_permit valid v1']);
  assert.deepEqual(h['13800000002'], ['electronic registration_card valid v1']);
  assert.deepEqual(h['13800000003'], [], 'no permit can be suspended in its first year');
  assert.deepEqual(h['13800000004'], ['legacy registration_card expired v1']);
  assert.deepEqual(h['13800000005'], ['electronic residence_permit revoked v1']);
  assert.deepEqual(h['13800000006'], [
    'electronic residence_permit superseded v1',
    'electronic residence_permit valid v2',
  ]);
  assert.deepEqual(h['13800000007'], ['legacy residence_permit valid v1']);
  assert.deepEqual(h['13800000008'], []);
});

test('at 2021-02-05 (the clock that used to stop the demo) the seed succeeds', async () => {
  const h = await holdings('2021-02-05T10:00:00+08:00');
  assert.deepEqual(h['13800000001'], ['electronic residence_permit valid v1']);
  assert.deepEqual(h['13800000003'], []);
  assert.deepEqual(h['13800000004'], ['legacy registration_card expired v1']);
  assert.deepEqual(h['13800000006']?.length, 2);
});

test('today every README state is there, electronic', async () => {
  const h = await holdings(new Date().toISOString());
  assert.deepEqual(h['13800000003'], ['electronic residence_permit suspended v1']);
  assert.deepEqual(h['13800000004'], ['electronic registration_card expired v1']);
  assert.deepEqual(h['13800000007'], ['legacy residence_permit valid v1']);
});

test('before the e-permit start the seed issues nothing electronic', async () => {
  const h = await holdings('2020-11-19T10:00:00+08:00');
  const all = Object.values(h).flat();
  assert.ok(all.length > 0);
  assert.ok(
    all.every((c) => c.startsWith('legacy ')),
    all.join(', '),
  );
});
