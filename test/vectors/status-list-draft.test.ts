// Token Status List (draft-ietf-oauth-status-list, -15 and later, §5.2): a status list token in CWT
// form MUST be a tagged COSE_Sign1 (CBOR tag 18). Our library reads the draft's own example token
// (tagged, with its kid in the unprotected header, signed by the draft's example key), and the
// tokens we sign are tagged, so a generic COSE library reads them without being told their type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { signStatusList } from '../../src/credentials/sign-status-list.ts';
import { signTrustList, buildTrustList } from '../../src/credentials/sign-trust-list.ts';
import { allocateStatusIndex, createStatusList, setStatus } from '../../src/credentials/status-list.ts';
import { statusAt, verifyStatusList } from '../../src/verify/index.ts';
import type { TrustList } from '../../src/verify/index.ts';
import { makeKey, NOW } from '../verify/fixtures.ts';

const require = createRequire(import.meta.url);
const cose = require('cose-js') as {
  sign: { verify(cose: Buffer, verifier: { key: { x: Buffer; y: Buffer } }): Promise<Buffer> };
};

// The draft's examples/status_list_cwt.md (oauth-wg/draft-ietf-oauth-status-list), byte for byte.
const DRAFT_EXAMPLE = Buffer.from(
  'd2845820a2012610781a6170706c69636174696f6e2f7374617475736c6973742b63' +
    '7774a1044231325850a502782168747470733a2f2f6578616d706c652e636f6d2f73' +
    '74617475736c697374732f31061a648c5bea041a8898dfea19fffe19a8c019fffda2' +
    '646269747301636c73744a78dadbb918000217015d584093fa4d01032b18c35e2fe1' +
    '101b77fd6cc9440022caa4694450c4e4e9feab4e99d1fa6d9772ce2bf3a12e0323de' +
    'd7c982c5e101a5e67f0cbc1e2b6f57ce99c279',
  'hex',
);
// The draft's example key (src/util.py), kid "12", public part only.
const DRAFT_KEY = {
  kid: Buffer.from('12').toString('base64url'),
  alg: 'ES256' as const,
  publicJwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'I3HWm_0Ds1dPMI-IWmf4mBmH-YaeAVbPVu7vB27CxXo',
    y: '6N_d5Elj9bs1htgV3okJKIdbHEpkgTmAluYKJemzn1M',
  },
  notBefore: 0,
  signUntil: null,
  verifyUntil: null,
};
const draftTrust: TrustList = { issuedAt: 0, expiresAt: 2 ** 31, keys: [DRAFT_KEY] };

test("the draft's example token verifies: tagged, kid unprotected, the example list read", async () => {
  assert.equal(DRAFT_EXAMPLE[0], 0xd2, 'the example is COSE_Sign1_Tagged');
  const check = await verifyStatusList(DRAFT_EXAMPLE, draftTrust, { now: new Date('2023-06-17T00:00:00Z') });
  assert.ok(check.ok, JSON.stringify(check));
  assert.equal(check.snapshot.uri, 'https://example.com/statuslists/1');
  assert.equal(check.snapshot.bits, 1);
  assert.equal(check.snapshot.ttl, 43_200);
  // §4.1's one-bit example: statuses 1,0,0,1,1,1,0,1 | 1,1,0,0,0,1,0,1 are the bytes b9 a3.
  assert.deepEqual([...check.snapshot.statuses], [0xb9, 0xa3]);
  const read = (i: number) => statusAt(check.snapshot.statuses, 1, i);
  assert.deepEqual([0, 1, 2, 3, 15].map(read), [1, 0, 0, 1, 1]);
});

test("the draft's example with one bit changed, or its kid moved to a key we do not hold, is refused", async () => {
  const flipped = Buffer.from(DRAFT_EXAMPLE);
  flipped[flipped.length - 3]! ^= 1;
  const at = { now: new Date('2023-06-17T00:00:00Z') };
  assert.deepEqual(await verifyStatusList(flipped, draftTrust, at), { ok: false, problem: 'bad_signature' });
  const otherKid = { ...draftTrust, keys: [{ ...DRAFT_KEY, kid: Buffer.from('13').toString('base64url') }] };
  assert.deepEqual(await verifyStatusList(DRAFT_EXAMPLE, otherKid, at), {
    ok: false,
    problem: 'unknown_key',
  });
});

test('our status list tokens and trust lists are tagged (18); a generic COSE library reads them untold', async () => {
  const key = makeKey('ES256');
  const r = createStatusList(3);
  setStatus(r, allocateStatusIndex(r)!, 'revoked');
  const token = signStatusList(r, key.signer, {
    uri: 'https://juzhu.example/api/v1/status-lists/3',
    now: NOW,
    ttlSeconds: 60,
    validitySeconds: 60,
  });
  const trustList = signTrustList(buildTrustList([key.record], NOW, 3600), key.signer);
  const { x, y } = key.trusted.publicJwk;
  for (const signed of [token, trustList]) {
    assert.equal(signed[0], 0xd2, 'COSE_Sign1_Tagged');
    // No `defaultType`: cose-js learns the type from the tag, as any conforming verifier would.
    const payload = await cose.sign.verify(Buffer.from(signed), {
      key: { x: Buffer.from(x!, 'base64url'), y: Buffer.from(y!, 'base64url') },
    });
    assert.ok(payload.length > 0);
  }
  // An untagged token (as we wrote them before) is still read: offline verifiers hold old copies.
  const check = await verifyStatusList(
    token.subarray(1),
    { issuedAt: 0, expiresAt: 2 ** 31, keys: [key.trusted] },
    {
      now: NOW,
    },
  );
  assert.ok(check.ok, JSON.stringify(check));
});
