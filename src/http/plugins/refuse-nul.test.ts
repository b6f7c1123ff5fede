import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNul } from './refuse-nul.ts';

test('finds a NUL in a nested string value or key, and names where', () => {
  assert.equal(findNul({ a: [{ b: 'x\u0000' }] }, 'body'), 'body/a/0/b');
  assert.equal(findNul({ ['k\u0000']: 1 }, 'body'), 'body');
  assert.equal(findNul('\u0000', 'querystring'), 'querystring');
});

test('finds a lone surrogate, which storage would turn into U+FFFD', () => {
  assert.equal(findNul({ a: 'x\ud800' }, 'body'), 'body/a');
  assert.equal(findNul({ a: '\udc00y' }, 'body'), 'body/a');
});

test('finds nothing in clean input: paired surrogates (emoji), numbers, null and bytes', () => {
  assert.equal(findNul({ a: '😀𠀀', b: 0, c: null, d: [true], e: '建外街道' }, 'body'), undefined);
  assert.equal(findNul(undefined, 'body'), undefined);
  assert.equal(findNul(Buffer.from([0, 0, 0]), 'body'), undefined);
});

test('walks deep nesting without recursion', () => {
  let deep: unknown = 'end\u0000';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.ok(findNul(deep, 'body')?.startsWith('body/0/0/'));
});
