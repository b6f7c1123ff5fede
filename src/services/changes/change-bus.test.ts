import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChannelHandlers } from '../../db/change-channel.ts';
import type { Db } from '../../db/client.ts';
import { createChangeBus, FALLBACK_TTL_MS, parseAnnouncement, type Heard } from './change-bus.ts';
import { writeAndAnnounce } from './write-and-announce.ts';

/** A bus whose channel the test drives: what it sent, and the handlers to answer with. */
function wiredBus() {
  const sent: string[] = [];
  let handlers: ChannelHandlers | undefined;
  const bus = createChangeBus({
    notify: (_tx, payload) => {
      sent.push(payload);
      return Promise.resolve();
    },
    listen: (on) => {
      handlers = on;
      return { close: () => Promise.resolve() };
    },
  });
  const heard: Heard[] = [];
  bus.subscribe((h) => heard.push(h));
  if (!handlers) throw new Error('the bus did not listen');
  return { bus, sent, heard, channel: handlers };
}

test('until it listens, and whenever it stops, caches keep entries at most the fallback time', () => {
  const { bus, heard, channel } = wiredBus();
  assert.equal(bus.listening(), false);
  assert.equal(bus.ttl(60_000), FALLBACK_TTL_MS);
  channel.listening(true);
  assert.equal(bus.ttl(60_000), 60_000);
  channel.listening(false);
  assert.equal(bus.ttl(500), 500);
  assert.equal(bus.ttl(60_000), FALLBACK_TTL_MS);
  // Both when the connection comes and goes, caches drop what they hold: announcements may be lost.
  assert.deepEqual(heard, [{ kind: 'missed' }, { kind: 'missed' }]);
});

test("another process's announcement is heard; the process's own is not heard twice", async () => {
  const { bus, sent, heard, channel } = wiredBus();
  await bus.publish({} as Db, [
    { kind: 'card', id: 'c1', statusList: 3 },
    { kind: 'card', id: 'c1', statusList: 3 },
  ]);
  assert.equal(sent.length, 1, 'the same change is sent once');
  channel.message(sent[0]!);
  assert.deepEqual(heard, [], 'its own comes back through the channel and is ignored');
  channel.message(JSON.stringify({ o: 'another-process', c: { kind: 'session', tokenHash: 'ab12' } }));
  assert.deepEqual(heard, [{ kind: 'session', tokenHash: 'ab12' }]);
});

test('a payload that is not an announcement is ignored', () => {
  for (const payload of [
    'not json',
    'null',
    '{"o":"x"}',
    '{"o":"x","c":{"kind":"drop_tables"}}',
    '{"o":"x","c":{"kind":"card","id":""}}',
    '{"o":"x","c":{"kind":"card","id":"c","statusList":"1"}}',
    '{"o":"x","c":{"kind":"session","tokenHash":7}}',
  ])
    assert.equal(parseAnnouncement(payload, 'me'), undefined, payload);
  assert.deepEqual(parseAnnouncement('{"o":"x","c":{"kind":"calendar","extra":1}}', 'me'), {
    kind: 'calendar',
  });
});

test('a write that rolls back announces nothing; one that commits is delivered after the commit', async () => {
  const bus = createChangeBus();
  const heard: Heard[] = [];
  bus.subscribe((h) => heard.push(h));
  let committed = false;
  const db = {
    transaction: async <T>(work: (tx: Db) => Promise<T>) => {
      const value = await work(db as unknown as Db);
      committed = true;
      return value;
    },
  };
  const ctx = { db: db as unknown as Db, changes: bus };
  await assert.rejects(
    writeAndAnnounce(ctx, (_tx, announce) => {
      announce({ kind: 'calendar' });
      return Promise.reject(new Error('refused'));
    }),
  );
  assert.deepEqual(heard, []);
  await writeAndAnnounce(ctx, (_tx, announce) => {
    announce({ kind: 'calendar' });
    assert.deepEqual(heard, [], 'not before the commit');
    return Promise.resolve();
  });
  assert.ok(committed);
  assert.deepEqual(heard, [{ kind: 'calendar' }]);
});
