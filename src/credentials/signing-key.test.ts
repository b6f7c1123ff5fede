import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { calculateJwkThumbprint } from 'jose';
import { isAppError } from '../domain/errors.ts';
import { decodeBase64url } from '../verify/base64url.ts';
import { generateSigningKey, signingKeyRecord } from './signing-key.ts';
import { unlockSigner } from './unlock-signer.ts';
import { currentSigningKey, retireSigningKey } from './rotate-signing-key.ts';

const kek = new Uint8Array(32).fill(1);
const now = new Date('2026-03-02T01:00:00Z');

test('ES256 by default shape, Ed25519 as an option, each with a key id from its thumbprint', async () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const r = generateSigningKey(alg, kek, now);
    assert.equal(r.alg, alg);
    assert.equal(r.publicJwk.kty, alg === 'ES256' ? 'EC' : 'OKP');
    assert.equal(r.publicJwk.d, undefined, 'no private member in the public JWK');
    // RFC 7638 thumbprint, computed by an independent library, truncated to 8 bytes.
    const full = decodeBase64url(await calculateJwkThumbprint(r.publicJwk));
    assert.deepEqual(decodeBase64url(r.kid), full!.subarray(0, 8));
    assert.equal(r.createdAt, now.toISOString());
    assert.equal(r.signUntil, null);
    assert.equal(r.verifyUntil, null);
  }
});

test('the record never prints its private key: not in JSON, inspect, toString or a template', () => {
  const r = generateSigningKey('ES256', kek, now);
  const secret = r.encryptedPrivateKey;
  assert.match(secret, /^v1\./);
  for (const printed of [
    JSON.stringify(r),
    inspect(r),
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the record brings its own toString
    String(r),
    JSON.stringify({ key: r }),
  ]) {
    assert.ok(!printed.includes(secret), printed);
    assert.ok(!printed.includes(secret.slice(3, 20)));
  }
  assert.match(JSON.stringify(r), /"encryptedPrivateKey":"\[redacted\]"/);
  // Stored field by field, the sealed key is still there for the caller to persist.
  assert.equal({ ...r }.encryptedPrivateKey, secret);
  const reloaded = signingKeyRecord({ ...r });
  assert.ok(!inspect(reloaded).includes(secret));
});

test('the sealed key opens only with the right KEK and only on its own record', () => {
  const a = generateSigningKey('ES256', kek, now);
  const b = generateSigningKey('ES256', kek, now);
  assert.equal(typeof unlockSigner(a, kek).sign(new Uint8Array(3)), 'object');
  const wrongKek = new Uint8Array(32).fill(2);
  assert.throws(
    () => unlockSigner(a, wrongKek),
    (e) => isAppError(e) && e.code === 'INTERNAL',
  );
  assert.throws(() => unlockSigner({ ...b, encryptedPrivateKey: a.encryptedPrivateKey }, kek), isAppError);
  assert.throws(() => generateSigningKey('ES256', new Uint8Array(16), now), isAppError);
});

test('a signer carries no key material a logger could print', () => {
  const s = unlockSigner(generateSigningKey('EdDSA', kek, now), kek);
  assert.deepEqual(Object.keys(s).sort(), ['alg', 'kid', 'sign']);
  assert.ok(!/PRIVATE|BEGIN|"d"/.test(JSON.stringify(s) + inspect(s, { showHidden: true, depth: 5 })));
});

test('rotation: the old key stops signing and stays trusted for the grace period', () => {
  const old = generateSigningKey('ES256', kek, new Date('2026-01-01T00:00:00Z'));
  const fresh = generateSigningKey('ES256', kek, now);
  const retired = retireSigningKey(old, now, 7 * 86_400);
  assert.equal(retired.signUntil, now.toISOString());
  assert.equal(retired.verifyUntil, '2026-03-09T01:00:00.000Z');
  assert.ok(!inspect(retired).includes(old.encryptedPrivateKey), 'still redacted');
  assert.equal(currentSigningKey([retired, fresh], now)?.kid, fresh.kid);
  assert.equal(currentSigningKey([old, fresh], new Date('2026-02-01T00:00:00Z'))?.kid, old.kid);
  assert.equal(currentSigningKey([retired], now), undefined);
});
