import { test } from 'node:test';
import assert from 'node:assert/strict';
import cbor from 'cbor';
import { encodeCbor } from '../../src/verify/cbor.ts';
import { encodeSign1, sigStructure } from '../../src/verify/cose-sign1.ts';

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
