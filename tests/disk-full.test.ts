/**
 * Disk full (docs/spec/operations.md §6) is reported as such: STORAGE_FULL, "Penyimpanan penuh: ...", HTTP
 * 507, and it leaves nothing behind: no temporary evidence file, no half-written record. The
 * failure is made real at the boundary: the evidence store's file system seam answers ENOSPC
 * part-way through a write, and the SQLite database is capped with `PRAGMA max_page_count` so that
 * the real engine answers SQLITE_FULL inside a command's transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEvidence, type EvidenceFileSystem } from '../electron/core/realisasi/evidence-store';
import { approvedEvalSkp, countRows, diffSnapshots, evalTeam, evidenceFileCount, evidenceInput, makeOffice, makeTempDir, maxSeq, removeAllTempDirs, samplePdf, snapshot, startServer, type Office } from './helpers';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile());
}

/** A disk that fills up after `room` bytes: writes what fits, then throws ENOSPC like the kernel. */
function diskWithRoom(room: number): EvidenceFileSystem {
  return {
    writeFileSync(file, data) {
      fs.writeFileSync(file, data.subarray(0, Math.min(room, data.length)));
      if (data.length > room) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
    renameSync: (from, to) => fs.renameSync(from, to),
  };
}

/** Caps the database at the pages it has now (plus `extra`): the next growth is SQLITE_FULL. */
function capDatabase(office: Office, extra = 0): void {
  office.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const pages = office.core.sqlite.pragma('page_count', { simple: true }) as number;
  office.core.sqlite.pragma(`max_page_count = ${pages + extra}`);
}

function uncapDatabase(office: Office): void {
  office.core.sqlite.pragma('max_page_count = 4294967294');
}

describe('the evidence store on a full disk', () => {
  afterAll(() => removeAllTempDirs());

  it('removes the half-written temporary file and answers STORAGE_FULL', () => {
    const data = makeTempDir();
    let thrown: unknown;
    try {
      storeEvidence(data, Buffer.concat([samplePdf, Buffer.alloc(64 * 1024, 7)]), diskWithRoom(4096));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/^Penyimpanan penuh: /) });
    expect(filesUnder(data)).toEqual([]);
  });

  it('stores normally when there is room (the seam itself works)', () => {
    const data = makeTempDir();
    const sha = storeEvidence(data, samplePdf, diskWithRoom(1 << 20));
    expect(filesUnder(data)).toEqual([path.join('evidence', sha.slice(0, 2), sha)]);
  });
});

describe('a full database', () => {
  let office: Office;
  beforeAll(() => {
    office = makeOffice();
  });
  afterAll(() => {
    office.close();
    removeAllTempDirs();
  });

  it('refuses a command with STORAGE_FULL, writes nothing, and works again once there is room', () => {
    const s = approvedEvalSkp(office);
    const me = evalTeam(office).employee.session;
    // A big enough upload row and realisasi to need new pages.
    const entries = s.indicatorIds.map((indicatorId) => ({ indicatorId, version: null, value: 1, notes: 'x'.repeat(3900), description: 'y'.repeat(3900) }));
    capDatabase(office);
    const before = snapshot(office.core);
    const audit = maxSeq(office.core, 'audit_log');
    const r = office.tryCall('realisasi.save', { skpId: s.skpId, period: s.period, entries }, me);
    expect(r).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringMatching(/^Penyimpanan penuh: /) } });
    expect(diffSnapshots(before, snapshot(office.core))).toEqual([]);
    expect(maxSeq(office.core, 'audit_log')).toBe(audit);
    expect(office.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    uncapDatabase(office);
    expect(office.call('realisasi.save', { skpId: s.skpId, period: s.period, entries }, me).saved).toBe(2);
    expect(countRows(office.core, 'realisasi')).toBeGreaterThanOrEqual(2);
  });

  it('an evidence upload on a full database leaves no temporary file', () => {
    const s = approvedEvalSkp(office);
    const me = evalTeam(office).employee.session;
    const files = evidenceFileCount(office);
    capDatabase(office);
    try {
      const r = office.tryCall('realisasi.addEvidence', { skpId: s.skpId, period: s.period, title: 'z'.repeat(290), file: evidenceInput('bukti-penuh.pdf') }, me);
      expect(r).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    } finally {
      uncapDatabase(office);
    }
    expect(filesUnder(path.join(office.dir, 'evidence')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The content-addressed file may stay (it is whole, and the next upload reuses it); never a part.
    expect(evidenceFileCount(office)).toBeLessThanOrEqual(files + 1);
  });

  it('answers 507 over HTTP with the Indonesian message', async () => {
    const s = approvedEvalSkp(office);
    const team = evalTeam(office);
    const server = await startServer(office);
    try {
      const client = await server.clientAs(team.employee);
      capDatabase(office);
      const entries = s.indicatorIds.map((indicatorId) => ({ indicatorId, version: null, value: 1, notes: 'x'.repeat(3900), description: 'y'.repeat(3900) }));
      const res = await client.post('realisasi.save', { skpId: s.skpId, period: s.period, entries });
      expect(res.status).toBe(507);
      expect(res.body).toMatchObject({ error: { code: 'STORAGE_FULL', message: expect.stringMatching(/^Penyimpanan penuh: /) } });
    } finally {
      uncapDatabase(office);
      await server.close();
    }
  });
});
