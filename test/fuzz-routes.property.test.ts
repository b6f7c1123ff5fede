// Fuzzing every route of the route table (issue 9, "Controls to add"): generated path parameters,
// query strings, bodies and headers, sent as nobody, as a resident and as each staff role. Whatever
// comes in, the answer is never a 5xx and never a crash, and every refusal is in the one error shape
// (a code from the table, a message). The route table is the OpenAPI document the server builds
// from its own routes, so a new route is fuzzed the day it is added.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { errorCodes } from '../src/domain/errors.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
interface Route {
  method: Method;
  path: string;
}

/** Sessions a fuzzed request is sent with (by name): nobody, a resident, each staff role. */
const callers = ['nobody', 'resident', 'admin', 'officer', 'clerk', 'police'] as const;
type Caller = (typeof callers)[number];

// Routes that would end the fuzzer's own sessions: fuzzed without a session only.
const endsSessions = /\/auth\/(logout|staff\/logout)$/;

const awkwardText = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'null',
  'true',
  '0000-01-01',
  '9999-12-31',
  '2025-02-30',
  '0000-01',
  '../../etc/passwd',
  '%',
  '%00',
  '%c0%ae',
  '\u0000',
  '\ud800',
  '<script>',
  "' OR 1=1 --",
  '110105199001011234',
  'JZ1:ABC',
  'JZF1:',
  '张三',
  'a'.repeat(5000),
);
const uuidish = fc.oneof(fc.uuid(), fc.constant('00000000-0000-0000-0000-000000000000'));
const segment = fc.oneof(uuidish, awkwardText, fc.string({ maxLength: 40 }), fc.nat().map(String));
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), awkwardText), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 6,
  }),
);
const query = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), awkwardText), segment), {
  maxLength: 3,
});
const language = fc.oneof(
  fc.constantFrom('zh-CN', 'en', 'es', 'fr', '*', ';q=x', ''),
  fc.string({ maxLength: 20 }),
);

/** Percent-encoded; a lone surrogate (no UTF-8 for it) becomes the bytes of one, itself good input. */
const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};

function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => enc(values[i++ % values.length] ?? 'x'));
}

const [target] = dbTargets();
describe('fuzzing the route table', () => {
  let p: TestPlatform;
  let routes: Route[];
  const tokens = new Map<Caller, string | undefined>();
  before(async () => {
    p = await startPlatform(target!, '2025-09-26T10:00:00+08:00');
    const doc = (await p.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
        .map((m) => ({ method: m.toUpperCase() as Method, path })),
    );
    tokens.set('nobody', undefined);
    tokens.set('resident', await p.residentToken('13800000002'));
    tokens.set('admin', await p.staffToken('admin'));
    for (const role of ['officer', 'clerk', 'police'] as const)
      tokens.set(role, await p.staffToken(`${role}-110105`));
  });
  after(() => p.close());

  test('the route table is there to fuzz', () => {
    assert.ok(routes.length >= 40, `${routes.length} routes`);
    assert.ok(routes.some((r) => r.path.startsWith('/api/v1/admin/')));
  });

  test('no generated request to any route gets a 5xx, and every refusal is in the error shape', async () => {
    const numRuns = Number(process.env.JUZHU_FUZZ_RUNS ?? 15);
    const failures: string[] = [];
    let sent = 0;
    const send = async (
      route: Route,
      caller: Caller,
      values: string[],
      pairs: [string, string][],
      body: unknown,
      lang: string,
    ) => {
      const token = endsSessions.test(route.path) ? undefined : tokens.get(caller);
      const qs = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      const url = fill(route.path, values) + (qs ? `?${qs}` : '');
      const res = await p.app.inject({
        method: route.method,
        url,
        headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: body as object }),
      });
      sent++;
      const where = `${route.method} ${url.slice(0, 160)} as ${caller}`;
      if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && String(res.headers['content-type']).startsWith('application/json')) {
        const error = res.json<{ error?: { code?: string; message?: string } }>().error;
        const known = (errorCodes as readonly string[]).includes(error?.code ?? '');
        if (!known || !error?.message)
          failures.push(`${where}: not the error shape: ${res.body.slice(0, 200)}`);
      }
    };
    for (const route of routes) {
      // Failures are noted, not thrown: one run lists every route that fails, with its request.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callers),
          fc.array(segment, { minLength: 1, maxLength: 3 }),
          query,
          jsonBody,
          language,
          async (caller, values, pairs, body, lang) => {
            await send(route, caller, values, pairs, body, lang);
          },
        ),
        { numRuns },
      );
    }
    assert.equal(sent, routes.length * numRuns);
    assert.deepEqual(failures, []);
  });
});
