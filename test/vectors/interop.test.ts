// Interoperability: an outside verifier that never read our code. It knows the published JWKS and
// the documented format, and uses independent packages: `base45`, `cbor` and `cose-js` (ES256);
// `cbor` plus Node's crypto where cose-js has no EdDSA. The status list is decoded by a few lines
// written here from the draft's text (§4.1), with node:zlib, not with our decoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import cbor from 'cbor';
import { generateSigningKey } from '../../src/credentials/signing-key.ts';
import { unlockSigner } from '../../src/credentials/unlock-signer.ts';
import { newDisplayClaims, signDisplayCode } from '../../src/credentials/sign-display-code.ts';
import { buildJwks } from '../../src/credentials/jwks.ts';

const require = createRequire(import.meta.url);
const base45 = require('base45') as { decode(text: string): Buffer };
const cose = require('cose-js') as {
  sign: {
    verify(
      cose: Buffer,
      verifier: { key: { x: Buffer; y: Buffer } },
      o: { defaultType: number },
    ): Promise<Buffer>;
  };
};

interface Jwk {
  kid: string;
  alg: string;
  kty: string;
  crv: string;
  x: string;
  y?: string;
}
interface VectorFile {
  jwks: { keys: Jwk[] };
  statusLists: Record<string, string>;
  vectors: {
    name: string;
    code: string;
    expected: string;
    claims?: { cardNumber: string; statusList: { index: number } };
  }[];
}
const file = JSON.parse(readFileSync(new URL('display-codes.json', import.meta.url), 'utf8')) as VectorFile;
const b64 = (s: string) => Buffer.from(s, 'base64url');
const SIGN1 = 18; // RFC 9052 COSE_Sign1 tag number: our codes are untagged, so tell cose-js the type.

/** The outside verifier: JWKS in, payload out, or an exception. */
async function outsideVerify(coseBytes: Buffer, jwks: { keys: Jwk[] }): Promise<Map<number, unknown>> {
  const [protectedBytes, , payload, signature] = cbor.decodeFirstSync(coseBytes) as [
    Buffer,
    unknown,
    Buffer,
    Buffer,
  ];
  const header = cbor.decodeFirstSync(protectedBytes) as Map<number, unknown>;
  const kid = (header.get(4) as Buffer).toString('base64url');
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`no key ${kid}`);
  if (header.get(1) === -7) {
    assert.equal(jwk.alg, 'ES256');
    const out = await cose.sign.verify(
      coseBytes,
      { key: { x: b64(jwk.x), y: b64(jwk.y!) } },
      { defaultType: SIGN1 },
    );
    return cbor.decodeFirstSync(out) as Map<number, unknown>;
  }
  assert.equal(header.get(1), -8);
  assert.equal(jwk.alg, 'EdDSA');
  const toBeSigned = cbor.encode(['Signature1', protectedBytes, Buffer.alloc(0), payload]);
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  if (!verify(null, toBeSigned, key, signature)) throw new Error('EdDSA signature mismatch');
  return cbor.decodeFirstSync(payload) as Map<number, unknown>;
}

const decodeCode = (code: string) => {
  assert.match(code, /^JZ1:/);
  return base45.decode(code.slice(4));
};

test('every vector whose signature holds verifies with base45 + cbor + cose-js and the JWKS alone', async () => {
  const signedOk = file.vectors.filter((v) => v.claims);
  assert.ok(signedOk.length >= 10);
  for (const v of signedOk) {
    const claims = await outsideVerify(decodeCode(v.code), file.jwks);
    const exp = claims.get(4) as number;
    const iat = claims.get(6) as number;
    assert.equal(exp - iat, 60, v.name);
    assert.ok(Buffer.isBuffer(claims.get(7)), 'cti');
    const own = claims.get(-65537) as Map<number, unknown>;
    assert.equal(own.get(2), v.claims!.cardNumber, v.name);
    assert.match(String(own.get(2)), /^J[ZD]1101\d{11}$/);
    assert.equal(own.get(7), '张*明');
    assert.equal(own.get(4), Date.parse('2027-03-01') / 86_400_000);
    assert.deepEqual(own.get(8), [1, v.claims!.statusList.index]);
  }
});

test('the outside verifier rejects the tampered and wrong-key vectors', async () => {
  for (const name of ['tampered', 'wrong_key']) {
    const v = file.vectors.find((x) => x.name === name)!;
    await assert.rejects(outsideVerify(decodeCode(v.code), file.jwks), name);
  }
});

test('freshly issued codes, both algorithms, verify outside too', async () => {
  const kek = new Uint8Array(32).fill(9);
  const now = new Date('2026-05-01T00:00:00Z');
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const record = generateSigningKey(alg, kek, now);
    const signer = unlockSigner(record, kek);
    const jwks = buildJwks([record], now) as unknown as { keys: Jwk[] };
    for (let i = 0; i < 20; i++) {
      const code = signDisplayCode(
        newDisplayClaims(
          {
            kind: i % 2 ? 'registration_card' : 'residence_permit',
            cardNumber: `JZ1101052024${String(i).padStart(5, '0')}`,
            cardVersion: i + 1,
            validUntil: '2026-11-01',
            statusAtIssue: 'valid',
            districtCode: '110108',
            maskedName: '欧阳*' + '娜'.repeat(i % 3),
            statusList: { list: i, index: i * 4099 },
          },
          now,
          i % 3 === 0 ? { challenge: `C${i}` } : {},
        ),
        signer,
      );
      const claims = await outsideVerify(decodeCode(code), jwks);
      assert.equal((claims.get(-65537) as Map<number, unknown>).get(3), i + 1);
    }
  }
});

test('the status list decodes with a decoder written from the draft, and says what the vectors expect', async () => {
  const token = b64(file.statusLists['1']!);
  const claims = await outsideVerify(token, file.jwks); // signed by a display-code key from the JWKS
  const [protectedBytes] = cbor.decodeFirstSync(token) as [Buffer];
  assert.equal(
    (cbor.decodeFirstSync(protectedBytes) as Map<number, unknown>).get(16),
    'application/statuslist+cwt',
  );
  assert.match(claims.get(2) as string, /\/status-lists\/1$/); // sub
  assert.equal(claims.get(65534), 3600); // ttl
  assert.ok((claims.get(6) as number) < (claims.get(4) as number)); // iat < exp
  // `cbor` gives a text-keyed map as a plain object.
  const list = claims.get(65533) as { bits: number; lst: Buffer };
  const bits = list.bits;
  const bytes = inflateSync(list.lst); // §4.1: DEFLATE in the ZLIB format
  assert.equal(bits, 2);
  assert.ok(bytes.length * (8 / bits) >= 131_072);
  // §4.1: entry i sits at bit offset i·bits, counted from the least significant bit of each byte.
  const status = (i: number) => (bytes[Math.floor((i * bits) / 8)]! >> ((i * bits) % 8)) & ((1 << bits) - 1);
  const expectedEntry: Record<string, number> = { valid: 0, revoked: 1, suspended: 2, superseded: 3 };
  for (const [name, entry] of Object.entries(expectedEntry)) {
    const v = file.vectors.find((x) => x.name === name)!;
    assert.equal(status(v.claims!.statusList.index), entry, name);
  }
});
