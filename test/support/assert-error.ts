// What a caller sees of a refusal: the status, the stable code, and a message in their language.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { errorCodes, type ErrorCode } from '../../src/domain/errors.ts';
import { errorMessage } from '../../src/i18n/error-messages.ts';
import type { Language } from '../../src/i18n/language.ts';

/** The response is the error `code` with `status`, in the platform's one error shape. */
export function assertError(res: LightMyRequestResponse, status: number, code: ErrorCode): void {
  assert.equal(res.statusCode, status, `${res.statusCode} ${res.body}`);
  const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
  assert.equal(body.error?.code, code, res.body);
  assert.equal(typeof body.error.message, 'string');
  assert.notEqual(body.error.message, '');
}

/** Any refusal a caller can act on: a 4xx in the error shape with a known code, never a 5xx. */
export function assertRefused(res: LightMyRequestResponse, context: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${context}: ${res.statusCode} ${res.body}`);
  const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
  assert.ok((errorCodes as readonly unknown[]).includes(body.error?.code), `${context}: ${res.body}`);
  assert.equal(typeof body.error?.message, 'string', context);
}

/** Taken (2xx) or refused as `assertRefused` says; never a 5xx. */
export function assertAnswered(res: LightMyRequestResponse, context: string): void {
  if (res.statusCode >= 200 && res.statusCode < 300) return;
  assertRefused(res, context);
}

// Placeholders of the message templates ({detail}, {missing}…) are filled per error; the text
// around them is fixed, so it is what is compared.
const SLOT = '\u0000';
const slots = {
  detail: SLOT,
  retryAfter: SLOT,
  missing: SLOT,
  maxMb: SLOT,
  quotaMb: SLOT,
  opensOn: SLOT,
  date: SLOT,
  deadline: SLOT,
  appointmentStatus: SLOT,
};
const HAN = /\p{Script=Han}/u;

/**
 * The message is the one for `code` in `lang`: the template's fixed text around its placeholders.
 * And, independently of the table: Chinese has Han characters, English and Spanish have none.
 */
export function assertMessageIn(res: LightMyRequestResponse, code: ErrorCode, lang: Language): void {
  const message = res.json<{ error: { message: string } }>().error.message;
  const pieces = errorMessage(code, lang, slots).split(SLOT);
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  assert.ok(message.startsWith(first) && message.endsWith(last), `${lang} ${code}: ${message}`);
  assert.equal(HAN.test(message), lang === 'zh-CN', `${lang} ${code}: ${message}`);
}
