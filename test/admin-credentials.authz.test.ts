// Every admin route of keys and verifier organisations: no token 401; a resident or any
// station role 403; the admin succeeds. Nothing is written by a refused call.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';

interface AdminRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: () => string;
  body?: object;
  ok: number;
}

let orgId = '00000000-0000-4000-8000-000000000000';
let keyId = '00000000-0000-4000-8000-000000000000';

const routes: Record<string, AdminRoute> = {
  'GET /admin/keys': { method: 'GET', path: () => '/api/v1/admin/keys', ok: 200 },
  'GET /admin/policy': { method: 'GET', path: () => '/api/v1/admin/policy', ok: 200 },
  'POST /admin/keys/rotate': { method: 'POST', path: () => '/api/v1/admin/keys/rotate', body: {}, ok: 200 },
  'GET /admin/verifier-orgs': { method: 'GET', path: () => '/api/v1/admin/verifier-orgs', ok: 200 },
  'POST /admin/verifier-orgs': {
    method: 'POST',
    path: () => '/api/v1/admin/verifier-orgs',
    body: { name: '朝阳医院', kind: 'hospital', fullRecord: false },
    ok: 201,
  },
  'POST /admin/verifier-orgs/:id/keys': {
    method: 'POST',
    path: () => `/api/v1/admin/verifier-orgs/${orgId}/keys`,
    ok: 201,
  },
  'GET /admin/verifier-orgs/:id/keys': {
    method: 'GET',
    path: () => `/api/v1/admin/verifier-orgs/${orgId}/keys`,
    ok: 200,
  },
  'DELETE /admin/verifier-keys/:id': {
    method: 'DELETE',
    path: () => `/api/v1/admin/verifier-keys/${keyId}`,
    ok: 204,
  },
};

for (const target of dbTargets()) {
  describe(`admin credential routes on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    let resident: string;
    const refused: { who: string; token: () => Promise<string | undefined>; status: number }[] = [
      { who: 'nobody', token: () => Promise.resolve(undefined), status: 401 },
      // One resident sign-in for all routes: a phone gets 5 login codes an hour.
      { who: 'a resident', token: () => Promise.resolve(resident), status: 403 },
      ...['clerk-110105', 'officer-110105', 'police-110105'].map((u) => ({
        who: u,
        token: () => p.staffToken(u),
        status: 403,
      })),
    ];
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      admin = await p.staffToken('admin');
      resident = await p.residentToken('13800000001');
    });
    after(() => p.close());

    for (const [name, route] of Object.entries(routes)) {
      test(`${name}: refused to everyone but the admin, then done by the admin`, async () => {
        const orgsBefore = (await p.call('GET', '/api/v1/admin/verifier-orgs', { token: admin })).json()
          .length;
        for (const r of refused) {
          const token = await r.token();
          const res = await p.call(route.method, route.path(), {
            ...(token ? { token } : {}),
            ...(route.body ? { body: route.body } : {}),
          });
          assert.equal(res.statusCode, r.status, `${r.who}: ${res.body}`);
        }
        assert.equal(
          (await p.call('GET', '/api/v1/admin/verifier-orgs', { token: admin })).json().length,
          orgsBefore,
        );
        const done = await p.call(route.method, route.path(), {
          token: admin,
          ...(route.body ? { body: route.body } : {}),
        });
        assert.equal(done.statusCode, route.ok, done.body);
        if (name === 'POST /admin/verifier-orgs') orgId = done.json().id;
        if (name === 'POST /admin/verifier-orgs/:id/keys') {
          keyId = done.json().id;
          assert.match(done.json().key, /^jzv_/);
        }
      });
    }
  });
}
