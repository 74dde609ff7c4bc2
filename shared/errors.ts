/**
 * Typed errors that cross both transports (IPC and HTTP) unchanged. The message is already in
 * Bahasa Indonesia because the backend is the only place that knows what exactly went wrong; the
 * UI may still translate the code for its headline.
 */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dotted) -> message, for VALIDATION. */
  fields?: Record<string, string>;
  /** Extra machine-readable facts, e.g. `retryAfterSeconds` or a conflict's current version. */
  details?: Record<string, unknown>;
}

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.details) this.details = extra.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.details) body.details = this.details;
    return body;
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, { fields: body.fields, details: body.details });
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as ErrorBody).code) &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** Shorthands used by handlers, so the messages stay consistent. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} tidak ditemukan.`);
export const forbidden = (why = 'Anda tidak berhak melihat atau mengubah data ini.') => new AppError('FORBIDDEN', why);
export const ruleViolation = (why: string, details?: Record<string, unknown>) =>
  new AppError('RULE_VIOLATION', why, details ? { details } : {});
export const conflict = (what: string, currentVersion?: number) =>
  new AppError('CONFLICT', `${what} telah diubah oleh pengguna lain. Muat ulang data lalu ulangi perubahan Anda.`, {
    details: currentVersion === undefined ? {} : { currentVersion },
  });
