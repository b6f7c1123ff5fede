import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppError } from '../domain/errors.ts';
import {
  allocateStatusIndex,
  allocateStatusIndices,
  createStatusList,
  getStatus,
  MIN_STATUS_LIST_SIZE,
  setStatus,
} from './status-list.ts';

test('a list has at least 131,072 two-bit entries, all valid at first', () => {
  const r = createStatusList(1);
  assert.equal(r.size, MIN_STATUS_LIST_SIZE);
  assert.equal(r.statuses.length, 32_768);
  assert.throws(() => createStatusList(1, 1024), isAppError);
  assert.throws(() => createStatusList(-1), isAppError);
});

test('indices are random and never handed out twice', () => {
  const r = createStatusList(1);
  const seen = new Set<number>();
  for (let i = 0; i < 20_000; i++) {
    const index = allocateStatusIndex(r)!;
    assert.ok(index >= 0 && index < r.size);
    assert.ok(!seen.has(index), `index ${index} reused`);
    seen.add(index);
  }
  const sorted = [...seen].slice(0, 100);
  const ascending = sorted.every((v, i) => i === 0 || v > sorted[i - 1]!);
  assert.ok(!ascending, 'not handed out in order');
  // Spread over the whole list: each eighth of it holds a fair share.
  const buckets = new Array<number>(8).fill(0);
  for (const i of seen) buckets[Math.floor((i / r.size) * 8)]!++;
  for (const b of buckets) assert.ok(b > 2_000 && b < 3_000, `bucket ${b}`);
});

test('a nearly full list still finds its last free indices, then says it is full', () => {
  const r = createStatusList(1);
  r.allocated.fill(0xff);
  r.allocated[100] = 0b1110_1111; // index 804 free
  r.allocated[9000] = 0b0111_1111; // index 72007 free
  const got = [allocateStatusIndex(r), allocateStatusIndex(r)].sort((a, b) => a! - b!);
  assert.deepEqual(got, [804, 72_007]);
  assert.equal(allocateStatusIndex(r), undefined);
});

test('statuses: valid, revoked, suspended, superseded, each in its two bits', () => {
  const r = createStatusList(1);
  const a = allocateStatusIndex(r)!;
  const b = allocateStatusIndex(r)!;
  assert.equal(getStatus(r, a), 'valid');
  for (const s of ['revoked', 'suspended', 'superseded', 'valid'] as const) {
    setStatus(r, a, s);
    assert.equal(getStatus(r, a), s);
    assert.equal(getStatus(r, b), 'valid', 'the neighbour is untouched');
  }
  setStatus(r, a, 'suspended');
  setStatus(r, a, 'revoked');
  assert.equal(getStatus(r, a), 'revoked');
  assert.throws(() => setStatus(r, (a + 1) % r.size === b ? (a + 2) % r.size : (a + 1) % r.size, 'revoked'));
});

test('bit order follows the draft: index 0 in the least significant bits of byte 0', () => {
  const r = createStatusList(1);
  r.allocated.fill(0xff);
  setStatus(r, 0, 'revoked');
  setStatus(r, 1, 'suspended');
  setStatus(r, 3, 'superseded');
  // 0b11_00_10_01: index 3 = 3, index 2 = 0, index 1 = 2, index 0 = 1 (§4.1 example layout)
  assert.equal(r.statuses[0], 0b1100_1001);
});

test('a batch takes many random indices in one pass, never one twice, and stops when the list is full', () => {
  const r = createStatusList(1);
  const first = allocateStatusIndices(r, 100_000);
  assert.equal(first.length, 100_000);
  assert.equal(new Set(first).size, 100_000);
  const ascending = first.slice(0, 100).every((v, i, a) => i === 0 || v > a[i - 1]!);
  assert.ok(!ascending, 'not handed out in order');
  // A single index afterwards never repeats one of the batch.
  const single = allocateStatusIndex(r)!;
  assert.ok(!first.includes(single));
  // The rest of the list: fewer than asked for, then none.
  const rest = allocateStatusIndices(r, 50_000);
  assert.equal(rest.length, MIN_STATUS_LIST_SIZE - 100_001);
  assert.equal(new Set([...first, single, ...rest]).size, MIN_STATUS_LIST_SIZE);
  assert.deepEqual(allocateStatusIndices(r, 10), []);
  assert.equal(allocateStatusIndex(r), undefined);
  for (const i of rest.slice(0, 10)) setStatus(r, i, 'revoked');
});
