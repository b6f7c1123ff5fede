// The heart of the seed (R7, R8): a resident shows a live code, a verifier checks it. On every
// database target: valid, then expired after lifetime + tolerance; tampered → bad_signature;
// revoked → revoked; a rotation leaves earlier codes valid; garbage → malformed; challenge mode;
// seen before; the full record only for an authorised verifier; all of it in the holder's log.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from './support/test-db.ts';
import { startPlatform, type TestPlatform } from './support/test-app.ts';
import {
  verifyDisplayCode,
  verifyStatusList,
  verifyTrustList,
  type StatusListSnapshot,
} from '../src/verify/index.ts';

const DEMO_DAY = '2025-09-26T10:00:00+08:00';

for (const target of dbTargets()) {
  describe(`display codes on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, DEMO_DAY);
    });
    after(() => p.close());

    const walletCard = async (phone: string) => {
      const token = await p.residentToken(phone);
      const cards = (await p.call('GET', '/api/v1/me/cards', { token })).json();
      return { token, card: cards[0] };
    };
    const show = async (token: string, cardId: string, body: object = {}) =>
      p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token, body });
    const verify = async (code: string, extra: object = {}, headers: Record<string, string> = {}) =>
      (
        await p.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code, ...extra }, headers })
      ).json();

    test('a live code verifies as valid and shows only the public view', async () => {
      const { token, card } = await walletCard('13800000001');
      const shown = await show(token, card.id);
      assert.equal(shown.statusCode, 201, shown.body);
      const { code, issuedAt, expiresAt } = shown.json();
      assert.match(code, /^JZ1:[0-9A-Z $%*+\-./:]+$/);
      assert.equal(Date.parse(expiresAt) - Date.parse(issuedAt), 60_000);
      const checked = await verify(code);
      assert.equal(checked.result, 'valid');
      assert.equal(checked.kind, 'residence_permit');
      assert.deepEqual(Object.keys(checked.card).sort(), [
        'districtCode',
        'kind',
        'maskedName',
        'validUntil',
      ]);
      assert.equal(checked.card.maskedName, '王**');
      assert.equal(checked.card.districtCode, '110105');
      assert.equal(checked.seenBefore, undefined);

      const again = await verify(code);
      // A second look says the code was seen before, and when; never by whom (issue 9, finding 8).
      assert.deepEqual(Object.keys(again.seenBefore), ['at']);
      assert.equal(again.seenBefore.at, again.checkedAt);

      const fresh = (await show(token, card.id)).json().code;
      assert.notEqual(fresh, code, 'every call gives a new code');
      const noBody = await p.app.inject({
        method: 'POST',
        url: `/api/v1/cards/${card.id}/display-codes`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(noBody.statusCode, 201, 'a request without a body asks for a code without a challenge');
    });

    test('a screenshot is worthless after the lifetime and the tolerance', async () => {
      const { token, card } = await walletCard('13800000002');
      const { code } = (await show(token, card.id)).json();
      p.clock.advance(65_000);
      assert.equal((await verify(code)).result, 'valid', 'within lifetime + 10 s skew');
      p.clock.advance(6_000);
      assert.equal((await verify(code)).result, 'expired');
    });

    test('a tampered code fails its signature; garbage is malformed; none is a 5xx', async () => {
      const { token, card } = await walletCard('13800000001');
      const { code } = (await show(token, card.id)).json();
      const last = code.at(-5) === '0' ? '1' : '0';
      const tampered = code.slice(0, -5) + last + code.slice(-4);
      const r = await verify(tampered);
      assert.ok(['bad_signature', 'malformed'].includes(r.result), r.result);
      const payloadFlip = code.slice(0, 40) + (code[40] === 'A' ? 'B' : 'A') + code.slice(41);
      assert.ok(['bad_signature', 'malformed'].includes((await verify(payloadFlip)).result));
      for (const garbage of [
        '',
        'hello',
        'JZ1:',
        'JZ1:!!!!',
        'HC1:6BFOXN',
        'JZ9:ABC',
        '💥'.repeat(500),
        'JZ1:\u0000AB',
        'A'.repeat(500_000),
      ]) {
        const res = await p.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: garbage } });
        assert.equal(res.statusCode, 200, garbage);
        assert.ok(
          ['malformed', 'unsupported_version'].includes(res.json().result),
          `${garbage}: ${res.json().result}`,
        );
      }
      const notAString = await p.app.inject({
        method: 'POST',
        url: '/api/v1/verify',
        payload: { notCode: 'x' },
      });
      assert.equal(notAString.statusCode, 400);
    });

    test('a revoked card: its last code says revoked, and it gets no new code', async () => {
      const holder = await walletCard('13800000002');
      const { code } = (await show(holder.token, holder.card.id)).json();
      const officer = await p.staffToken('officer-110105');
      const revoked = await p.call('POST', `/api/v1/staff/cards/${holder.card.id}/revoke`, {
        token: officer,
        body: { reason: '核查发现申报地址无此人居住' },
      });
      assert.equal(revoked.statusCode, 200, revoked.body);
      assert.equal((await verify(code)).result, 'revoked');
      const refused = await show(holder.token, holder.card.id);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'CARD_NOT_DISPLAYABLE');

      // Offline: the library, fed only what the server publishes, reaches the same verdict.
      const anchor = (await p.app.inject({ method: 'GET', url: '/api/v1/trust-anchor' })).json();
      const now = p.clock.now();
      const trust = await verifyTrustList(
        (await p.app.inject({ method: 'GET', url: '/api/v1/trust-list' })).rawPayload,
        [anchor],
        { now },
      );
      assert.ok(trust.ok);
      const lists = new Map<number, StatusListSnapshot>();
      for (const n of [1]) {
        const checked = await verifyStatusList(
          (await p.app.inject({ method: 'GET', url: `/api/v1/status-lists/${n}` })).rawPayload,
          trust.trustList,
          { now },
        );
        assert.ok(checked.ok, JSON.stringify(checked));
        lists.set(n, checked.snapshot);
      }
      const offline = await verifyDisplayCode(code, {
        trustList: trust.trustList,
        statusLists: (n) => lists.get(n),
        now,
        skewSeconds: 10,
      });
      assert.equal(offline.result, 'revoked');
      p.clock.advance(301_000);
      const stale = await verifyDisplayCode(code, {
        trustList: trust.trustList,
        statusLists: (n) => lists.get(n),
        now: p.clock.now(),
        skewSeconds: 10,
      });
      assert.notEqual(stale.result, 'valid');
    });

    test('a suspended permit still shows, and verifies as suspended', async () => {
      const { token, card } = await walletCard('13800000003');
      assert.equal(card.status, 'suspended');
      const { code } = (await show(token, card.id)).json();
      assert.equal((await verify(code)).result, 'suspended');
    });

    test('after a key rotation, a code signed before it still verifies', async () => {
      const { token, card } = await walletCard('13800000001');
      const before = (await show(token, card.id)).json().code;
      const admin = await p.staffToken('admin');
      const rotated = await p.call('POST', '/api/v1/admin/keys/rotate', { token: admin, body: {} });
      assert.equal(rotated.statusCode, 200, rotated.body);
      assert.equal(rotated.json().retired.length, 1);
      assert.equal((await verify(before)).result, 'valid');
      const after = (await show(token, card.id)).json().code;
      assert.equal((await verify(after)).result, 'valid');
      const jwks = (await p.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
      assert.ok(jwks.keys.length >= 2, 'both keys are published while the old one may still verify');
      for (const k of jwks.keys) assert.equal(k.d, undefined, 'no private member');
      const resident = await p.residentToken('13800000007');
      assert.equal(
        (await p.call('POST', '/api/v1/admin/keys/rotate', { token: resident, body: {} })).statusCode,
        403,
      );
    });

    test("challenge mode: only a code carrying the verifier's fresh challenge passes", async () => {
      const { challenge } = (await p.app.inject({ method: 'POST', url: '/api/v1/verify/challenges' })).json();
      assert.match(challenge, /^[2-9A-HJ-NP-Z]{6}$/);
      const { token, card } = await walletCard('13800000001');
      const bound = (await show(token, card.id, { challenge })).json().code;
      assert.equal((await verify(bound, { challenge })).result, 'valid');
      const unbound = (await show(token, card.id)).json().code;
      assert.equal((await verify(unbound, { challenge })).result, 'challenge_mismatch');
      assert.equal((await verify(bound, { challenge: 'ZZZZZZ' })).result, 'challenge_mismatch');
    });

    test('an authorised verifier sees the full record; the holder sees every check', async () => {
      const admin = await p.staffToken('admin');
      const org = (
        await p.call('POST', '/api/v1/admin/verifier-orgs', {
          token: admin,
          body: { name: '建外派出所核验', kind: 'police', fullRecord: true },
        })
      ).json();
      const { key, id: keyId } = (
        await p.call('POST', `/api/v1/admin/verifier-orgs/${org.id}/keys`, { token: admin })
      ).json();
      const { token, card } = await walletCard('13800000007');
      const { code } = (await show(token, card.id)).json();
      const full = await verify(code, {}, { 'x-verifier-key': key });
      assert.equal(full.result, 'valid');
      assert.equal(full.card.name, '孙丽');
      assert.match(full.card.idNumber, /^\d{17}[\dX]$/);
      const anonymous = await verify(code, {}, { 'x-verifier-key': 'jzv_not-a-real-key-at-all-000' });
      assert.equal(anonymous.card.name, undefined);
      // An anonymous verifier learns that the code was checked and when, not that the police looked.
      assert.deepEqual(anonymous.seenBefore, { at: full.checkedAt });
      assert.ok(!JSON.stringify(anonymous).includes('建外派出所核验'));
      const second = await verify(code, {}, { 'x-verifier-key': key });
      assert.deepEqual(
        second.seenBefore,
        { at: full.checkedAt, verifier: '建外派出所核验' },
        'the authorised see who',
      );
      assert.equal(
        (await p.call('DELETE', `/api/v1/admin/verifier-keys/${keyId}`, { token: admin })).statusCode,
        204,
      );
      const afterRevocation = await verify(code, {}, { 'x-verifier-key': key });
      assert.equal(afterRevocation.card.name, undefined, 'a revoked verifier key opens nothing');
      const log = (await p.call('GET', '/api/v1/me/access-log', { token })).json();
      assert.equal(log.length, 4);
      assert.ok(
        log.some(
          (e: { fullRecord: boolean; verifier: string }) => e.fullRecord && e.verifier === '建外派出所核验',
        ),
      );
    });

    test('offline verifiers get the trust list, the status lists and the JWKS with caching headers', async () => {
      const trust = await p.app.inject({ method: 'GET', url: '/api/v1/trust-list' });
      assert.equal(trust.statusCode, 200);
      assert.equal(trust.headers['content-type'], 'application/juzhu-trust-list+cwt');
      const index = (await p.app.inject({ method: 'GET', url: '/api/v1/status-lists' })).json();
      assert.deepEqual(index, [{ list: 1, size: 131_072, uri: 'http://juzhu.test/api/v1/status-lists/1' }]);
      const list = await p.app.inject({ method: 'GET', url: '/api/v1/status-lists/1' });
      assert.equal(list.statusCode, 200);
      assert.match(String(list.headers['cache-control']), /max-age=300/);
      const etag = String(list.headers.etag);
      const notModified = await p.app.inject({
        method: 'GET',
        url: '/api/v1/status-lists/1',
        headers: { 'if-none-match': etag },
      });
      assert.equal(notModified.statusCode, 304);
      assert.equal((await p.app.inject({ method: 'GET', url: '/api/v1/status-lists/99' })).statusCode, 404);
    });
  });
}

for (const target of dbTargets()) {
  describe(`verification rate limits on ${target.name}`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await startPlatform(target, DEMO_DAY, {
        limits: { verificationsPerMinutePerAddress: 5, verificationsPerMinutePerOrg: 8 },
      });
    });
    after(() => p.close());

    const verify = (headers: Record<string, string> = {}) =>
      p.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: 'JZ1:GARBAGE' }, headers });

    test('an address over its limit waits for the next minute; a verifier key counts for its organisation', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await verify()).statusCode, 200);
      const refused = await verify();
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'RATE_LIMITED');
      assert.ok(Number(refused.headers['retry-after']) > 0);

      const admin = await p.staffToken('admin');
      const org = (
        await p.call('POST', '/api/v1/admin/verifier-orgs', {
          token: admin,
          body: { name: '某公司', kind: 'employer', fullRecord: false },
        })
      ).json();
      const { key } = (
        await p.call('POST', `/api/v1/admin/verifier-orgs/${org.id}/keys`, { token: admin })
      ).json();
      assert.equal(
        (await verify({ 'x-verifier-key': key })).statusCode,
        200,
        'the organisation has its own count',
      );

      p.clock.advance(60_000);
      assert.equal((await verify()).statusCode, 200, 'a new minute, a new count');
    });
  });
}
