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
  /** The disk holding the data folder is full (ENOSPC, SQLITE_FULL): nothing was written. */
  'STORAGE_FULL',
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
  STORAGE_FULL: 507,
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

/** The message of STORAGE_FULL: what happened, that nothing was half-written, and what to do. */
export const storageFullMessage =
  'Penyimpanan penuh: ruang disk di folder data habis, sehingga perubahan ini tidak disimpan (tidak ada yang tersimpan setengah). Kosongkan ruang disk (hapus berkas yang tidak perlu atau cadangan lama) lalu ulangi.';

/** Whether a thrown error means the disk (or the database's size limit) is full. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'STORAGE_FULL';
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
