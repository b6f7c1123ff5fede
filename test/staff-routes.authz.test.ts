// Every staff and administration route has its forbidden cases (issue 9, "Controls to add"): this
// walks the route table (the OpenAPI document the server builds from its routes), so a route added
// tomorrow is checked tomorrow. Without a session: 401; a resident: 403; a route under /admin/ for
// any staff role but admin: 403. The body is nonsense on purpose: the refusal comes first and says
// nothing about what the route would have accepted. (Each route's finer roles and the jurisdiction
// are tested with the route, in the other *.authz tests.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const ID = '3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f';
/** A plausible value for each kind of path parameter, so the route itself is reached. */
const sample = (name: string) => ({ date: '2025-06-10', year: '2025', month: '2025-06', n: '1' })[name] ?? ID;

const [target] = dbTargets();
describe('the staff and administration routes, walked from the route table', () => {
  let p: TestPlatform;
  let routes: { method: Method; path: string; url: string }[];
  const tokens: Record<string, string> = {};
  before(async () => {
    p = await startPlatform(target!, '2025-06-10T10:00:00+08:00');
    const doc = (await p.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    routes = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/v1\/(staff|admin)\//.test(path))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
          .map((m) => ({
            method: m.toUpperCase() as Method,
            path,
            url: path.replace(/\{(\w+)\}/g, (_, name: string) => sample(name)),
          })),
      );
    tokens.resident = await p.residentToken('13800000002');
    for (const role of ['clerk', 'officer', 'police']) tokens[role] = await p.staffToken(`${role}-110105`);
    tokens.admin = await p.staffToken('admin');
  });
  after(() => p.close());

  const send = (method: Method, url: string, token?: string) =>
    p.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { nonsense: [1, { deeper: true }] } }),
    });

  test('the walk finds the routes the issue named, and every other', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    assert.ok(names.includes('DELETE /api/v1/admin/calendar/overrides/{date}'), names.join('\n'));
    assert.ok(names.includes('PUT /api/v1/admin/calendar/years/{year}'));
    assert.ok(names.includes('GET /api/v1/staff/alerts'));
    assert.ok(routes.length >= 25, `${routes.length} routes`);
  });

  test('without a session every one answers 401; for a resident 403', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const anonymous = await send(r.method, r.url);
      if (anonymous.statusCode !== 401)
        wrong.push(`${r.method} ${r.path} without a session: ${anonymous.statusCode}`);
      else assertError(anonymous, 401, 'UNAUTHENTICATED');
      const resident = await send(r.method, r.url, tokens.resident);
      if (resident.statusCode !== 403)
        wrong.push(`${r.method} ${r.path} as a resident: ${resident.statusCode}`);
      else assertError(resident, 403, 'FORBIDDEN');
    }
    assert.deepEqual(wrong, []);
  });

  test('every administration route answers 403 to a clerk, an officer and community police', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.path.startsWith('/api/v1/admin/'))) {
      for (const role of ['clerk', 'officer', 'police']) {
        const res = await send(r.method, r.url, tokens[role]);
        if (res.statusCode !== 403) wrong.push(`${r.method} ${r.path} as ${role}: ${res.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  // The staff routes' finer roles: those whose forbidden cases are listed here rather than in a
  // file of their own (a station's alerts are read by the roles that act on them, DESIGN §4).
  const forbiddenRoles: Record<string, string[]> = {
    'GET /api/v1/staff/alerts': ['clerk', 'admin'],
  };
  test("a station's alerts answer 403 to the roles that do not act on them", async () => {
    const wrong: string[] = [];
    for (const [route, roles] of Object.entries(forbiddenRoles)) {
      const r = routes.find((x) => `${x.method} ${x.path}` === route);
      assert.ok(r, `${route} is in the route table`);
      for (const role of roles) {
        const res = await send(r.method, r.url, tokens[role]);
        if (res.statusCode !== 403) wrong.push(`${route} as ${role}: ${res.statusCode}`);
        else assertError(res, 403, 'FORBIDDEN');
      }
    }
    assert.deepEqual(wrong, []);
  });
});
