import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBase45, encodeBase45 } from '../../src/verify/base45.ts';

const text = (s: string) => new TextEncoder().encode(s);

test('RFC 9285 §4.3 examples encode and decode', () => {
  for (const [plain, encoded] of [
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ] as const) {
    assert.equal(encodeBase45(text(plain)), encoded);
    assert.deepEqual(decodeBase45(encoded), text(plain));
  }
});

test('every byte string survives a round trip', () => {
  const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + (i >> 3)) & 0xff);
  for (let n = 0; n <= bytes.length; n += 7) {
    const part = bytes.subarray(0, n);
    assert.deepEqual(decodeBase45(encodeBase45(part)), part);
  }
  assert.equal(encodeBase45(Uint8Array.of(0xff, 0xff)), 'FGW');
});

test('non-canonical or foreign text is refused, not guessed (RFC 9285 §6)', () => {
  assert.equal(decodeBase45('GGW'), undefined, 'triplet above 65535');
  assert.equal(decodeBase45('ZZ'), undefined, 'pair above 255');
  assert.equal(decodeBase45('BB8A'), undefined, 'length 3n+1');
  assert.equal(decodeBase45('bb8'), undefined, 'lower case is not in the alphabet');
  assert.equal(decodeBase45('BB\u00e9'), undefined);
  assert.equal(decodeBase45('B#8'), undefined);
  assert.deepEqual(decodeBase45(''), new Uint8Array(0));
});
