// The PostgreSQL connection pool, made to survive connections the server drops (a restart, a
// failover, pg_terminate_backend): such a drop must cost the requests in flight, never the process
// or a pool slot (issue 9, finding 2).
import pg from 'pg';

type Query = pg.PoolClient['query'];
type Release = pg.PoolClient['release'];

/** Set while a client is checked out through `connect()` with our once-only release. */
const guarded = Symbol('juzhu.guardedCheckout');
const wrapped = Symbol('juzhu.beginReleases');

interface GuardedClient extends pg.PoolClient {
  [guarded]?: boolean;
  [wrapped]?: true;
}

const ignore = (): undefined => undefined;

function isBegin(statement: unknown): boolean {
  const text = typeof statement === 'string' ? statement : (statement as { text?: unknown } | null)?.text;
  return typeof text === 'string' && /^\s*begin\b/i.test(text);
}

/**
 * drizzle-orm 0.45's node-postgres `transaction()` sends BEGIN before the try/finally that releases
 * the client, so a BEGIN that fails (on a connection dropped while idle in the pool) never returns
 * it; after `max` such failures every query waits forever (drizzle-team/drizzle-orm#6023, #6241,
 * open upstream). Here a failed BEGIN releases the client with its error, which makes pg-pool
 * destroy it rather than reuse it.
 */
function releaseOnFailedBegin(client: GuardedClient): void {
  if (client[wrapped]) return;
  client[wrapped] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // The pg typings overload query() a dozen ways; the wrapper passes every form through unchanged.
  client.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (!isBegin(args[0]) || !(result instanceof Promise)) return result;
    return result.catch((e: unknown) => {
      if (client[guarded]) client.release(e instanceof Error ? e : new Error(String(e)));
      throw e;
    });
  }) as Query;
}

export class PostgresPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    // An idle connection the server drops is an 'error' event on the pool; unheard, it would end
    // the process. The pool opens a new connection when next needed.
    this.on('error', ignore);
    // A checked-out connection that drops between two queries (a transaction waiting on our code)
    // emits 'error' on the client, which pg-pool does not listen to while it is out. The query that
    // follows fails on its own, and pg-pool destroys a client that is no longer queryable when it
    // comes back, so hearing the event is all that is needed.
    this.on('connect', (client) => client.on('error', ignore));
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: Release) => void,
  ): Promise<pg.PoolClient> | void {
    // pool.query() checks out with a callback and releases the client itself.
    if (callback) return super.connect(callback);
    return super.connect().then((client: GuardedClient) => {
      const release = client.release.bind(client);
      client[guarded] = true;
      // Once only: after a failed BEGIN released it, nobody else will, but be safe if they do.
      client.release = (err?: Error | boolean) => {
        if (!client[guarded]) return;
        client[guarded] = false;
        release(err);
      };
      releaseOnFailedBegin(client);
      return client;
    });
  }
}
