// The library against the committed vectors (scripts/make-test-vectors.ts): each vector's result,
// with both signature paths (WebCrypto for browsers, Node crypto for the server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nodeSignatureCheck } from '../../src/credentials/node-signature-check.ts';
import { decodeBase64url } from '../../src/verify/base64url.ts';
import {
  verifyDisplayCode,
  verifyStatusList,
  verifyTrustList,
  verificationResults,
} from '../../src/verify/index.ts';
import type {
  SignatureCheck,
  StatusListSnapshot,
  TrustAnchor,
  VerificationResult,
} from '../../src/verify/index.ts';

interface VectorFile {
  anchors: TrustAnchor[];
  trustList: string;
  statusLists: Record<string, string>;
  vectors: {
    name: string;
    code: string;
    now: string;
    skewSeconds: number;
    challenge?: string;
    expected: VerificationResult;
    claims?: Record<string, unknown>;
  }[];
}

const file = JSON.parse(readFileSync(new URL('display-codes.json', import.meta.url), 'utf8')) as VectorFile;

test('the vectors cover every result the brief names', () => {
  const covered = new Set(file.vectors.map((v) => v.expected));
  for (const r of verificationResults) assert.ok(covered.has(r), `no vector for ${r}`);
});

for (const [path, checkSignature] of [
  ['WebCrypto', undefined],
  ['Node crypto', nodeSignatureCheck],
] as [string, SignatureCheck | undefined][]) {
  test(`every vector gives its expected result (${path})`, async () => {
    for (const v of file.vectors) {
      const now = new Date(v.now);
      const opts = { now, skewSeconds: v.skewSeconds, ...(checkSignature ? { checkSignature } : {}) };
      const trust = await verifyTrustList(decodeBase64url(file.trustList)!, file.anchors, opts);
      assert.ok(trust.ok, `${v.name}: trust list`);
      const lists = new Map<number, StatusListSnapshot>();
      for (const token of Object.values(file.statusLists)) {
        const s = await verifyStatusList(decodeBase64url(token)!, trust.trustList, opts);
        assert.ok(s.ok, `${v.name}: status list`);
        lists.set(s.snapshot.list, s.snapshot);
      }
      const outcome = await verifyDisplayCode(v.code, {
        trustList: trust.trustList,
        statusLists: (n) => lists.get(n),
        ...opts,
        ...(v.challenge === undefined ? {} : { challenge: v.challenge }),
      });
      assert.equal(outcome.result, v.expected, v.name);
      if (v.claims) {
        assert.ok(outcome.claims, `${v.name}: claims`);
        const { codeId, ...rest } = outcome.claims;
        assert.deepEqual({ ...rest, codeId: Buffer.from(codeId).toString('hex') }, v.claims, v.name);
      } else {
        assert.equal(outcome.claims, undefined, `${v.name}: no claims before the signature holds`);
      }
    }
  });
}
