import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { buildJwks } from '../../src/credentials/jwks.ts';
import { retireSigningKey } from '../../src/credentials/rotate-signing-key.ts';
import { signStatusList } from '../../src/credentials/sign-status-list.ts';
import { buildTrustList, signTrustList, trustAnchorOf } from '../../src/credentials/sign-trust-list.ts';
import { newDisplayClaims, signDisplayCode } from '../../src/credentials/sign-display-code.ts';
import { allocateStatusIndex, createStatusList, setStatus } from '../../src/credentials/status-list.ts';
import { encodeCbor } from '../../src/verify/cbor.ts';
import { verifyDisplayCode, verifyStatusList, verifyTrustList } from '../../src/verify/index.ts';
import type { StatusListSnapshot, TrustList } from '../../src/verify/index.ts';
import { signCose } from '../../src/credentials/sign-cose.ts';
import { CARD, NOW, SKEW, at, makeKey } from './fixtures.ts';

const anchor = makeKey();
const codeKey = makeKey();
const edKey = makeKey('EdDSA');
const URI = 'https://juzhu.example/api/v1/status-lists/3';

async function trusted(records = [codeKey.record, edKey.record], now = NOW): Promise<TrustList> {
  const token = signTrustList(buildTrustList(records, now, 30 * 86_400), anchor.signer);
  const check = await verifyTrustList(token, [trustAnchorOf(anchor.record)], { now });
  assert.ok(check.ok, JSON.stringify(check));
  return check.trustList;
}

function listWith(statuses: Record<string, 'revoked' | 'suspended' | 'superseded'> = {}) {
  const r = createStatusList(3);
  const indices = { a: allocateStatusIndex(r)!, b: allocateStatusIndex(r)!, c: allocateStatusIndex(r)! };
  for (const [name, s] of Object.entries(statuses)) setStatus(r, indices[name as keyof typeof indices], s);
  return { r, indices };
}

test('trust list: signed by the anchor, carries each key with its windows, refuses anything else', async () => {
  const retired = retireSigningKey(codeKey.record, NOW, 86_400);
  const list = await trusted([retired, edKey.record]);
  assert.deepEqual(
    list.keys.map((k) => [k.kid, k.alg, k.signUntil, k.verifyUntil]),
    [
      [codeKey.record.kid, 'ES256', NOW.getTime() / 1000, NOW.getTime() / 1000 + 86_400],
      [edKey.record.kid, 'EdDSA', null, null],
    ],
  );
  const token = signTrustList(buildTrustList([codeKey.record], NOW, 3600), anchor.signer);
  const anchors = [trustAnchorOf(anchor.record)];
  const other = await verifyTrustList(token, [trustAnchorOf(makeKey().record)], { now: NOW });
  assert.deepEqual(other, { ok: false, problem: 'unknown_key' });
  const late = await verifyTrustList(token, anchors, { now: at(3600) });
  assert.deepEqual(late, { ok: false, problem: 'expired' });
  const flipped = token.slice();
  flipped[40]! ^= 1;
  assert.equal((await verifyTrustList(flipped, anchors, { now: NOW })).ok, false);
  // A status list token is not a trust list, even when the anchor signed it.
  const { r } = listWith();
  const asList = signStatusList(r, anchor.signer, {
    uri: URI,
    now: NOW,
    ttlSeconds: 60,
    validitySeconds: 60,
  });
  assert.deepEqual(await verifyTrustList(asList, anchors, { now: NOW }), { ok: false, problem: 'malformed' });
});

test('a key past its verification window leaves the trust list and the JWKS', async () => {
  const gone = retireSigningKey(codeKey.record, at(-100), 50);
  const list = await trusted([gone, edKey.record]);
  assert.deepEqual(
    list.keys.map((k) => k.kid),
    [edKey.record.kid],
  );
  assert.deepEqual(
    buildJwks([gone, edKey.record], NOW).keys.map((k) => k.kid),
    [edKey.record.kid],
  );
});

test('JWKS: public members, kid, alg, use and windows; nothing private', () => {
  const retired = retireSigningKey(codeKey.record, NOW, 600);
  const { keys } = buildJwks([retired, edKey.record], NOW);
  const [ec, ed] = keys;
  assert.deepEqual(Object.keys(ec!).sort(), [
    'alg',
    'crv',
    'exp',
    'jz_sign_until',
    'kid',
    'kty',
    'nbf',
    'use',
    'x',
    'y',
  ]);
  assert.equal(ec!.exp, NOW.getTime() / 1000 + 600);
  assert.deepEqual(Object.keys(ed!).sort(), ['alg', 'crv', 'kid', 'kty', 'nbf', 'use', 'x']);
  assert.ok(!JSON.stringify(keys).includes('"d"'));
});

