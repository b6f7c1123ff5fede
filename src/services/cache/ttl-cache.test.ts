import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../domain/clock.ts';
import { createTtlCache } from './ttl-cache.ts';

test('an entry lives for its time, then is gone', () => {
  const clock = fixedClock(new Date('2025-01-01T00:00:00Z'));
  const cache = createTtlCache<string, number>({ ttlMs: 2000, maxEntries: 10, clock });
  cache.set('a', 1);
  clock.advance(1999);
  assert.equal(cache.get('a'), 1);
  clock.advance(1);
  assert.equal(cache.get('a'), undefined);
});

test('bounded: the oldest entry leaves first; delete and clear drop at once', () => {
  const clock = fixedClock(new Date('2025-01-01T00:00:00Z'));
  const cache = createTtlCache<string, number>({ ttlMs: 2000, maxEntries: 2, clock });
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('c', 3);
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('c'), 3);
  cache.delete('c');
  assert.equal(cache.get('c'), undefined);
  cache.clear();
  assert.equal(cache.get('b'), undefined);
});

test('a time of zero turns the cache off', () => {
  const cache = createTtlCache<string, number>({ ttlMs: 0, maxEntries: 2, clock: fixedClock(new Date()) });
  cache.set('a', 1);
  assert.equal(cache.get('a'), undefined);
});
