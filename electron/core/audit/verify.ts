import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditFinding, AuditVerifyReport } from '../../../shared/audit/commands';
import type { Core } from '../core';
import { anchoredEnd, genesis, hmacValid, readAuditKey, readHeadFile } from './anchor';
import { hashOf, redactedText, type AuditRowStored } from './chain';
import { rowHash, rowsDigest } from './rows';
import { auditedTables, recordedTables, tableStates } from './state';

/** Findings listed in full; the total is always counted. */
const maxFindings = 200;

class Findings {
  readonly list: AuditFinding[] = [];
  total = 0;
  add(f: Omit<AuditFinding, 'table' | 'rowId' | 'fields' | 'seq'> & Partial<AuditFinding>): void {
    this.total++;
    if (this.list.length < maxFindings) this.list.push({ table: null, rowId: null, fields: [], seq: null, ...f });
  }
}

function range(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/**
 * Everything `audit verify` checks (docs/spec/operations.md §1):
 * 1. the chain of `audit_log`: each entry's hash over its content, and its link to the entry before
 *    (an edited, deleted, inserted or reordered entry is named);
 * 2. the anchor outside the database: the signed head must still be in the chain (truncation,
 *    recomputation) and nothing may follow it that it does not vouch for;
 * 3. the rows each entry committed to (`audit_rows` against `rows_digest`);
 * 4. the data: every row of every audited table against the hash the trail last recorded for it,
 *    naming the table, the row and the fields that differ.
 */
export function verifyAudit(core: Core): AuditVerifyReport {
  const sqlite = core.sqlite;
  const findings = new Findings();
  const { checked, last, digests } = verifyChain(sqlite, findings);
  const head = verifyAnchor(core, last, findings);
  verifyRowDigests(sqlite, digests, findings);
  const { rowsChecked, tablesChecked } = verifyData(sqlite, findings);

  const firstBadSeq = findings.list.find((f) => f.seq !== null && f.kind.startsWith('audit_'))?.seq ?? null;
  const ok = findings.total === 0;
  const message = ok
    ? `Rantai audit utuh: ${checked} baris diperiksa. Isi data sesuai jejak audit: ${rowsChecked.toLocaleString('id-ID')} baris di ${tablesChecked} tabel.`
    : `Jejak audit TIDAK utuh: ${findings.total} temuan. ${findings.list[0]!.message}`;
  return { ok, checked, rowsChecked, tablesChecked, firstBadSeq, message, findings: findings.list, findingsTotal: findings.total, head };
}

function verifyChain(sqlite: Database.Database, findings: Findings) {
  let prev = { seq: 0, hash: genesis.hash, contentOk: true };
  let checked = 0;
  const digests = new Map<number, string>();
  const findSeqOfHash = sqlite.prepare<[string], { seq: number }>('SELECT seq FROM audit_log WHERE hash = ? ORDER BY seq LIMIT 1');
  let lookups = 0;
  let quietUntil = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRowStored>) {
    checked++;
    if (row.rows_digest !== null) digests.set(row.seq, row.rows_digest);
    const { seq: _seq, hash, ...rest } = row;
    const contentOk = hashOf(rest) === hash;
    if (!contentOk) {
      findings.add({ kind: 'audit_edited', seq: row.seq, message: `Baris audit ${row.seq} (${row.command}, ${row.at}) telah diubah di luar aplikasi.` });
    }
    if (row.prev_hash !== prev.hash && row.seq > quietUntil) {
      if (row.seq > prev.seq + 1) {
        findings.add({
          kind: 'audit_deleted',
          seq: row.seq,
          message: `Baris audit ${range(prev.seq + 1, row.seq - 1)} dihapus di luar aplikasi: rantai audit terputus pada baris ${row.seq}.`,
        });
      } else {
        const target = lookups++ < 20 ? findSeqOfHash.get(row.prev_hash)?.seq : undefined;
        if (target !== undefined && target < prev.seq) {
          findings.add({
            kind: 'audit_inserted',
            seq: prev.seq,
            message: `Baris audit ${range(target + 1, prev.seq)} disisipkan di luar aplikasi: baris ${row.seq} menyambung ke baris ${target}.`,
          });
        } else if (target !== undefined && target > row.seq) {
          findings.add({ kind: 'audit_reordered', seq: row.seq, message: `Urutan baris audit diubah di luar aplikasi: baris ${row.seq} seharusnya sesudah baris ${target}.` });
          quietUntil = target + 1;
        } else if (prev.contentOk && prev.seq > 0) {
          findings.add({
            kind: 'audit_edited',
            seq: prev.seq,
            message: `Baris audit ${prev.seq} diubah dan hash-nya dihitung ulang di luar aplikasi: rantai audit terputus pada baris ${row.seq}.`,
          });
        } else if (contentOk) {
          findings.add({ kind: 'audit_edited', seq: row.seq, message: `Rantai audit terputus pada baris ${row.seq}: baris sebelumnya diubah atau dihapus.` });
        }
      }
    }
    prev = { seq: row.seq, hash: row.hash, contentOk };
  }
  return { checked, last: checked ? { seq: prev.seq, hash: prev.hash } : null, digests };
}

