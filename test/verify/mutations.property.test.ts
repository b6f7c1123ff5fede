// Property: no mutation of a valid code verifies as `valid`, and nothing makes the verifier throw.
// Quick by default (2,000 cases in all); FC_RUNS=100000 for a deep run. A failure prints the seed
// and path that fast-check needs to replay it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { signStatusList } from '../../src/credentials/sign-status-list.ts';
import { buildTrustList } from '../../src/credentials/sign-trust-list.ts';
import { newDisplayClaims, signDisplayCode } from '../../src/credentials/sign-display-code.ts';
import { allocateStatusIndex, createStatusList } from '../../src/credentials/status-list.ts';
import { BASE45_ALPHABET, decodeBase45, encodeBase45 } from '../../src/verify/base45.ts';
import { verifyDisplayCode, verifyStatusList, verificationResults } from '../../src/verify/index.ts';
import type { OfflineContext } from '../../src/verify/index.ts';
import { CARD, NOW, SKEW, makeKey } from './fixtures.ts';

const TOTAL = Number(process.env.FC_RUNS ?? 2000);
const PROPERTIES = 5;
const numRuns = Math.max(1, Math.floor(TOTAL / PROPERTIES));

const es = makeKey('ES256');
const ed = makeKey('EdDSA');
const list = createStatusList(1);
const index = allocateStatusIndex(list)!;
const trustList = buildTrustList([es.record, ed.record], NOW, 86_400);
const checked = await verifyStatusList(
  signStatusList(list, es.signer, {
    uri: 'https://x/status-lists/1',
    now: NOW,
    ttlSeconds: 3600,
    validitySeconds: 3600,
  }),
  trustList,
  { now: NOW },
);
assert.ok(checked.ok);
const snapshot = checked.snapshot;
const ctx: OfflineContext = {
  trustList,
  statusLists: () => snapshot,
  now: NOW,
  skewSeconds: SKEW,
  challenge: 'K7QX',
};
const card = { ...CARD, statusList: { list: 1, index } };
const codes = [
  signDisplayCode(newDisplayClaims(card, NOW, { challenge: 'K7QX' }), es.signer),
  signDisplayCode(newDisplayClaims(card, NOW, { challenge: 'K7QX' }), ed.signer),
];

async function neverValid(code: string): Promise<boolean> {
  const outcome = await verifyDisplayCode(code, ctx); // a rejection fails the property: it must never throw
  assert.ok(verificationResults.includes(outcome.result), outcome.result);
  return outcome.result !== 'valid';
}

test('the unmutated codes are valid (so the properties below test something)', async () => {
  for (const code of codes) assert.equal((await verifyDisplayCode(code, ctx)).result, 'valid');
});

const codeArb = fc.constantFrom(...codes);
const withBytes = (code: string) => decodeBase45(code.slice(4))!;
const text = (bytes: Uint8Array) => 'JZ1:' + encodeBase45(bytes);

test('a flipped bit anywhere in the COSE bytes never verifies', async () => {
  await fc.assert(
    fc.asyncProperty(codeArb, fc.nat(), fc.integer({ min: 0, max: 7 }), async (code, at, bit) => {
      const bytes = withBytes(code);
      bytes[at % bytes.length]! ^= 1 << bit;
      return neverValid(text(bytes));
    }),
    { numRuns },
  );
});

test('a character substituted anywhere in the text never verifies', async () => {
  const chars = fc.constantFrom(...(BASE45_ALPHABET + 'abcz\u0000é中🙂\n').split(''));
  await fc.assert(
    fc.asyncProperty(codeArb, fc.nat(), chars, async (code, at, c) => {
      const i = at % code.length;
      fc.pre(code[i] !== c);
      return neverValid(code.slice(0, i) + c + code.slice(i + 1));
    }),
    { numRuns },
  );
});

test('truncated codes and codes with bytes appended never verify', async () => {
  await fc.assert(
    fc.asyncProperty(
      codeArb,
      fc.nat(),
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc.boolean(),
      async (code, at, extra, cutText) => {
        if (cutText) return neverValid(code.slice(0, at % code.length));
        const bytes = withBytes(code);
        const longer = new Uint8Array(bytes.length + extra.length);
        longer.set(bytes);
        longer.set(extra, bytes.length);
        return neverValid(text(longer));
      },
    ),
    { numRuns },
  );
});

test('random strings of any alphabet and length never verify', async () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET.split('')), maxLength: 400 }).map((s) => 'JZ1:' + s),
    fc.uint8Array({ maxLength: 300 }).map(text),
    fc.string({ maxLength: 5000 }),
  );
  await fc.assert(fc.asyncProperty(anyText, neverValid), { numRuns });
});

test('spliced codes (one code’s header or signature on another’s payload) never verify', async () => {
  const other = signDisplayCode(
    newDisplayClaims({ ...card, cardVersion: 3 }, NOW, { challenge: 'K7QX' }),
    es.signer,
  );
  await fc.assert(
    fc.asyncProperty(codeArb, fc.integer({ min: 1, max: 200 }), async (code, cut) => {
      const a = withBytes(code);
      const b = withBytes(other);
      fc.pre(cut < Math.min(a.length, b.length));
      const spliced = new Uint8Array(b.length);
      spliced.set(b);
      spliced.set(a.subarray(0, cut));
      fc.pre(text(spliced) !== other);
      return neverValid(text(spliced));
    }),
    { numRuns },
  );
});
