// The fast blind indexer is HMAC-SHA-256 (RFC 2104) truncated, exactly: the same bytes as
// createHmac for every length of value around its buffer's room, under several keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { blindIndex, blindIndexer } from './blind-index.ts';

const hmac = (key: Uint8Array, message: string) =>
  createHmac('sha256', key).update(message, 'utf8').digest().subarray(0, 16);

test('blindIndexer gives the HMAC of purpose and value, whatever the value', () => {
  const values = [
    '',
    '王小明',
    'Ana María',
    'e\u0301',
    '110105199003071234',
    'x'.repeat(240),
    '名'.repeat(90),
  ];
  for (let k = 0; k < 20; k++) {
    const key = randomBytes(32);
    const index = blindIndexer(key);
    for (const v of values) {
      const expected = hmac(key, `name\u0000${v.normalize('NFC')}`);
      assert.deepEqual(Buffer.from(index.bytes('name', v)), expected, `${v.length} characters`);
      assert.equal(index.hex('name', v), expected.toString('hex'), `${v.length} characters, as hex`);
      assert.deepEqual(Buffer.from(blindIndex(key, 'name', v)), expected);
    }
  }
});

test('the purpose is part of the index, and one call does not leak into the next', () => {
  const index = blindIndexer(randomBytes(32));
  const long = index.hex('name', '名'.repeat(80));
  const short = index.hex('name', '王');
  assert.notEqual(index.hex('phone', '王'), short);
  assert.equal(Buffer.from(index.bytes('name', '名'.repeat(80))).toString('hex'), long);
  assert.equal(index.hex('name', '王'), short);
});