function verifyAnchor(core: Core, last: { seq: number; hash: string } | null, findings: Findings): AuditVerifyReport['head'] {
  const key = readAuditKey(core.dataDir);
  const read = readHeadFile(core.dataDir);
  if (!key) {
    findings.add({ kind: 'anchor_invalid', message: 'Kunci jejak audit (audit.key) tidak ada di folder data: jangkar jejak audit tidak dapat diperiksa.' });
    return null;
  }
  if (read.status === 'missing') {
    if (last) findings.add({ kind: 'anchor_invalid', message: 'Jangkar jejak audit (audit-head.json) hilang dari folder data: pemotongan jejak audit tidak dapat dikesampingkan.' });
    return null;
  }
  if (read.status === 'unreadable') {
    findings.add({ kind: 'anchor_invalid', message: 'Jangkar jejak audit (audit-head.json) rusak atau tidak dapat dibaca.' });
    return null;
  }
  const head = read.head;
  const out = { seq: head.seq, hash: head.hash, since: head.since, sinceAt: head.sinceAt };
  if (!hmacValid(key, head)) {
    findings.add({ kind: 'anchor_invalid', message: 'Jangkar jejak audit tidak sah: ditandatangani dengan kunci lain atau diubah di luar aplikasi.' });
    return out;
  }
  const lastSeq = last?.seq ?? 0;
  const atHead = head.seq === 0 ? genesis : core.sqlite.prepare<[number], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log WHERE seq = ?').get(head.seq);
  if (lastSeq < head.seq) {
    findings.add({
      kind: 'chain_truncated',
      seq: lastSeq,
      message: `Jejak audit terpotong: jangkar mencatat sampai baris ${head.seq}, basis data hanya sampai baris ${lastSeq} (${head.seq - lastSeq} baris terakhir hilang).`,
    });
    return out;
  }
  if (!atHead || atHead.hash !== head.hash) {
    findings.add({
      kind: 'chain_recomputed',
      seq: head.seq,
      message: `Rantai audit dihitung ulang atau diganti di luar aplikasi: baris ${head.seq} tidak sama dengan yang dicatat jangkar.`,
    });
    return out;
  }
  const end = anchoredEnd(core.sqlite, head, key) ?? { seq: head.seq, hash: head.hash };
  if (lastSeq > end.seq) {
    findings.add({
      kind: 'audit_unanchored',
      seq: end.seq + 1,
      message: `Baris audit ${range(end.seq + 1, lastSeq)} tidak tercatat pada jangkar: ditambahkan di luar aplikasi.`,
    });
  }
  return out;
}

