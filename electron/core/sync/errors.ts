import type { SyncErrorCode } from '../../../shared/sync/protocol';

const statusOf: Record<SyncErrorCode, number> = {
  BAD_SIGNATURE: 401,
  CLOCK_SKEW: 401,
  NONCE_REUSED: 401,
  BODY_DIGEST: 400,
  UNKNOWN_OFFICE: 401,
  REVOKED: 403,
  FOREIGN_ROWS: 403,
  PROTOCOL: 426,
  CHAIN_MISMATCH: 409,
  EPOCH: 409,
  ENROLMENT: 400,
  BAD_REQUEST: 400,
  TLS_PIN: 495,
};

/** A typed refusal of a sync request: the central applied nothing. Travels as `{ error: { code, message } }`. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}
