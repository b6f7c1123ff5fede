// A database restart or failover costs the requests in flight, never the process (issue 9,
// finding 2). The real server runs as a child process on a throwaway PostgreSQL database while 30
// request loops hit it and the test repeatedly ends every server connection with
// pg_terminate_backend, as a restart or a failover would. PostgreSQL only: PGlite has no
// connections to lose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../', import.meta.url));
const LOOPS = 30;
const TERMINATE_FOR_MS = 4000;
/** No request may hang: each one is answered within this, during the faults and after. */
const REQUEST_BOUND_MS = 10_000;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

async function call(
  base: string,
  method: string,
  url: string,
  token?: string,
  body: unknown = {},
): Promise<Answer> {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(REQUEST_BOUND_MS),
  });
  const text = await res.text();
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: answer };
}

/** Starts `juzhu serve` and resolves with its address once it prints it. */
function startServer(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      JUZHU_MODE: 'demo',
      JUZHU_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'juzhu-faults-')),
      LOG_LEVEL: 'silent',
      // The loops verify far more often than a verifier would; the limit is not under test here.
      JUZHU_VERIFY_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    // A server that never prints its address must not outlive the test (it would keep the file,
    // and CI, waiting): it is killed after a bound.
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not announce its address within 120 s: ${out}${err}`));
    }, 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /wallet:\s+(http:\/\/\S+)\/wallet/.exec(out);
      if (m) {
        clearTimeout(giveUp);
        resolve({ child, base: m[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(giveUp);
      reject(new Error(`server exited (${code}) before listening: ${err}`));
    });
  });
}

async function signIn(base: string, phone: string): Promise<string> {
  const sent = await fetch(`${base}/api/v1/auth/otp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone }),
  });
  assert.equal(sent.status, 202);
  const outbox = (await (await fetch(`${base}/api/v1/dev/outbox?to=${phone}`)).json()) as { text: string }[];
  const code = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1];
  assert.ok(code, 'the demo outbox holds the code');
  const verified = await fetch(`${base}/api/v1/auth/otp/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, code }),
  });
  assert.equal(verified.status, 200);
  return ((await verified.json()) as { token: string }).token;
}

/** A 503 during the faults is the database being away, said in the platform's error shape. */
function assertUnavailable(a: Answer, url: string): void {
  if (url === '/readyz') {
    assert.deepEqual(a.body, { status: 'unavailable' }, url);
    return;
  }
  assert.ok(a.retryAfter !== null && /^\d+$/.test(a.retryAfter), `${url}: 503 without Retry-After`);
  const error = (a.body as { error?: { code?: unknown; message?: unknown } }).error;
  assert.equal(error?.code, 'DATABASE_UNAVAILABLE', `${url}: ${JSON.stringify(a.body)}`);
  assert.equal(typeof error.message, 'string');
}

if (serverUrl) {
  test('terminated database connections cost requests a 503, never the process or the pool', async () => {
    const name = `juzhu_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const { child, base } = await startServer(url.toString());
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `exit ${code} ${signal}`));
    try {
      const token = await signIn(base, '13800000001');
      const cards = (await call(base, 'GET', '/api/v1/me/cards', token)).body as { id: string }[];
      const cardId = cards[0]?.id;
      assert.ok(cardId, 'the demo resident holds a card');
      const code = (
        (await call(base, 'POST', `/api/v1/cards/${cardId}/display-codes`, token)).body as {
          code: string;
        }
      ).code;
      // Plain reads, a signature, and a verification (recorded in a transaction).
      const requests: [string, string, string?, unknown?][] = [
        ['POST', `/api/v1/cards/${cardId}/display-codes`, token],
        ['GET', '/readyz'],
        ['GET', '/api/v1/me/cards', token],
        ['POST', '/api/v1/verify', undefined, { code }],
      ];

      let faulting = true;
      const answers = new Map<number, number>();
      const problems: string[] = [];
      const loops = Array.from({ length: LOOPS }, async (_, i) => {
        for (let n = i; faulting && exited === undefined; n++) {
          const [method, path, auth, body] = requests[n % requests.length]!;
          try {
            const a = await call(base, method, path, auth, body);
            answers.set(a.status, (answers.get(a.status) ?? 0) + 1);
            if (a.status === 503) assertUnavailable(a, path);
            else if (a.status >= 300)
              problems.push(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
          } catch (e) {
            problems.push(`${method} ${path}: ${(e as Error).message}`);
          }
        }
      });
      const terminator = (async () => {
        const until = Date.now() + TERMINATE_FOR_MS;
        while (Date.now() < until && exited === undefined) {
          await admin.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          );
          await new Promise((r) => setTimeout(r, 20));
        }
        faulting = false;
      })();
      await Promise.all([terminator, ...loops]);

      assert.equal(exited, undefined, 'the server process is still running');
      assert.deepEqual(problems.slice(0, 5), [], `answers by status: ${JSON.stringify([...answers])}`);
      assert.ok((answers.get(503) ?? 0) > 0, 'some requests met a terminated connection');

      // Ready again within a few seconds of the database answering.
      const readyBy = Date.now() + 5000;
      let ready: Answer | undefined;
      while (Date.now() < readyBy) {
        ready = await call(base, 'GET', '/readyz');
        if (ready.status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(ready?.status, 200, 'ready again within 5 s');

      // No connection leaked: more concurrent requests than the pool has connections all complete.
      const after = await Promise.all(
        Array.from({ length: LOOPS }, (_, i) => {
          const [method, path, auth, body] = requests[i % requests.length]!;
          return call(base, method, path, auth, body).then((a) => `${a.status}`);
        }),
      );
      assert.deepEqual(
        after.filter((s) => !s.startsWith('2')),
        [],
      );
    } finally {
      if (exited === undefined) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
}