test('status list: verified, decompressed, and read at the code’s index', async () => {
  const trustList = await trusted();
  const { r, indices } = listWith({ a: 'revoked', b: 'suspended', c: 'superseded' });
  const token = signStatusList(r, codeKey.signer, {
    uri: URI,
    now: NOW,
    ttlSeconds: 3600,
    validitySeconds: 86_400,
  });
  const check = await verifyStatusList(token, trustList, { now: NOW });
  assert.ok(check.ok);
  const snapshot = check.snapshot;
  assert.equal(snapshot.list, 3);
  assert.equal(snapshot.bits, 2);
  assert.equal(snapshot.ttl, 3600);
  assert.equal(snapshot.statuses.length, 32_768);
  assert.ok(token.length < 1000, `a mostly valid list compresses well (${token.length} bytes)`);

  const lists = (n: number) => (n === 3 ? snapshot : undefined);
  const verify = async (index: number, now = NOW, statusLists = lists) => {
    const code = signDisplayCode(
      newDisplayClaims({ ...CARD, statusList: { list: 3, index } }, now),
      codeKey.signer,
    );
    return (await verifyDisplayCode(code, { trustList, statusLists, now, skewSeconds: SKEW })).result;
  };
  assert.equal(await verify(indices.a), 'revoked');
  assert.equal(await verify(indices.b), 'suspended');
  assert.equal(await verify(indices.c), 'superseded');
  assert.equal(await verify((indices.a + 1) % r.size), 'valid');
  // A stale copy (past iat + ttl) knows nothing of now: never valid.
  assert.equal(await verify((indices.a + 1) % r.size, at(3611)), 'status_unknown');
  assert.equal(await verify(indices.a, at(3611)), 'status_unknown');
  assert.equal(await verify(5, NOW, () => undefined), 'status_unknown');
  assert.equal(await verify(5, NOW, () => ({ ...snapshot, list: 4 })), 'status_unknown');
  assert.equal(await verify(r.size + 10), 'status_unknown', 'index beyond the list');
  assert.equal(
    await verify(5, NOW, () => {
      throw new Error('cache broken');
    }),
    'status_unknown',
  );
});

test('status list tokens: wrong signer, tampering, expiry, bombs and foreign shapes are refused', async () => {
  const trustList = await trusted();
  const { r } = listWith();
  const opts = { uri: URI, now: NOW, ttlSeconds: 3600, validitySeconds: 7200 };
  const token = signStatusList(r, codeKey.signer, opts);
  assert.deepEqual(
    await verifyStatusList(signStatusList(r, makeKey().signer, opts), trustList, { now: NOW }),
    {
      ok: false,
      problem: 'unknown_key',
    },
  );
  const flipped = token.slice();
  flipped[token.length - 80]! ^= 1;
  assert.deepEqual(await verifyStatusList(flipped, trustList, { now: NOW }), {
    ok: false,
    problem: 'bad_signature',
  });
  assert.deepEqual(await verifyStatusList(token, trustList, { now: at(7200) }), {
    ok: false,
    problem: 'expired',
  });
  assert.throws(() => signStatusList(r, codeKey.signer, { ...opts, uri: 'https://x/status-lists/4' }));

  // 64 MiB of zeros deflate to ~64 KiB: the verifier stops at its cap instead of inflating it all.
  const bomb = new Map<number, unknown>([
    [2, URI],
    [6, NOW.getTime() / 1000],
    [65534, 60],
    [
      65533,
      new Map<string, unknown>([
        ['bits', 2],
        ['lst', new Uint8Array(deflateSync(new Uint8Array(64 << 20)))],
      ]),
    ],
  ]);
  const bombToken = signCose(encodeCbor(bomb as never), codeKey.signer, 'application/statuslist+cwt');
  assert.deepEqual(await verifyStatusList(bombToken, trustList, { now: NOW }), {
    ok: false,
    problem: 'malformed',
  });
  const noTtl = new Map(bomb);
  noTtl.delete(65534);
  const noTtlToken = signCose(encodeCbor(noTtl as never), codeKey.signer, 'application/statuslist+cwt');
  assert.deepEqual(await verifyStatusList(noTtlToken, trustList, { now: NOW }), {
    ok: false,
    problem: 'malformed',
  });
  // A display code's COSE is not a status list (no typ header).
  assert.deepEqual(await verifyStatusList(new Uint8Array(10), trustList, { now: NOW }), {
    ok: false,
    problem: 'malformed',
  });
});

test('an expired trust list vouches for no key: codes then give unknown_key', async () => {
  const trustList: TrustList = { ...(await trusted()), expiresAt: NOW.getTime() / 1000 - 60 };
  const code = signDisplayCode(newDisplayClaims(CARD, NOW), codeKey.signer);
  const snapshot = undefined as StatusListSnapshot | undefined;
  const outcome = await verifyDisplayCode(code, {
    trustList,
    statusLists: () => snapshot,
    now: NOW,
    skewSeconds: SKEW,
  });
  assert.equal(outcome.result, 'unknown_key');
  assert.equal(outcome.claims, undefined);
});
