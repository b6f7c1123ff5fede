// Display codes over HTTP on PostgreSQL: the real route (session check, card read, signature)
// against two bare Fastify routes in the same process layout, one answering a constant and one
// only signing a constant payload with the same key (the practical ceiling; target ≥ 0.8 of it).
// Load from autocannon in this process, 32 connections; single process and a cluster of 2.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCpuSplit, type CpuSplit } from './cpu-split.ts';
import { createHttpFixture, DEFAULT_BENCH_DATABASE_URL, type HttpFixture } from './http-fixture.ts';
import { table } from './measure.ts';
import { BARE_ROUTE, serverModes, startServer, type ServerMode } from './server-process.ts';

const CONNECTIONS = 32;
const WARM_UP_SECONDS = 1;
const LAYOUTS = [1, 2] as const;
const ROUTE_NAMES: Record<ServerMode, string> = {
  app: 'POST /api/v1/cards/{id}/display-codes',
  'app-uncached': 'the same, cache off (every request reads PG)',
  constant: 'bare: constant JSON',
  sign: 'bare: sign constant payload',
};

interface Target {
  url: string;
  headers: Record<string, string>;
  /** What a correct answer looks like, checked once before the load. */
  status: number;
  check(body: unknown): boolean;
}

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  cpu: CpuSplit;
}

// Every route gets what the phone sends for a code without a challenge: an empty JSON object.
const json = { 'content-type': 'application/json' };
const BODY = '{}';

function targetOf(mode: ServerMode, port: number, f: HttpFixture): Target {
  const base = `http://127.0.0.1:${port}`;
  const isCode = (b: unknown) => typeof (b as { code?: unknown }).code === 'string';
  if (mode === 'app' || mode === 'app-uncached') {
    return {
      url: `${base}/api/v1/cards/${f.cardId}/display-codes`,
      headers: { ...json, authorization: `Bearer ${f.token}` },
      status: 201,
      check: (b) => isCode(b) && (b as { code: string }).code.startsWith('JZ1:'),
    };
  }
  return {
    url: base + BARE_ROUTE,
    headers: json,
    status: 200,
    check: mode === 'constant' ? (b) => (b as { ok?: unknown }).ok === true : isCode,
  };
}

async function checkOnce(t: Target): Promise<void> {
  const res = await fetch(t.url, { method: 'POST', headers: t.headers, body: BODY });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status !== t.status || !t.check(body)) {
    throw new Error(`${t.url} answered ${res.status} ${JSON.stringify(body)}`);
  }
}

/** autocannon for `seconds`; latencies kept exactly (its histogram rounds to whole ms). */
function load(t: Target, seconds: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: t.url,
        method: 'POST',
        headers: t.headers,
        body: BODY,
        connections: CONNECTIONS,
        duration: seconds,
      },
      (err, r) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        // Loud: a benchmark of error answers measures the wrong thing.
        if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
          return reject(
            new Error(
              `${t.url}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts ` +
                `(status codes ${JSON.stringify(r.statusCodeStats)})`,
            ),
          );
        }
        latencies.sort((a, b) => a - b);
        const at = (q: number) =>
          latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
        resolve({ perSecond: r['2xx'] / r.duration, p50: at(0.5), p99: at(0.99) });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** The backends the servers' pools hold open on the bench database (their CPU is ours too). */
async function backendPids(f: HttpFixture): Promise<number[]> {
  const client = new pg.Client({ connectionString: f.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

async function measure(
  mode: ServerMode,
  workers: number,
  f: HttpFixture,
  seconds: number,
): Promise<Measured> {
  const server = await startServer(mode, workers, f.databaseUrl, f.kek);
  try {
    const t = targetOf(mode, server.port, f);
    await checkOnce(t);
    await load(t, WARM_UP_SECONDS);
    const stop = startCpuSplit(server.pids, await backendPids(f));
    const r = await load(t, seconds);
    return { ...r, cpu: stop() };
  } finally {
    await server.stop();
  }
}

async function postgresAnswers(serverUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function benchHttp({ seconds }: { seconds: number }): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  const problem = await postgresAnswers(serverUrl);
  if (problem) {
    const where = new URL(serverUrl).host;
    console.log(
      `\nHTTP rows skipped: PostgreSQL at ${where} does not answer (${problem}); set BENCH_DATABASE_URL`,
    );
    return;
  }
  const load1 = loadavg()[0]!;
  const started = performance.now();
  const fixture = await createHttpFixture(serverUrl);
  // Ctrl-C: drop the database, then exit (the exit hook of server-process.ts kills the servers).
  const interrupted = () => void fixture.drop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  const rows: (string | number)[][] = [];
  try {
    for (const workers of LAYOUTS) {
      const layout = workers === 1 ? '1 process' : `cluster of ${workers}`;
      const results = new Map<ServerMode, Measured>();
      for (const mode of serverModes) results.set(mode, await measure(mode, workers, fixture, seconds));
      const ceiling = results.get('sign')!.perSecond;
      for (const [mode, m] of results) {
        const c = m.cpu;
        rows.push([
          layout,
          ROUTE_NAMES[mode],
          m.perSecond,
          m.p50,
          m.p99,
          m.perSecond / ceiling,
          [c.servers, c.postgres, c.loadGenerator, c.others].map((x) => x.toFixed(2)).join(' / '),
        ]);
      }
    }
  } finally {
    process.off('SIGINT', interrupted);
    await fixture.drop();
  }
  const took = (performance.now() - started) / 1000;
  console.log(
    `\nDisplay codes over HTTP on PostgreSQL, Node ${process.version}: autocannon in the bench process,`,
  );
  console.log(
    `${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${seconds} s a row; target: the real route ≥ 0.80 of sign-only`,
  );
  console.log('(CPU in cores over the row: servers / PostgreSQL backends / autocannon / everyone else)\n');
  console.log(
    table(
      ['layout', 'route', 'req/s', 'p50 ms', 'p99 ms', '÷ sign-only', 'CPU: srv / pg / load / other'],
      rows,
    ),
  );
  console.log(
    `\nload average (1 min) ${load1.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after; ${took.toFixed(0)} s in all`,
  );
}
