// From QR text to the COSE_Sign1 parts, before any trust: prefix, length cap, base45, envelope.
import { decodeBase45 } from './base45.ts';
import { parseSign1 } from './cose-sign1.ts';
import type { Sign1Parts } from './cose-sign1.ts';

/** Version prefix: upper case, digits and ':' so the whole code stays in QR alphanumeric mode. */
export const DISPLAY_CODE_PREFIX = 'JZ1:';

/**
 * No legitimate code comes near this (a QR version 10-M holds 311 alphanumeric characters); the
 * cap bounds the work a hostile string can cause before anything is decoded.
 */
export const MAX_DISPLAY_CODE_LENGTH = 1024;

const OTHER_VERSION = /^JZ[0-9]{1,3}:/;

export type DecodedDisplayCode =
  { ok: true; parts: Sign1Parts } | { ok: false; result: 'malformed' | 'unsupported_version' };

export function decodeDisplayCode(code: unknown): DecodedDisplayCode {
  if (typeof code !== 'string' || code.length > MAX_DISPLAY_CODE_LENGTH) return malformed;
  if (!code.startsWith(DISPLAY_CODE_PREFIX)) {
    return OTHER_VERSION.test(code) ? { ok: false, result: 'unsupported_version' } : malformed;
  }
  const bytes = decodeBase45(code.slice(DISPLAY_CODE_PREFIX.length));
  if (!bytes || bytes.length === 0) return malformed;
  const parts = parseSign1(bytes);
  return parts ? { ok: true, parts } : malformed;
}

const malformed = { ok: false, result: 'malformed' } as const;
