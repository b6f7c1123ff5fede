// PostgreSQL LISTEN/NOTIFY as the way processes tell each other of committed changes. A NOTIFY
// sent inside a transaction is delivered when, and only if, it commits (PostgreSQL docs, NOTIFY):
// the announcement is atomic with the change. Each process listens on one dedicated connection
// (not the pool's: a pooled connection is handed to queries and cannot wait for notifications),
// reconnecting after any failure and saying whether it is listening, so caches know when they
// may be missing announcements.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.ts';

export const CHANGE_CHANNEL = 'juzhu_changes';
export const LISTENER_NAME = 'juzhu-change-listener';

/** Inside the writing transaction: delivered to every listener on commit. */
export async function notifyChange(tx: Db, payload: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`);
}

export interface ChannelHandlers {
  message(payload: string): void;
  /** True once LISTEN holds (again); false as soon as the connection is lost. */
  listening(up: boolean): void;
}

export interface ChannelTiming {
  /** First wait before reconnecting; doubles up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  /** A round trip this often, so a connection lost without a reset is noticed. */
  heartbeatMs: number;
}

const defaults: ChannelTiming = { retryMs: 100, maxRetryMs: 5_000, heartbeatMs: 5_000 };

export function listenForChanges(
  url: string,
  on: ChannelHandlers,
  timing: ChannelTiming = defaults,
): { close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let delay = timing.retryMs;

  const lost = (c: pg.Client) => {
    if (client !== c) return; // already handled (an 'error' is followed by an 'end')
    client = undefined;
    clearInterval(heartbeat);
    on.listening(false);
    c.end().catch(() => undefined);
    if (closed) return;
    retry = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, timing.maxRetryMs);
  };

  const connect = async () => {
    const c = new pg.Client({
      connectionString: url,
      // Named, so an operator sees it in pg_stat_activity (one per server process).
      application_name: LISTENER_NAME,
      keepAlive: true,
      connectionTimeoutMillis: timing.heartbeatMs,
      query_timeout: timing.heartbeatMs,
    });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === CHANGE_CHANNEL && n.payload !== undefined) on.message(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      lost(c);
      return;
    }
    if (client !== c) return;
    delay = timing.retryMs;
    heartbeat = setInterval(() => void c.query('select 1').catch(() => lost(c)), timing.heartbeatMs);
    on.listening(true);
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const c = client;
      client = undefined;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