function verifyRowDigests(sqlite: Database.Database, digests: Map<number, string>, findings: Findings): void {
  let seq: number | null = null;
  let h: crypto.Hash | null = null;
  const close = () => {
    if (seq === null) return;
    const digest = h!.digest('hex');
    const expected = digests.get(seq);
    if (expected === undefined) {
      findings.add({ kind: 'rows_mismatch', seq, message: `Catatan isi baris untuk entri audit ${seq} tidak punya entri audit yang sah (ditambahkan di luar aplikasi).` });
    } else if (expected !== digest) {
      findings.add({ kind: 'rows_mismatch', seq, message: `Catatan isi baris pada entri audit ${seq} diubah di luar aplikasi (tidak sesuai rantai audit).` });
    }
    digests.delete(seq);
  };
  for (const r of sqlite.prepare('SELECT seq, table_name, row_id, hash FROM audit_rows ORDER BY seq, table_name, row_id').iterate() as IterableIterator<{
    seq: number;
    table_name: string;
    row_id: string;
    hash: string;
  }>) {
    if (r.seq !== seq) {
      close();
      seq = r.seq;
      h = crypto.createHash('sha256');
    }
    h!.update(`${r.table_name}\t${r.row_id}\t${r.hash}\n`);
  }
  close();
  const empty = rowsDigest([]);
  for (const [s, d] of digests) {
    if (d !== empty) findings.add({ kind: 'rows_mismatch', seq: s, message: `Catatan isi baris pada entri audit ${s} dihapus di luar aplikasi.` });
  }
}

/**
 * Only the data of some tables against the trail (no chain, no anchor): for a quick look at one
 * table. `verifyAudit` is the whole check.
 */
export function verifyTables(core: Core, tables: readonly string[]): AuditFinding[] {
  const findings = new Findings();
  verifyData(core.sqlite, findings, tables);
  return findings.list;
}

function verifyData(sqlite: Database.Database, findings: Findings, only?: readonly string[]): { rowsChecked: number; tablesChecked: number } {
  const existing = new Set(auditedTables(sqlite));
  const tables = only ? [...only] : [...new Set([...existing, ...recordedTables(sqlite)])].sort();
  const contents = new EntryContents(sqlite);
  let rowsChecked = 0;
  for (const table of tables) {
    const exists = existing.has(table) || !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) {
      findings.add({ kind: 'row_missing', table, message: `Tabel ${table} yang tercatat di jejak audit tidak ada lagi: dihapus di luar aplikasi.` });
      continue;
    }
    for (const s of tableStates(sqlite, table)) {
      rowsChecked++;
      if (!s.row) {
        findings.add({ kind: 'row_missing', table, rowId: s.id, seq: s.recorded!.seq, message: `Tabel ${table}, baris ${s.id}: dihapus di luar aplikasi (terakhir tercatat pada entri audit ${s.recorded!.seq}).` });
      } else if (!s.recorded) {
        findings.add({ kind: 'row_added', table, rowId: s.id, message: `Tabel ${table}, baris ${s.id}: ditambahkan di luar aplikasi (tidak pernah tercatat di jejak audit).` });
      } else if (s.recorded.hash !== s.hash) {
        if (findings.list.length >= maxFindings) {
          findings.total++;
          continue;
        }
        const diff = contents.changedFields(table, s.row, s.recorded);
        const fields = diff.map((d) => d.field);
        const detail = diff
          .filter((d) => d.was !== undefined)
          .map((d) => `${d.field}: tercatat ${show(d.was)}, sekarang ${show(s.row![d.field])}`)
          .join('; ');
        findings.add({
          kind: 'row_changed',
          table,
          rowId: s.id,
          fields,
          seq: s.recorded.seq,
          message:
            `Tabel ${table}, baris ${s.id}: ` +
            (fields.length ? `kolom ${fields.join(', ')} diubah di luar aplikasi` : 'isinya diubah di luar aplikasi (kolomnya tidak dapat ditentukan)') +
            (detail ? ` (${detail}).` : '.'),
        });
      }
    }
  }
  return { rowsChecked, tablesChecked: tables.length };
}

