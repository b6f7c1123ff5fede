import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { derToP1363, p1363ToDer } from './ecdsa-signature-encoding.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const data = Buffer.from('juzhu');

test('Node DER signatures convert to r‖s that Node verifies as IEEE P1363, and back byte for byte', () => {
  // 500 signatures include r or s with a leading zero byte or a high bit (DER pads those).
  for (let i = 0; i < 500; i++) {
    const der = sign('sha256', data, privateKey);
    const rs = derToP1363(der);
    assert.equal(rs.length, 64);
    assert.ok(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, rs));
    assert.deepEqual(Buffer.from(p1363ToDer(rs)), der);
  }
});

test("short r and s are left-padded; a high bit gets DER's zero byte", () => {
  const rs = new Uint8Array(64);
  rs[31] = 1; // r = 1
  rs[32] = 0x80; // s starts with a 1 bit
  const der = p1363ToDer(rs);
  assert.deepEqual([...der.subarray(0, 5)], [0x30, 0x26, 0x02, 0x01, 0x01]);
  assert.deepEqual([...der.subarray(5, 8)], [0x02, 0x21, 0x00]);
  assert.deepEqual(derToP1363(der), rs);
});

test('malformed input is refused, not guessed', () => {
  assert.throws(() => derToP1363(new Uint8Array([0x31, 0x00])));
  assert.throws(() => derToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01])));
  assert.throws(() =>
    derToP1363(new Uint8Array([0x30, 0x24, 0x02, 0x21, ...new Uint8Array(33).fill(1), 0x02, 0x01, 0x01])),
  );
  assert.throws(() => p1363ToDer(new Uint8Array(63)));
});
