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

export function isUniqueViolation(e: unknown): boolean {
  return sqlState(e) === UNIQUE_VIOLATION;
}

/** Turns a constraint violation into CONFLICT / NOT_FOUND; anything else is rethrown unchanged. */
export function translateDbError(e: unknown): never {
  const state = sqlState(e);
  if (state === UNIQUE_VIOLATION || state === SERIALIZATION_FAILURE) throw new AppError('CONFLICT');
  if (state === FOREIGN_KEY_VIOLATION) throw new AppError('NOT_FOUND');
  throw e;
}
