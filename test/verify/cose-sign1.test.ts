import { test } from 'node:test';
import assert from 'node:assert/strict';
import cbor from 'cbor';
import { encodeCbor, type CborValue } from '../../src/verify/cbor.ts';
import {
  COSE_ALG,
  HEADER_ALG,
  HEADER_KID,
  HEADER_TYP,
  encodeProtectedHeader,
  encodeSign1,
  parseSign1,
  sigStructure,
} from '../../src/verify/cose-sign1.ts';

test('the hand-written COSE framing is byte for byte what general CBOR encoders write', () => {
  const header = Uint8Array.of(0xa2, 0x01, 0x26, 0x04, 0x41, 0x07);
  const signature = new Uint8Array(64).fill(3);
  for (const size of [0, 20, 23, 24, 255, 256, 70_000]) {
    const payload = new Uint8Array(size).fill(2);
    assert.deepEqual(
      encodeSign1(header, payload, signature),
      encodeCbor([header, new Map(), payload, signature]),
    );
    const expected = cbor.encode(['Signature1', Buffer.from(header), Buffer.alloc(0), Buffer.from(payload)]);
    assert.deepEqual(Buffer.from(sigStructure(header, payload)), expected);
  }
});

test('the envelope: tagged (18) or not; the kid signed or alone in the unprotected header, never both', () => {
  const kid = new Uint8Array([1, 2, 3]);
  const payload = encodeCbor(new Map([[1, 'x']]));
  const signature = new Uint8Array(64);
  const withKid = encodeProtectedHeader('ES256', kid);
  const withoutKid = encodeCbor(new Map([[HEADER_ALG, COSE_ALG.ES256]]));
  const envelope = (protectedBytes: Uint8Array, unprotected: Map<number, CborValue>) =>
    encodeCbor([protectedBytes, unprotected, payload, signature]);

  const untagged = encodeSign1(withKid, payload, signature);
  const tagged = encodeSign1(withKid, payload, signature, true);
  assert.deepEqual([...tagged], [0xd2, ...untagged]);
  assert.deepEqual(parseSign1(tagged)?.kid, kid);
  assert.deepEqual(parseSign1(untagged)?.kid, kid);
  assert.deepEqual(parseSign1(envelope(withoutKid, new Map([[HEADER_KID, kid]])))?.kid, kid);

  assert.equal(parseSign1(envelope(withKid, new Map([[HEADER_KID, kid]]))), undefined, 'two kids');
  assert.equal(parseSign1(envelope(withoutKid, new Map())), undefined, 'no kid');
  assert.equal(
    parseSign1(envelope(withKid, new Map([[HEADER_TYP, 'x']]))),
    undefined,
    'other unsigned header',
  );
  assert.equal(
    parseSign1(
      envelope(
        withoutKid,
        new Map<number, CborValue>([
          [HEADER_KID, kid],
          [HEADER_TYP, 'x'],
        ]),
      ),
    ),
    undefined,
    'kid with something else unsigned',
  );
  assert.equal(parseSign1(new Uint8Array([0xd1, ...untagged])), undefined, 'COSE_Mac0 tag (17)');
  assert.equal(parseSign1(new Uint8Array([0xd8, 0x12, ...untagged])), undefined, 'tag 18 in a longer head');
});
