import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Core } from '../core';

/**
 * The audit trail's anchor outside the database file (docs/spec/operations.md §1). The chain of hashes in
 * `audit_log` shows an edited or deleted row in its middle, but someone who deletes the last rows,
 * or rewrites a row and recomputes every later hash, leaves a chain that holds. So the newest entry
 * (its seq and hash, "the head") is also kept in `<data>/audit-head.json`, signed with HMAC-SHA256
 * under a key in `<data>/audit.key`, which never enters the database or its backups. Without the
 * key nobody can write a head that verifies; with the key and the database together one can forge
 * anything (README says so), which is why the central instance will later witness each office's
 * head (`auditHeadOf` gives what it needs).
 *
 * Crash safety: the entry is marked `pending` in the head file inside the command's transaction,
 * and confirmed as the head after the commit. A crash between the two leaves a pending entry that
 * either committed (the database ends on it) or not (the database ends on its predecessor); both
 * verify.
 */

export const auditKeyFileName = 'audit.key';
export const auditHeadFileName = 'audit-head.json';

export interface SignedHead {
  seq: number;
  hash: string;
  /** HMAC-SHA256 of `kinerja-audit-head\n<seq>\n<hash>` under the office's audit key, hex. */
  hmac: string;
}

export interface PendingHead extends SignedHead {
  /** The hash of the entry it chains onto (seq - 1), so an entry that never committed proves its predecessor. */
  prevHash: string;
  prevHmac: string;
}

export interface HeadFile extends SignedHead {
  format: 'kinerja-audit-head';
  /** The seq the anchor was first written at (entries before it had no anchor yet). */
  since: number;
  sinceAt: string;
  pending: PendingHead | null;
}

export function auditKeyPath(dataDir: string): string {
  return path.join(dataDir, auditKeyFileName);
}

export function auditHeadPath(dataDir: string): string {
  return path.join(dataDir, auditHeadFileName);
}

