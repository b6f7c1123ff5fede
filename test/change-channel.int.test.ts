// The listening connection of a server process (PostgreSQL only): it hears what is announced,
// says when it stops listening (so caches stop trusting themselves), and comes back by itself
// after the server drops it (restart, failover, pg_terminate_backend).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { once, EventEmitter } from 'node:events';
import pg from 'pg';
import { CHANGE_CHANNEL, LISTENER_NAME, listenForChanges } from '../src/db/change-channel.ts';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  const admin = new pg.Client({ connectionString: url });
  after(() => admin.end());

  test('the listener hears announcements, reports a dropped connection, and listens again', async () => {
    await admin.connect();
    const events = new EventEmitter();
    const states: boolean[] = [];
    const listener = listenForChanges(
      url,
      {
        message: (p) => events.emit('message', p),
        listening: (up) => {
          states.push(up);
          events.emit(up ? 'up' : 'down');
        },
      },
      { retryMs: 50, maxRetryMs: 200, heartbeatMs: 1000 },
    );
    try {
      await once(events, 'up');
      const heard = once(events, 'message');
      await admin.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, 'first']);
      assert.deepEqual(await heard, ['first']);

      const down = once(events, 'down');
      const back = once(events, 'up');
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [LISTENER_NAME],
      );
      await down;
      await back;
      const again = once(events, 'message');
      await admin.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, 'after the drop']);
      assert.deepEqual(await again, ['after the drop']);
      assert.deepEqual(states, [true, false, true]);
    } finally {
      await listener.close();
    }
  });
}
