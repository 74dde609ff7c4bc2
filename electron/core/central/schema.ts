/** The central's own tables (the offices' replicated tables are created from their shapes, see shapes.ts). */
export interface CentralMetaTable {
  key: string;
  value: string;
}

export type RegistrationStatus = 'menunggu' | 'aktif' | 'dicabut';

/** One registered office: its enrolment, secret, sync position and last reported health. */
export interface CentralOfficesTable {
  id: string;
  name: string;
  code: string | null;
  /** The office database's own office_id, bound at enrolment: one database, one office. */
  office_id: string | null;
  secret: string | null;
  status: RegistrationStatus;
  enrol_code_hash: string | null;
  enrol_expires_at: number | null;
  created_at: number;
  enrolled_at: number | null;
  revoked_at: number | null;
  epoch: number;
  high_seq: number;
  high_hash: string;
  high_change_id: string | null;
  max_hlc: string | null;
  last_sync_at: number | null;
  app_version: string | null;
  protocol: number | null;
  pending: number;
  clock_skew_ms: number | null;
  digest_equal: number | null;
  digest_at: number | null;
  audit_seq: number | null;
  audit_hash: string | null;
  audit_keyed: string | null;
  audit_at: number | null;
}

/** The stored answer of every batch: a repeated batch id gets it again, never a second apply. */
export interface CentralBatchesTable {
  office_id: string;
  batch_id: string;
  response: string;
  created_at: number;
}

export interface CentralNoncesTable {
  office_id: string;
  nonce: string;
  at: number;
}

/** Rows the central could not apply: acknowledged (never blocking the queue) and shown at both ends. */
export interface CentralRejectsTable {
  id: string;
  office_id: string;
  change_id: string;
  table_name: string;
  row_id: string;
  reason: string;
  data: string;
  created_at: number;
}

/** Evidence files received, by content hash (the bytes live in <data>/evidence like an office's). */
export interface CentralFilesTable {
  sha256: string;
  size: number;
  office_id: string;
  created_at: number;
}

/** Reference data the city decides (org ratings, calendar, announcements), pulled by offices by `rev`. */
export interface CentralReferenceTable {
  id: string;
  kind: 'org_rating' | 'calendar' | 'announcement';
  /** The office it concerns (org ratings), null for every office. */
  office_id: string | null;
  data: string;
  rev: number;
  deleted: number;
  updated_at: number;
}

/** Per office, table and bucket: row count and hash sum, kept current by every apply. */
export interface CentralDigestsTable {
  office_id: string;
  table_name: string;
  bucket: string;
  count: number;
  /** The sum mod 2^64 of the rows' hashes, in hex (as the wire digest carries it). */
  sum: string;
}

export interface CentralDB {
  central_digests: CentralDigestsTable;
  central_meta: CentralMetaTable;
  central_offices: CentralOfficesTable;
  central_batches: CentralBatchesTable;
  central_nonces: CentralNoncesTable;
  central_rejects: CentralRejectsTable;
  central_files: CentralFilesTable;
  central_reference: CentralReferenceTable;
}
