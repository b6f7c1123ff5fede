import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeSignatureCheck } from '../../src/credentials/node-signature-check.ts';
import { retireSigningKey } from '../../src/credentials/rotate-signing-key.ts';
import { trustedKeyOf } from '../../src/credentials/signing-key.ts';
import { newDisplayClaims, signDisplayCode } from '../../src/credentials/sign-display-code.ts';
import { encodeBase45, decodeBase45 } from '../../src/verify/base45.ts';
import { encodeCbor } from '../../src/verify/cbor.ts';
import { encodeSign1, encodeProtectedHeader, sigStructure } from '../../src/verify/cose-sign1.ts';
import { decodeBase64url } from '../../src/verify/base64url.ts';
import { checkSignedCode, applyCardStatus } from '../../src/verify/index.ts';
import type { SignedCodeContext } from '../../src/verify/index.ts';
import { CARD, NOW, SKEW, at, makeKey } from './fixtures.ts';

const key = makeKey();
const ctx = (over: Partial<SignedCodeContext> = {}): SignedCodeContext => ({
  keys: [key.trusted],
  now: NOW,
  skewSeconds: SKEW,
  ...over,
});
const result = async (code: unknown, over: Partial<SignedCodeContext> = {}) => {
  const web = await checkSignedCode(code, ctx(over));
  const node = await checkSignedCode(code, ctx({ ...over, checkSignature: nodeSignatureCheck }));
  assert.deepEqual(node, web, 'WebCrypto and Node crypto agree');
  return web.ok ? 'valid' : web.result;
};
const code = (over: Parameters<typeof newDisplayClaims>[2] = {}, signer = key.signer, now = NOW) =>
  signDisplayCode(newDisplayClaims(CARD, now, over), signer);

test('time: valid within the lifetime, expired after, not yet valid before, with the skew both ways', async () => {
  const c = code();
  assert.equal(await result(c), 'valid');
  assert.equal(await result(c, { now: at(69) }), 'valid', '60 s life + 10 s skew');
  assert.equal(await result(c, { now: at(70) }), 'expired');
  assert.equal(await result(c, { now: at(-10) }), 'valid');
  assert.equal(await result(c, { now: at(-11) }), 'not_yet_valid');
  assert.equal(await result(c, { now: at(61), skewSeconds: 0 }), 'expired');
});

test('a tampered byte, a different key under the same kid, or an unknown kid never verify', async () => {
  const c = code();
  const bytes = decodeBase45(c.slice(4))!;
  bytes[bytes.length - 70]! ^= 0x01; // a payload byte
  assert.equal(await result('JZ1:' + encodeBase45(bytes)), 'bad_signature');
  const impostor = makeKey();
  const sameKid = { ...impostor.signer, kid: key.signer.kid };
  assert.equal(await result(code({}, sameKid)), 'bad_signature');
  assert.equal(await result(code({}, impostor.signer)), 'unknown_key');
});

test('alg must be the key’s: an EdDSA header on an ES256 key is refused before any crypto', async () => {
  const ed = makeKey('EdDSA');
  const confused = { ...ed.signer, kid: key.signer.kid };
  assert.equal(await result(code({}, confused)), 'bad_signature');
});

test('only ES256 and EdDSA: any other alg is malformed', async () => {
  const kid = decodeBase64url(key.signer.kid)!;
  const header = encodeCbor(
    new Map<number, number | Uint8Array>([
      [1, -35],
      [4, kid],
    ]),
  );
  const payload = encodeCbor(new Map([[6, 1]]));
  const sig = key.signer.sign(sigStructure(header, payload));
  assert.equal(await result('JZ1:' + encodeBase45(encodeSign1(header, payload, sig))), 'malformed');
});

test('claims are read only after the signature holds: signed garbage is malformed, unsigned is bad_signature', async () => {
  const header = encodeProtectedHeader('ES256', decodeBase64url(key.signer.kid)!);
  const payload = encodeCbor(new Map([[6, 'not a time']]));
  const signed = encodeSign1(header, payload, key.signer.sign(sigStructure(header, payload)));
  assert.equal(await result('JZ1:' + encodeBase45(signed)), 'malformed');
  const unsigned = encodeSign1(header, payload, new Uint8Array(64));
  assert.equal(await result('JZ1:' + encodeBase45(unsigned)), 'bad_signature');
});

test('challenge mode: the same challenge verifies; none or another is challenge_mismatch', async () => {
  const withChallenge = code({ challenge: 'K7QX2M9A' });
  assert.equal(await result(withChallenge, { challenge: 'K7QX2M9A' }), 'valid');
  assert.equal(await result(withChallenge, { challenge: 'K7QX2M9B' }), 'challenge_mismatch');
  assert.equal(await result(code(), { challenge: 'K7QX2M9A' }), 'challenge_mismatch');
  assert.equal(await result(withChallenge), 'valid', 'a verifier not asking for one ignores it');
});

test('prefix and version: another version is unsupported, anything else malformed', async () => {
  const c = code();
  assert.equal(await result('JZ2:' + c.slice(4)), 'unsupported_version');
  assert.equal(await result('jz1:' + c.slice(4)), 'malformed');
  assert.equal(await result(c.slice(4)), 'malformed');
  assert.equal(await result(c + 'A'), 'malformed');
  assert.equal(await result('JZ1:' + 'A'.repeat(2000)), 'malformed');
  assert.equal(await result(''), 'malformed');
  assert.equal(await result(42), 'malformed');
});

test('rotation never fails a code signed before it; the retired key signs nothing new', async () => {
  const before = code();
  const retired = trustedKeyOf(retireSigningKey(key.record, at(5), 7 * 86_400));
  const fresh = makeKey('ES256', NOW);
  const keys = [retired, fresh.trusted];
  assert.equal(await result(before, { keys, now: at(30) }), 'valid');
  assert.equal(await result(code({}, fresh.signer, at(20)), { keys, now: at(30) }), 'valid');
  assert.equal(await result(code({}, key.signer, at(20)), { keys, now: at(30) }), 'unknown_key');
  const gone = trustedKeyOf(retireSigningKey(key.record, at(5), 20));
  assert.equal(await result(before, { keys: [gone], now: at(36) }), 'unknown_key', 'past verifyUntil + skew');
});

test('status is applied last, worst first, and a suspended-at-issue code stays suspended', async () => {
  const check = await checkSignedCode(code(), ctx());
  assert.equal(applyCardStatus(check, 'valid').result, 'valid');
  assert.equal(applyCardStatus(check, 'revoked').result, 'revoked');
  assert.equal(applyCardStatus(check, 'superseded').result, 'superseded');
  assert.equal(applyCardStatus(check, 'suspended').result, 'suspended');
  assert.equal(applyCardStatus(check, 'unknown').result, 'status_unknown');
  const suspended = signDisplayCode(
    newDisplayClaims({ ...CARD, statusAtIssue: 'suspended' }, NOW),
    key.signer,
  );
  assert.equal(applyCardStatus(await checkSignedCode(suspended, ctx()), 'valid').result, 'suspended');
  const expired = await checkSignedCode(code(), ctx({ now: at(100) }));
  assert.equal(applyCardStatus(expired, 'revoked').result, 'expired', 'a failed check keeps its result');
});
