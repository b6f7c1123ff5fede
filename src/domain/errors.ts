// One error model (STYLE habit 4): every failure a caller can see has a stable code from this
// union. Messages are translated at the edge (src/i18n); the HTTP status is mapped in
// src/http/error-status.ts, so a new code without a status does not compile.
export const errorCodes = [
  'VALIDATION_FAILED',
  'ID_NUMBER_INVALID',
  'ADDRESS_UNKNOWN',
  'NOT_ELIGIBLE',
  'OTP_INVALID',
  'OTP_RATE_LIMITED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'ACCOUNT_DEACTIVATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'IDENTITY_ALREADY_BOUND',
  'IDENTITY_REQUIRED',
  'IDENTITY_REJECTED',
  'IDENTITY_NAME_MISMATCH',
  'IDENTITY_PROOF_REQUIRED',
  'BINDING_CODE_INVALID',
  'INVALID_TRANSITION',
  'CALENDAR_DATA_MISSING',
  'MATERIAL_INVALID',
  'MATERIAL_TOO_LARGE',
  'MATERIALS_MISSING',
  'CARD_NOT_DISPLAYABLE',
  'ENDORSEMENT_NOT_OPEN',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'NO_STATION_FOR_DISTRICT',
  'DATABASE_UNAVAILABLE',
  'HOLDER_NOT_FOUND',
  'EVIDENCE_REJECTED',
  'SLOT_FULL',
  'SLOT_UNAVAILABLE',
  'ALREADY_BOOKED',
  'CANCELLATION_CLOSED',
  'BOOKING_NOT_ACTIVE',
  'FORM_NOT_REPRINTABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_NOT_ENROLLED',
  'PASSKEY_NOT_ENROLLED',
  'PASSKEY_REJECTED',
  'MATERIALS_QUOTA_EXCEEDED',
  'IDEMPOTENCY_KEY_IN_FLIGHT',
  'VISIT_OUTSIDE_STREETS',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Values a translated message may interpolate; never personal data. */
export type ErrorParams = Readonly<Record<string, string | number>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Machine-readable extra detail returned to the caller (e.g. the failing fields). */
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, params: ErrorParams = {}, details?: unknown) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/**
 * The caller has no usable session. Thrown where a principal is required; the HTTP layer answers
 * it with the reason the token was refused when it knows one (SESSION_EXPIRED, ACCOUNT_DEACTIVATED).
 */
export class NotSignedIn extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'not signed in');
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
