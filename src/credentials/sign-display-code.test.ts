import { test } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { isAppError } from '../domain/errors.ts';
import { decodeBase45 } from '../verify/base45.ts';
import { checkSignedCode } from '../verify/check-signed-code.ts';
import { CARD, NOW, SKEW, makeKey } from '../../test/verify/fixtures.ts';
import { MAX_CODE_CHARACTERS, newDisplayClaims, signDisplayCode } from './sign-display-code.ts';

const qrVersion = (code: string) => QRCode.create(code, { errorCorrectionLevel: 'M' }).version;

test('a code is JZ1: and base45, all in the QR alphanumeric set, and reads back to the same claims', async () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const key = makeKey(alg);
    const claims = newDisplayClaims(CARD, NOW, { challenge: 'K7QX2M9A' });
    const code = signDisplayCode(claims, key.signer);
    assert.match(code, /^JZ1:[0-9A-Z $%*+\-./:]+$/);
    const check = await checkSignedCode(code, { keys: [key.trusted], now: NOW, skewSeconds: SKEW });
    assert.deepEqual(check, { ok: true, claims, kid: key.record.kid });
  }
});

test('default lifetime 60 s, fresh 8-byte code id each time', () => {
  const a = newDisplayClaims(CARD, NOW);
  const b = newDisplayClaims(CARD, NOW);
  assert.equal(a.expiresAt - a.issuedAt, 60);
  assert.equal(a.issuedAt, NOW.getTime() / 1000);
  assert.equal(a.codeId.length, 8);
  assert.notDeepEqual(a.codeId, b.codeId);
  assert.equal(newDisplayClaims(CARD, NOW, { lifetimeSeconds: 90 }).expiresAt - a.issuedAt, 90);
});

test('QR version at level M: 9 for a typical code, 10 with a challenge, never above 10', () => {
  const key = makeKey();
  const plain = signDisplayCode(newDisplayClaims(CARD, NOW), key.signer);
  const challenged = signDisplayCode(newDisplayClaims(CARD, NOW, { challenge: 'K7QX2M9A' }), key.signer);
  assert.equal(qrVersion(plain), 9);
  assert.equal(qrVersion(challenged), 10);
  const largest = newDisplayClaims(
    {
      ...CARD,
      cardNumber: 'X'.repeat(24),
      maskedName: '阿*****',
      cardVersion: 0xffff_ffff,
      statusList: { list: 0xffff_ffff, index: 0xffff_ffff },
    },
    NOW,
    { challenge: 'C'.repeat(16) },
  );
  const code = signDisplayCode(largest, makeKey('EdDSA').signer);
  assert.ok(code.length <= MAX_CODE_CHARACTERS);
  assert.ok(qrVersion(code) <= 10);
});

test('claims that do not fit the format or the QR budget are refused with VALIDATION_FAILED', () => {
  const { signer } = makeKey();
  const bad = [
    { ...newDisplayClaims(CARD, NOW), codeId: new Uint8Array(4) },
    { ...newDisplayClaims(CARD, NOW), validUntil: '2027-02-30' },
    { ...newDisplayClaims(CARD, NOW), districtCode: '11010' },
    { ...newDisplayClaims(CARD, NOW), maskedName: '' },
    { ...newDisplayClaims(CARD, NOW), cardNumber: 'A\nB' },
    { ...newDisplayClaims(CARD, NOW), expiresAt: NOW.getTime() / 1000 },
    newDisplayClaims({ ...CARD, maskedName: '阿'.repeat(12), cardNumber: 'X'.repeat(24) }, NOW, {
      challenge: 'C'.repeat(16),
      codeId: new Uint8Array(16),
    }),
  ];
  for (const claims of bad) {
    assert.throws(
      () => signDisplayCode(claims, signer),
      (e) => isAppError(e) && e.code === 'VALIDATION_FAILED',
    );
  }
});

test('the COSE bytes are untagged COSE_Sign1 with alg and kid in the protected header', () => {
  const key = makeKey();
  const bytes = decodeBase45(signDisplayCode(newDisplayClaims(CARD, NOW), key.signer).slice(4))!;
  assert.equal(bytes[0], 0x84, 'array of 4, no tag 18');
  // bstr(13) { 1: -7, 4: h'<8 bytes>' }
  assert.deepEqual([...bytes.subarray(1, 7)], [0x4d, 0xa2, 0x01, 0x26, 0x04, 0x48]);
});
