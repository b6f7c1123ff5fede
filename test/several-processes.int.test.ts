// Two real server processes on one fresh PostgreSQL, started at the same moment, as a load
// balancer would run them (DESIGN §1: any number of processes on one database). Both must come
// up (migrate, seed and create keys once), agree on the keys, and feel each other's changes:
// a rotation at once, a revocation and a logout within the bound docs/operations.md states.
// PostgreSQL only: PGlite is one process by construction.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { verifyTrustList } from '../src/verify/index.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const root = fileURLToPath(new URL('../', import.meta.url));
/** What the test asserts a change made on one process takes at most to be felt on another. */
const BOUND_MS = 1000;

interface Server {
  base: string;
  child: ChildProcess;
  call(method: string, url: string, opts?: { token?: string; body?: unknown }): Promise<Response>;
}

function start(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /wallet:\s+(http:\/\/\S+)\/wallet/.exec(out);
      if (!m?.[1]) return;
      const base = m[1];
      resolve({
        base,
        child,
        call: (method, url, opts = {}) =>
          fetch(`${base}/api/v1${url}`, {
            method,
            headers: {
              ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
              ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${err}`)));
  });
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const clean of cleanups.reverse()) await clean();
});

async function json<T>(res: Promise<Response>, status: number): Promise<T> {
  const r = await res;
  const body = await r.text();
  assert.equal(r.status, status, body);
  return JSON.parse(body) as T;
}

/** How long until `holds()` is true, trying again at once; fails past `limitMs`. */
async function until(holds: () => Promise<boolean>, limitMs: number): Promise<string> {
  const t0 = performance.now();
  let tries = 1;
  while (!(await holds())) {
    if (performance.now() - t0 > limitMs) throw new Error(`still not true after ${limitMs} ms`);
    tries++;
  }
  return `${(performance.now() - t0).toFixed(1)} ms (${tries} ${tries === 1 ? 'try' : 'tries'})`;
}

if (serverUrl) {
  // Bounded: a start-up that hangs (a lock never released) fails here instead of holding the suite.
  test(
    'two processes on one fresh PostgreSQL: both start, share keys, and feel each other’s changes',
    {
      timeout: 60_000,
    },
    async () => {
      const name = `juzhu_mp_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const dataDir = mkdtempSync(path.join(tmpdir(), 'juzhu-mp-'));
      cleanups.push(async () => {
        rmSync(dataDir, { recursive: true, force: true });
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      });
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      // Demo mode on PostgreSQL, both in one data folder (the demo key-encryption key is made once).
      const env = { DATABASE_URL: url.toString(), PORT: '0', LOG_LEVEL: 'silent', JUZHU_DATA_DIR: dataDir };

      // 1. Started at the same moment: both come up.
      const started = performance.now();
      const [a, b] = await Promise.all([start(env), start(env)]);
      const readyMs = performance.now() - started;
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      cleanups.push(() => db.end());
      const signers = await db.query<{ purpose: string; n: string }>(
        `select purpose, count(*) as n from signing_keys where sign_until is null group by purpose order by purpose`,
      );
      assert.deepEqual(
        signers.rows.map((r) => [r.purpose, Number(r.n)]),
        [
          ['display_code', 1],
          ['trust_anchor', 1],
        ],
      );
      const stations = await db.query<{ n: string }>('select count(*) as n from stations');
      assert.ok(Number(stations.rows[0]?.n) > 0);
      // The anchor either process names signs the trust list either process publishes.
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const anchor = await json<Parameters<typeof verifyTrustList>[1][number]>(
          x.call('GET', '/trust-anchor'),
          200,
        );
        const list = new Uint8Array(await (await y.call('GET', '/trust-list')).arrayBuffer());
        const checked = await verifyTrustList(list, [anchor], { now: new Date(), skewSeconds: 10 });
        assert.ok(checked.ok, 'the published anchor signs the trust list');
      }

      // 2. Issue on one, verify on the other.
      const phone = '13800000001';
      await json(a.call('POST', '/auth/otp', { body: { phone } }), 202);
      const outbox = await json<{ text: string }[]>(b.call('GET', `/dev/outbox?to=${phone}`), 200);
      const otp = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1];
      const { token } = await json<{ token: string }>(
        a.call('POST', '/auth/otp/verify', { body: { phone, code: otp } }),
        200,
      );
      const myCards = await json<{ id: string; status: string }[]>(
        b.call('GET', '/me/cards', { token }),
        200,
      );
      const card = myCards.find((c) => c.status === 'valid');
      assert.ok(card);
      const show = (s: Server) =>
        json<{ code: string }>(s.call('POST', `/cards/${card.id}/display-codes`, { token, body: {} }), 201);
      const verify = async (s: Server, code: string) =>
        (await json<{ result: string }>(s.call('POST', '/verify', { body: { code } }), 200)).result;
      const before = await show(a);
      assert.equal(await verify(b, before.code), 'valid');

      // 3. Rotate on one, sign there, verify on the other at once.
      const staff = async (username: string) =>
        (
          await json<{ token: string }>(
            a.call('POST', '/auth/staff', { body: { username, password: 'juzhu-demo' } }),
            200,
          )
        ).token;
      await json(a.call('POST', '/admin/keys/rotate', { token: await staff('admin'), body: {} }), 200);
      const afterRotation = await show(a);
      assert.equal(await verify(b, afterRotation.code), 'valid');
      assert.equal(await verify(b, before.code), 'valid', 'a code signed before the rotation still verifies');

      // 4. Revoke on one: the other refuses within the bound. B has the card in its memory now.
      await show(b);
      const officer = await staff('officer-110105');
      await json(
        a.call('POST', `/staff/cards/${card.id}/revoke`, { token: officer, body: { reason: '核查不实' } }),
        200,
      );
      const revoked = await until(async () => (await verify(b, before.code)) === 'revoked', BOUND_MS);
      const refused = await until(
        async () =>
          (await b.call('POST', `/cards/${card.id}/display-codes`, { token, body: {} })).status === 409,
        BOUND_MS,
      );

      // 5. Log out on one: the token stops working on the other within the bound.
      await b.call('GET', '/me/cards', { token });
      assert.equal((await a.call('POST', '/auth/logout', { token })).status, 204);
      const loggedOut = await until(
        async () => (await b.call('GET', '/me/cards', { token })).status === 401,
        BOUND_MS,
      );
      console.log(
        `both ready in ${readyMs.toFixed(0)} ms; felt on the other process: code verifies revoked ${revoked}, no new code ${refused}, logout ${loggedOut}`,
      );
    },
  );
}
