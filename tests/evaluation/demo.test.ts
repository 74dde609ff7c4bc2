import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { periodsOf } from '../../shared/evaluation/periods';
import { localDate } from '../../shared/people/dates';
import { Core } from '../../electron/core/core';
import { renderEvaluationDocument } from '../../electron/core/evaluation/document';
import { seedDemo } from '../../electron/core/seed';
import { actAs, officeAdmin } from '../../electron/core/seed/session';
import { removeTempDirs, tempDir } from '../people/fixture';

afterAll(() => removeTempDirs());

/**
 * seed --demo carries the year forward (issue 6 point 9). The demo runs on today's date, so what
 * exists depends on it: every period of this year whose cycle (report, evaluation, receipt; about
 * two working weeks) lies in the past. The checks adapt to that; on the usual days of a year
 * most of them bite.
 */
describe('seed --demo: the year carried forward', () => {
  it('has realisasi with evidence, feedback, dialogues, finalised evaluations with real dates, curve breaches and an appeal awaiting the atasan', async () => {
    const dir = tempDir('kinerja-eval-demo-');
    const core = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      seedDemo(core);
      const who = officeAdmin(core);
      const admin = actAs(core, who.userId, who.name);
      try {
        const year = admin.call('year.list', {}).years[0]!;
        const today = localDate(core.now());
        const finished = periodsOf(year.year, year.cadence).filter((p) => !p.annual && p.end < today && Date.parse(p.end) + 20 * 86_400_000 < core.now().getTime());
        const count = (sql: string, ...args: unknown[]) => (core.q.prepare(sql).get(...args) as { n: number }).n;
        if (finished.length === 0) {
          expect(count("SELECT COUNT(*) AS n FROM evaluations WHERE status = 'final'")).toBe(0);
          return;
        }
        const first = finished[0]!;
        const approved = count('SELECT COUNT(*) AS n FROM skps WHERE year_id = ? AND approved_version > 0 AND deleted_at IS NULL AND period_start <= ?', year.id, first.end);

        // The first period: everyone with an approved plan reported, with a file, and was evaluated and received it.
        expect(count("SELECT COUNT(*) AS n FROM period_reports WHERE period = ? AND status = 'diajukan'", first.code)).toBe(approved);
        expect(count("SELECT COUNT(DISTINCT skp_id) AS n FROM evidence WHERE period = ? AND kind = 'file'", first.code)).toBe(approved);
        expect(count("SELECT COUNT(*) AS n FROM evaluations WHERE period = ? AND status = 'final' AND acknowledged_at IS NOT NULL", first.code)).toBe(approved);
        // ... on the days it happened, not today.
        const finalised = core.q.prepare("SELECT MIN(finalized_at) AS a, MAX(finalized_at) AS b FROM evaluations WHERE period = ? AND status = 'final'").get(first.code) as { a: string; b: string };
        expect(localDate(new Date(finalised.a)) > first.end).toBe(true);
        expect(Date.parse(finalised.b)).toBeLessThan(Date.parse(first.end) + 20 * 86_400_000);
        // Evidence files are real: stored content-addressed, PDF or PNG by their first bytes.
        const files = core.q.prepare("SELECT sha256, mime_type FROM evidence WHERE kind = 'file' LIMIT 40").all() as { sha256: string; mime_type: string }[];
        for (const f of files) {
          const head = fs.readFileSync(path.join(dir, 'evidence', f.sha256.slice(0, 2), f.sha256)).subarray(0, 4).toString('latin1');
          expect(head).toBe(f.mime_type === 'application/pdf' ? '%PDF' : '\x89PNG');
        }
        // Feedback both ways, on RHK and on BerAKHLAK values.
        expect(count("SELECT COUNT(*) AS n FROM feedback WHERE author_role = 'penilai' AND target_kind = 'rhk'")).toBeGreaterThan(20);
        expect(count("SELECT COUNT(*) AS n FROM feedback WHERE author_role = 'pegawai'")).toBeGreaterThan(10);
        expect(count("SELECT COUNT(*) AS n FROM feedback WHERE target_kind = 'perilaku'")).toBeGreaterThan(5);
        // A realistic spread with the order of the matrix: mostly Baik, some of each other.
        const spread = Object.fromEntries(
          (core.q.prepare("SELECT predikat, COUNT(*) AS n FROM evaluations WHERE status = 'final' GROUP BY predikat").all() as { predikat: string; n: number }[]).map((r) => [r.predikat, r.n]),
        );
        expect(spread.baik).toBeGreaterThan(spread.sangat_baik!);
        expect(spread.sangat_baik).toBeGreaterThan(spread.butuh_perbaikan!);
        if (finished.length >= 5) expect(spread.kurang).toBe(1);
        // Organisation ratings per unit, and the curve's warnings somewhere.
        expect(count('SELECT COUNT(*) AS n FROM org_ratings WHERE period = ? AND unit_id IS NOT NULL', first.code)).toBeGreaterThanOrEqual(4);
        const breaches = finished.flatMap((p) => admin.call('distribution.get', { yearId: year.id, period: p.code }).units.flatMap((u) => u.breaches));
        expect(breaches.length).toBeGreaterThanOrEqual(2);

        // Dialogues in every state a user meets.
        const states = new Set((core.q.prepare('SELECT status FROM dialogues').all() as { status: string }[]).map((r) => r.status));
        for (const s of ['diminta', 'dijadwalkan', 'dikonfirmasi']) expect(states.has(s), s).toBe(true);

        // One appeal: filed, explained by the appraiser, waiting for the atasan.
        const appeals = admin.call('appeal.list', { scope: 'office' }).appeals;
        expect(appeals).toHaveLength(1);
        expect(appeals[0]).toMatchObject({ status: 'diajukan', decision: null });
        expect(appeals[0]!.appraiserExplanation).toBeTruthy();

        // The hash chain of the audit trail holds across the replayed past.
        expect(admin.call('audit.verify', {})).toMatchObject({ ok: true });

        // And the acceptance check: a demo employee's Dokumen Evaluasi reads correctly.
        const row = core.q
          .prepare("SELECT e.skp_id, s.employee_name, s.employee_nip, e.predikat FROM evaluations e JOIN skps s ON s.id = e.skp_id WHERE e.period = ? AND e.status = 'final' ORDER BY s.employee_name LIMIT 1")
          .get(first.code) as { skp_id: string; employee_name: string; employee_nip: string; predikat: string };
        const meta = { transport: 'cli' as const, sessionToken: null, requireCsrf: false };
        await expect(renderEvaluationDocument(core, meta, { skpId: row.skp_id, period: first.code })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
        const { createSession } = await import('../../electron/core/auth/sessions');
        const token = createSession(core, who.userId, core.now()).token;
        const doc = await renderEvaluationDocument(core, { ...meta, sessionToken: token }, { skpId: row.skp_id, period: first.code });
        const file = path.join(dir, 'dokumen.pdf');
        fs.writeFileSync(file, doc.bytes);
        const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text).toContain(`PERIODE: ${first.printLabel}*`);
        expect(text).toContain(row.employee_name);
        expect(text).toContain('CAPAIAN KINERJA ORGANISASI : BAIK');
        expect(text).toMatch(/PREDIKAT KINERJA PEGAWAI : (SANGAT BAIK|BAIK|BUTUH PERBAIKAN|KURANG\/MISCONDUCT)/);
        expect(text).not.toMatch(/\bDRAF\b/);
      } finally {
        admin.close();
      }
    } finally {
      core.close();
    }
  }, 120_000);
});