function show(v: unknown): string {
  const text = v === null || v === undefined ? 'kosong' : typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an entry recorded of a row, to name the fields that changed since: the entry's `after`
 * holds each record its command wrote (secrets hidden). A change_log row is rebuilt from the
 * record it carries. The few last entries are kept parsed (one year opening holds 20,000 records).
 */
class EntryContents {
  private readonly cache = new Map<number, { at: string; table: string | null; id: string | null; after: unknown }>();
  constructor(private readonly sqlite: Database.Database) {}

  private entry(seq: number) {
    let e = this.cache.get(seq);
    if (!e) {
      const row = this.sqlite
        .prepare<[number], { at: string; record_table: string | null; record_id: string | null; after: string | null }>('SELECT at, record_table, record_id, after FROM audit_log WHERE seq = ?')
        .get(seq);
      let after: unknown;
      try {
        after = row?.after ? JSON.parse(row.after) : null;
      } catch {
        after = null;
      }
      e = { at: row?.at ?? '', table: row?.record_table ?? null, id: row?.record_id ?? null, after };
      if (this.cache.size > 4) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(seq, e);
    }
    return e;
  }

  /** The records an entry holds, with their table and id (the last state of each). */
  private records(seq: number): { table: string; id: string; after: Record<string, unknown> }[] {
    const e = this.entry(seq);
    if (Array.isArray(e.after)) {
      return (e.after as { table?: string; id?: string; after?: Record<string, unknown> }[])
        .filter((i) => i && typeof i.table === 'string' && typeof i.id === 'string' && i.after)
        .map((i) => ({ table: i.table!, id: i.id!, after: i.after! }));
    }
    if (e.table && e.id && e.after && typeof e.after === 'object') return [{ table: e.table, id: e.id, after: e.after as Record<string, unknown> }];
    return [];
  }

  private record(seq: number, table: string, id: string): Record<string, unknown> | null {
    let found: Record<string, unknown> | null = null;
    for (const r of this.records(seq)) if (r.table === table && r.id === id) found = r.after;
    return found;
  }

  changedFields(table: string, row: Record<string, unknown>, recorded: { seq: number; hash: string }): { field: string; was?: unknown }[] {
    const candidates: Record<string, unknown>[] = [];
    if (table === 'change_log') {
      // The record this change_log row carried, found by what is least likely to be the edit: its
      // table and row, else the row id alone, else the id inside its data.
      let dataId: unknown = null;
      try {
        dataId = (JSON.parse(String(row.data)) as { id?: unknown }).id;
      } catch {
        dataId = null;
      }
      const all = this.records(recorded.seq);
      const recs = [
        ...all.filter((r) => r.table === row.table_name && r.id === row.row_id),
        ...all.filter((r) => r.id === row.row_id && r.table !== row.table_name),
        ...all.filter((r) => r.id === dataId && r.id !== row.row_id),
      ];
      const seen = new Set<string>();
      for (const r of recs) {
        const key = `${r.table}\u0000${r.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const op of ['insert', 'update', 'delete']) {
          candidates.push({
            table_name: r.table,
            row_id: r.id,
            office_id: r.after.office_id,
            hlc: r.after.hlc,
            data: JSON.stringify(r.after),
            created_at: this.entry(recorded.seq).at,
            op,
          });
        }
      }
    } else {
      const rec = this.record(recorded.seq, table, String(row.id));
      if (rec) candidates.push(rec);
    }
    for (const was of candidates) {
      // Unknown (absent or hidden) fields take today's value; the rest are what was recorded.
      const merged: Record<string, unknown> = {};
      const diff: { field: string; was?: unknown }[] = [];
      const hidden: string[] = [];
      for (const k of Object.keys(row)) {
        const known = k in was && was[k] !== redactedText;
        if (!known && was[k] === redactedText) hidden.push(k);
        merged[k] = known ? was[k] : row[k];
        if (known && !same(was[k], row[k])) diff.push({ field: k, was: was[k] });
      }
      if (rowHash(table, merged) === recorded.hash) return diff;
      // The visible fields match: what changed is hidden (a password hash) or not recorded.
      if (diff.length === 0 && hidden.length) return hidden.map((field) => ({ field }));
      if (diff.length && table !== 'change_log') return diff;
    }
    return [];
  }
}