export function readAuditKey(dataDir: string): Buffer | null {
  try {
    const text = fs.readFileSync(auditKeyPath(dataDir), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
  } catch {
    return null;
  }
}

/** The key, created (owner-only) when the folder has none; `created` says which. */
export function ensureAuditKey(dataDir: string): { key: Buffer; created: boolean } {
  const existing = readAuditKey(dataDir);
  if (existing) return { key: existing, created: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const file = auditKeyPath(dataDir);
  // An unreadable or damaged key file is moved aside, never silently overwritten: verify then says
  // the head no longer matches, which is the truth.
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.rusak-${Date.now()}`);
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  fs.chmodSync(file, 0o600);
  const key = readAuditKey(dataDir);
  if (!key) throw new Error('Kunci jejak audit tidak dapat dibuat.');
  return { key, created: true };
}

export function headHmac(key: Buffer, seq: number, hash: string): string {
  return crypto.createHmac('sha256', key).update(`kinerja-audit-head\n${seq}\n${hash}`).digest('hex');
}

export function hmacValid(key: Buffer, h: SignedHead): boolean {
  const expected = Buffer.from(headHmac(key, h.seq, h.hash), 'hex');
  const given = Buffer.from(typeof h.hmac === 'string' ? h.hmac : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function sign(key: Buffer, seq: number, hash: string): SignedHead {
  return { seq, hash, hmac: headHmac(key, seq, hash) };
}

export type ReadHead = { status: 'missing' } | { status: 'unreadable' } | { status: 'ok'; head: HeadFile };

export function readHeadFile(dataDir: string): ReadHead {
  let text: string;
  try {
    text = fs.readFileSync(auditHeadPath(dataDir), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { status: 'missing' } : { status: 'unreadable' };
  }
  try {
    const raw = JSON.parse(text) as HeadFile;
    if (raw.format !== 'kinerja-audit-head' || typeof raw.seq !== 'number' || typeof raw.hash !== 'string') return { status: 'unreadable' };
    return { status: 'ok', head: { ...raw, pending: raw.pending ?? null } };
  } catch {
    return { status: 'unreadable' };
  }
}

/** Atomic (temp file + rename), owner-only. */
function writeHeadFile(dataDir: string, head: HeadFile): void {
  const file = auditHeadPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(head, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

interface LastEntry {
  seq: number;
  hash: string;
}

function lastEntry(sqlite: Database.Database): LastEntry | null {
  return sqlite.prepare<[], LastEntry>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
}

function entryAt(sqlite: Database.Database, seq: number): LastEntry | null {
  return sqlite.prepare<[number], LastEntry>('SELECT seq, hash FROM audit_log WHERE seq = ?').get(seq) ?? null;
}

export const genesis = { seq: 0, hash: '0'.repeat(64) };

/** A fresh head for what the database holds now (new folder, upgrade, restore). */
function headFor(key: Buffer, last: LastEntry | null, nowIso: string): HeadFile {
  const at = last ?? genesis;
  return { format: 'kinerja-audit-head', ...sign(key, at.seq, at.hash), since: at.seq, sinceAt: nowIso, pending: null };
}

/**
 * At every open: a key for a folder that has none, and a head when there is none yet and nothing
 * to lose by making one (a new database, or the key was made just now: a folder from before the
 * anchor existed). A missing head next to an existing key is NOT recreated: that is what a
 * truncation would look like, and verify must say so. A pending entry that committed is confirmed.
 */
export function ensureAnchor(core: Core): void {
  const { key, created } = ensureAuditKey(core.dataDir);
  const read = readHeadFile(core.dataDir);
  if (read.status === 'missing') {
    const last = lastEntry(core.sqlite);
    if (created || !last) writeHeadFile(core.dataDir, headFor(key, last, core.now().toISOString()));
    return;
  }
  confirmAuditHead(core);
}

/** Inside the command's transaction, after its entry is inserted: this entry may commit. */
export function markPending(core: Core, seq: number, hash: string, prevHash: string): void {
  const key = readAuditKey(core.dataDir);
  const read = readHeadFile(core.dataDir);
  if (!key || read.status !== 'ok') return;
  const pending: PendingHead = { ...sign(key, seq, hash), prevHash, prevHmac: headHmac(key, seq - 1, prevHash) };
  writeHeadFile(core.dataDir, { ...read.head, pending });
}

/**
 * The newest entry the anchor vouches for, given what the database ends on: the head itself, or
 * the pending entry when it committed, or its predecessor when it did not.
 */
export function anchoredEnd(sqlite: Database.Database, head: HeadFile, key: Buffer): LastEntry | null {
  let end: LastEntry | null = hmacValid(key, head) ? { seq: head.seq, hash: head.hash } : null;
  const p = head.pending;
  if (p && hmacValid(key, p) && hmacValid(key, { seq: p.seq - 1, hash: p.prevHash, hmac: p.prevHmac })) {
    const at = entryAt(sqlite, p.seq);
    const before = entryAt(sqlite, p.seq - 1);
    const candidate = at && at.hash === p.hash ? at : before && before.hash === p.prevHash ? before : null;
    if (candidate && (!end || candidate.seq > end.seq)) end = candidate;
  }
  return end;
}

/** After a commit: the head moves to the newest committed entry the anchor vouches for. */
export function confirmAuditHead(core: Core): void {
  const key = readAuditKey(core.dataDir);
  const read = readHeadFile(core.dataDir);
  if (!key || read.status !== 'ok' || !hmacValid(key, read.head)) return;
  const end = anchoredEnd(core.sqlite, read.head, key);
  if (!end || end.seq <= read.head.seq) return;
  const pending = read.head.pending && read.head.pending.seq > end.seq ? read.head.pending : null;
  writeHeadFile(core.dataDir, { ...read.head, ...sign(key, end.seq, end.hash), pending });
}

/**
 * The signed head of this office's trail: what goes into each backup's manifest, and what the
 * central instance will witness for each office once LAN sync exists (it keeps the newest it saw
 * and refuses a later one that does not extend it). Null when the folder has no key.
 */
export function auditHeadOf(dataDir: string, sqlite: Database.Database): SignedHead | null {
  const key = readAuditKey(dataDir);
  if (!key) return null;
  const last = lastEntry(sqlite) ?? genesis;
  return sign(key, last.seq, last.hash);
}

/**
 * After a restore: the database is now the backup's, so the head is set to it. A manifest head
 * signed with this folder's key and matching the restored database is kept as is; otherwise (a
 * backup from another computer, a bare database file) the restoring administrator's act re-anchors
 * the trail at the restored database's newest entry.
 */
export function reanchorAfterRestore(dataDir: string, sqlite: Database.Database, nowIso: string): { reanchored: SignedHead } {
  const { key } = ensureAuditKey(dataDir);
  const hasLog = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
  const last = hasLog ? lastEntry(sqlite) : null;
  const head = headFor(key, last, nowIso);
  writeHeadFile(dataDir, head);
  return { reanchored: { seq: head.seq, hash: head.hash, hmac: head.hmac } };
}
