// Every error code has a status, a message in each language, and a line in docs/errors.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCodes } from '../domain/errors.ts';
import { errorMessage } from '../i18n/error-messages.ts';
import { languages } from '../i18n/language.ts';
import { errorStatus } from './error-status.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

test('every code is documented in docs/errors.md with its status', () => {
  for (const code of errorCodes) {
    const line = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
    assert.ok(line, `${code} is missing from docs/errors.md`);
    assert.ok(line.includes(`| ${errorStatus[code]} |`), `${code}: docs/errors.md gives another status`);
  }
});

/** The codes that are the platform's state, not the caller's input: the only 5xx. */
const serverSide: readonly string[] = ['INTERNAL', 'CALENDAR_DATA_MISSING', 'DATABASE_UNAVAILABLE'];

test('every code has a message in Chinese, English and Spanish, and bad input is never a 5xx', () => {
  for (const code of errorCodes) {
    for (const lang of languages) assert.ok(errorMessage(code, lang).length > 3, `${code} ${lang}`);
    if (!serverSide.includes(code)) assert.ok(errorStatus[code] < 500, code);
  }
});

test('messages fill their placeholders and leave none behind', () => {
  assert.equal(
    errorMessage('OTP_RATE_LIMITED', 'en', { retryAfter: 42 }),
    'Too many codes requested; please try again in 42 seconds',
  );
  assert.doesNotMatch(errorMessage('MATERIALS_MISSING', 'es'), /[{}]/);
});

test("missing materials are named in the reader's language", () => {
  const params = { missing: 'photo, proof_of_address' };
  assert.equal(errorMessage('MATERIALS_MISSING', 'zh-CN', params), '材料不齐全：本人照片、住所证明');
  assert.equal(
    errorMessage('MATERIALS_MISSING', 'en', params),
    'Documents are missing: photo, proof of address',
  );
  assert.match(errorMessage('MATERIALS_MISSING', 'es', { missing: 'power_of_attorney' }), /poder notarial/);
});
