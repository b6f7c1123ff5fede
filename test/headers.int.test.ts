// What a browser or a proxy may keep of an answer (issue 9, finding 10): answers carrying personal
// data say `Cache-Control: no-store` (OWASP ASVS 5.0 V14.3, PIPL Art. 51), only the public signed
// lists are cacheable; JSON answers carry a CSP that lets nothing run; /docs keeps a CSP that still
// lets swagger-ui load its own assets; /metrics and /docs can be closed (production's default).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { buildApp } from '../src/http/app.ts';

const TUESDAY = '2025-06-10T10:00:00+08:00';
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const [pglite] = dbTargets();

describe('caching and content security', () => {
  let p: TestPlatform;
  let resident: string;
  before(async () => {
    p = await startPlatform(pglite!, TUESDAY);
    resident = await p.residentToken('13800000001');
  });
  after(() => p.close());

  test('personal answers, refusals and ops answers are never stored', async () => {
    for (const [url, token] of [
      ['/api/v1/me', resident],
      ['/api/v1/me/cards', resident],
      ['/api/v1/me', undefined],
      ['/api/v1/nothing-here', undefined],
      ['/readyz', undefined],
      ['/api/v1/admin/calendar?month=2025-06', resident],
    ] as const) {
      const res = await p.call('GET', url, token ? { token } : {});
      assert.equal(res.headers['cache-control'], 'no-store', `${url} ${res.statusCode}`);
      assert.equal(res.headers['content-security-policy'], API_CSP, url);
    }
  });

  test('the public signed lists stay cacheable', async () => {
    for (const url of ['/api/v1/trust-list', '/api/v1/status-lists', '/.well-known/jwks.json']) {
      const res = await p.call('GET', url);
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+$/, url);
    }
  });

  test('/docs renders with a CSP that allows exactly its own assets', async () => {
    const page = await p.app.inject({ method: 'GET', url: '/docs/' });
    const html = page.statusCode === 302 ? await p.app.inject({ url: String(page.headers.location) }) : page;
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    const csp = String(html.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline or remote script');
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'the demo serves plain http');
    const assets = [...html.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('swagger-ui-bundle.js')));
    assert.doesNotMatch(html.body, /<script>|<script [^>]*>[^<\s]/, 'no inline script');
    for (const asset of assets) {
      const url = new URL(asset, 'http://juzhu.test/docs/').pathname;
      const res = await p.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
    }
    const spec = await p.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(spec.statusCode, 200);
  });

  test('/metrics and /docs closed: 404 in the error shape, and / does not lead there', async () => {
    const app = await buildApp({
      ctx: p.ctx,
      database: p.database,
      expose: { metrics: false, docs: false },
    });
    try {
      for (const url of ['/metrics', '/docs', '/docs/', '/docs/json', '/docs/static/index.html']) {
        const res = await app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.json().error.code, 'NOT_FOUND', url);
      }
      // The root is the pages' landing page (or 404 when the pages are not built), never /docs.
      const root = await app.inject({ method: 'GET', url: '/' });
      assert.notEqual(root.headers.location, '/docs');
      assert.ok([200, 404].includes(root.statusCode));
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
