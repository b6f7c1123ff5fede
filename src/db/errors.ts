// PostgreSQL errors become domain errors here and only here, matched on SQLSTATE so PGlite and
// node-postgres behave the same (STYLE habit 4).
import { AppError } from '../domain/errors.ts';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const SERIALIZATION_FAILURE = '40001';

function sqlState(e: unknown): string | undefined {
  // drizzle wraps driver errors; the SQLSTATE sits on the error or on its cause.
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The database is away (restart, failover, a dropped or refused connection, a pool with no free
 * connection): SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash
 * shutdown, cannot connect now), 53300 (too many connections), or a socket error from the driver.
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
// pg reports a closed socket, a broken client and an exhausted pool by message only.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|database ping timed out/;
/** Seconds a caller should wait before trying again: a restart or failover takes a few. */
const RETRY_AFTER_SECONDS = 2;

export function isDatabaseUnavailable(e: unknown): boolean {
  const state = sqlState(e);
  if (state !== undefined && UNAVAILABLE_STATES.test(state)) return true;
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** DATABASE_UNAVAILABLE (503 with Retry-After) for a connection fault, else undefined. */
export function databaseUnavailable(e: unknown): AppError | undefined {
  return isDatabaseUnavailable(e)
    ? new AppError('DATABASE_UNAVAILABLE', 'database unavailable', { retryAfter: RETRY_AFTER_SECONDS })
    : undefined;
}

export function isUniqueViolation(e: unknown): boolean {
  return sqlState(e) === UNIQUE_VIOLATION;
}

/**
 * Turns a constraint violation into CONFLICT / NOT_FOUND and a connection fault into
 * DATABASE_UNAVAILABLE; anything else is rethrown unchanged.
 */
export function translateDbError(e: unknown): never {
  const unavailable = databaseUnavailable(e);
  if (unavailable) throw unavailable;
  const state = sqlState(e);
  if (state === UNIQUE_VIOLATION || state === SERIALIZATION_FAILURE) throw new AppError('CONFLICT');
  if (state === FOREIGN_KEY_VIOLATION) throw new AppError('NOT_FOUND');
  throw e;
}
