// The OpenAPI document at /docs: it builds, and it lists the contract's routes (DESIGN §5).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';

const contract = [
  'post /api/v1/auth/otp',
  'post /api/v1/auth/otp/verify',
  'post /api/v1/auth/staff',
  'get /api/v1/dev/outbox',
  'put /api/v1/me/identity',
  'post /api/v1/staff/identity-binding-codes',
  'get /api/v1/me/cards',
  'get /api/v1/me/access-log',
  'post /api/v1/cards/{id}/display-codes',
  'post /api/v1/applications',
  'get /api/v1/applications',
  'get /api/v1/applications/{id}',
  'post /api/v1/applications/{id}/materials',
  'post /api/v1/applications/{id}/withdraw',
  'get /api/v1/stations',
  'get /api/v1/staff/applications',
  'get /api/v1/staff/applications/{id}',
  'post /api/v1/staff/applications',
  'post /api/v1/staff/applications/{id}/decision',
  'post /api/v1/staff/cards/{id}/revoke',
  'post /api/v1/staff/applications/{id}/reveal-id',
  'get /api/v1/staff/cards',
  'get /api/v1/staff/cards/{id}',
  'get /api/v1/staff/statistics',
  'get /api/v1/admin/keys',
  'get /api/v1/admin/verifier-orgs/{id}/keys',
  'get /api/v1/admin/policy',
  'post /api/v1/admin/staff/{id}/password',
  'post /api/v1/verify',
  'post /api/v1/verify/challenges',
  'get /api/v1/trust-list',
  'get /api/v1/status-lists/{n}',
  'get /.well-known/jwks.json',
  'get /healthz',
  'get /readyz',
  'get /metrics',
];

const [target] = dbTargets();
describe('OpenAPI document', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform(target!, '2025-09-26T10:00:00+08:00');
  });
  after(() => p.close());

  test('/docs/json builds and holds every route of the contract', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    assert.match(doc.openapi, /^3\./);
    const present = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    for (const route of contract) assert.ok(present.has(route), `${route} is missing from /docs/json`);
  });

  test('/metrics counts requests by route pattern, never by raw URL', async () => {
    await p.app.inject({ method: 'GET', url: '/api/v1/applications/3f1e7a52-0b5c-4c1e-9d0a-6f7b8c9d0e1f' });
    const res = await p.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /juzhu_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/applications\/:id",status="401"\} 1/,
    );
    assert.doesNotMatch(res.body, /3f1e7a52/);
  });

  test('every answer carries the security headers, errors included', async () => {
    for (const url of ['/healthz', '/api/v1/nowhere', '/docs/json']) {
      const res = await p.app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/, url);
    }
  });

  test('the root address is a page leading to the web pages and /docs', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    for (const path of ['/wallet', '/verify', '/staff', '/admin', '/docs'])
      assert.match(res.body, new RegExp(`href="${path}"`));
  });

  test('/docs serves the UI', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });
});
