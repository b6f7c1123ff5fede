// The web pages' session: an HttpOnly, SameSite=Strict cookie the page's scripts never see, and
// no unsafe request on that cookie without our page's header (cross-site request forgery).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../support/test-db.ts';
import { startPlatform, type TestPlatform } from '../support/test-app.ts';

const PHONE = '13800000008';

for (const target of dbTargets()) {
  describe(`cookie sessions on ${target.name}`, () => {
    let p: TestPlatform;
    let cookie: string;
    before(async () => {
      p = await startPlatform(target, '2025-09-26T10:00:00+08:00');
      await p.call('POST', '/api/v1/auth/otp', { body: { phone: PHONE } });
      const outbox = (await p.call('GET', `/api/v1/dev/outbox?to=${PHONE}`)).json();
      const code = /(\d{6})/.exec(outbox[0].text)?.[1];
      const res = await p.call('POST', '/api/v1/auth/otp/verify', {
        body: { phone: PHONE, code, session: 'cookie' },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().token, undefined, 'the token is not in the body a script reads');
      const set = String(res.headers['set-cookie']);
      assert.match(set, /^juzhu_session=[^;]{20,};/);
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Strict/);
      assert.match(set, /Path=\/api\//);
      assert.match(set, /Max-Age=43200/, 'a lifetime, not a date a wrong phone clock would misread');
      assert.doesNotMatch(set, /Expires=/);
      cookie = set.split(';')[0]!;
    });
    after(() => p.close());

    const send = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string>) =>
      p.app.inject({
        method,
        url,
        headers: { cookie, ...headers },
        ...(method === 'GET' ? {} : { payload: {} }),
      });

    test('the cookie signs the page in for reading', async () => {
      assert.equal((await send('GET', '/api/v1/me', {})).statusCode, 200);
    });

    test('an unsafe request on the cookie without our header is refused as cross-site', async () => {
      const res = await send('POST', '/api/v1/auth/logout', {});
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'FORBIDDEN');
      assert.deepEqual(res.json().error.details, { reason: 'csrf' });
      assert.equal((await send('GET', '/api/v1/me', {})).statusCode, 200, 'the session still works');
    });

    test('a request the browser marks cross-site is refused even with the header', async () => {
      const res = await send('POST', '/api/v1/auth/logout', {
        'x-juzhu-csrf': '1',
        'sec-fetch-site': 'cross-site',
      });
      assert.equal(res.statusCode, 403);
      const sameSite = await send('POST', '/api/v1/auth/logout', {
        'x-juzhu-csrf': '1',
        'sec-fetch-site': 'same-site',
      });
      assert.equal(sameSite.statusCode, 403, 'a sibling subdomain is not our page either');
    });

    test('logout from the page ends the session and clears the cookie', async () => {
      const res = await send('POST', '/api/v1/auth/logout', {
        'x-juzhu-csrf': '1',
        'sec-fetch-site': 'same-origin',
      });
      assert.equal(res.statusCode, 204);
      assert.match(String(res.headers['set-cookie']), /juzhu_session=;.*Expires=Thu, 01 Jan 1970/);
      p.clock.advance(3_000); // past the per-process session cache
      assert.equal((await send('GET', '/api/v1/me', {})).statusCode, 401);
    });
  });
}
