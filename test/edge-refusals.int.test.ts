// Bad input at the edges of the routes never gets a 5xx or a foreign error shape (issue 9,
// finding 7): dates no calendar has, static paths the file server refuses, and URLs that are not
// valid percent-encoding all get a 4xx in the platform's error shape, with the security headers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import { assertError } from './support/assert-error.ts';

const TUESDAY = '2025-06-10T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`edge refusals on ${target.name}`, () => {
    let p: TestPlatform;
    let admin: string;
    before(async () => {
      p = await startPlatform(target, TUESDAY);
      admin = await p.staffToken('admin');
    });
    after(() => p.close());

    for (const date of ['0000-01-01', '1999-12-31', '2101-01-01', '2025-02-30', '2024-13-01']) {
      for (const method of ['PUT', 'DELETE'] as const) {
        test(`${method} an override on ${date}: 400 naming the date`, async () => {
          const res = await p.call(method, `/api/v1/admin/calendar/overrides/${date}`, {
            token: admin,
            lang: 'en',
            ...(method === 'PUT' ? { body: { kind: 'day_off' } } : {}),
          });
          assertError(res, 400, 'VALIDATION_FAILED');
          assert.match(res.json().error.message, /\bdate\b/);
        });
      }
    }

    for (const month of ['0000-01', '1999-12', '2101-01']) {
      test(`a calendar month ${month}: 400 naming the month`, async () => {
        const res = await p.call('GET', `/api/v1/admin/calendar?month=${month}`, {
          token: admin,
          lang: 'en',
        });
        assertError(res, 400, 'VALIDATION_FAILED');
        assert.match(res.json().error.message, /\bmonth\b/);
      });
    }

    test('a day in the calendar range still takes an override', async () => {
      const set = await p.call('PUT', '/api/v1/admin/calendar/overrides/2100-12-31', {
        token: admin,
        body: { kind: 'day_off' },
      });
      assert.equal(set.statusCode, 204, set.body);
      const removed = await p.call('DELETE', '/api/v1/admin/calendar/overrides/2100-12-31', { token: admin });
      assert.equal(removed.statusCode, 204, removed.body);
    });

    for (const url of ['/docs/static/a%5c..%5c..%5cpackage.json', '/docs/static/..%5c..%5cpackage.json']) {
      test(`a static path the file server refuses (${url}): 404 in our shape`, async () => {
        const res = await p.call('GET', url);
        assertError(res, 404, 'NOT_FOUND');
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
      });
    }

    for (const url of ['/api/v1/%00%ff', '/%c0%ae', '/api/v1/me/%c0%ae', '/docs/%ff']) {
      test(`a URL that is not valid percent-encoding (${url}): 400 in our shape with the security headers`, async () => {
        const res = await p.call('GET', url, { lang: 'es' });
        assertError(res, 400, 'VALIDATION_FAILED');
        assert.match(res.json().error.message, /^La solicitud no es válida/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
        assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
      });
    }

    // Found by fuzzing the route table (test/fuzz-routes.property.test.ts): each answered 500.
    for (const [url, field] of [
      ['/api/v1/status-lists/1e309', 'n'],
      ['/api/v1/status-lists/-1e309', 'n'],
      ['/api/v1/staff/applications?limit=1e309', 'limit'],
      ['/api/v1/staff/applications?offset=-1e999', 'offset'],
    ] as const) {
      test(`a number too large for a double (${url}): 400 naming ${field}`, async () => {
        const res = await p.call('GET', url, { token: admin, lang: 'en' });
        assertError(res, 400, 'VALIDATION_FAILED');
        assert.equal(res.json<{ error: { field: string } }>().error.field, field);
      });
    }
    test('a path segment longer than the router takes (101 characters): 400 in our shape', async () => {
      const res = await p.call('POST', `/api/v1/admin/staff/${'a'.repeat(101)}/password`, {
        token: admin,
        body: {},
      });
      assertError(res, 400, 'VALIDATION_FAILED');
    });
  });
}
