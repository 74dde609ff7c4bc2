import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { periodsOf } from '../../shared/evaluation/periods';
import { localDate } from '../../shared/people/dates';
import type { Core } from '../../electron/core/core';
import { renderEvaluationDocument } from '../../electron/core/evaluation/document';
import { seedDemo } from '../../electron/core/seed';
import { demoCycleDone } from '../../electron/core/seed/history';
import { actAs, officeAdmin } from '../../electron/core/seed/session';

/**
 * What `seed --demo` must show on whatever day it runs (docs/spec/operations.md §9): a year carried forward with
 * finished periods, evidence, feedback both ways, a realistic spread, curve warnings, dialogues in
 * every state, one appeal explained by the appraiser and waiting for the atasan, a verifying audit
 * trail, every replayed event in the past, and a Dokumen Evaluasi that reads correctly.
 */
export async function seedAndCheckDemoStory(core: Core, dir: string): Promise<void> {
  seedDemo(core);
  const who = officeAdmin(core);
  const admin = actAs(core, who.userId, who.name);
  try {
    const now = core.now();
    const count = (sql: string, ...args: unknown[]) => (core.q.prepare(sql).get(...args) as { n: number }).n;
    const years = admin.call('year.list', {}).years;
    // The story's year: the one with finished evaluations (early in a year, the year before).
    const storyYearId = (core.q.prepare("SELECT year_id FROM evaluations WHERE status = 'final' GROUP BY year_id ORDER BY COUNT(*) DESC LIMIT 1").get() as { year_id: string } | undefined)?.year_id;
    const year = years.find((y) => y.id === storyYearId);
    expect(year, 'a year with final evaluations').toBeDefined();
    const today = localDate(now);
    const periods = periodsOf(year!.year, year!.cadence).filter((p) => !p.annual);
    const finished = periods.filter((p) => p.end < today && demoCycleDone(p, now));
    expect(finished.length, 'periods whose whole cycle lies in the past').toBeGreaterThanOrEqual(2);

    // Nothing was invented in the future: every stamp the replay wrote lies before the seed's now.
    const latestStamp = (table: string, column: string) => (core.q.prepare(`SELECT MAX(${column}) AS t FROM ${table}`).get() as { t: string | null }).t;
    for (const [table, column] of [['audit_log', 'at'], ['evaluations', 'finalized_at'], ['appeals', 'updated_at'], ['feedback', 'created_at'], ['dialogues', 'updated_at'], ['period_reports', 'updated_at']] as const) {
      const t = latestStamp(table, column);
      if (t) expect(Date.parse(t), `${table}.${column} ${t} after ${now.toISOString()}`).toBeLessThanOrEqual(now.getTime());
    }

    const first = finished[0]!;
    const approved = count('SELECT COUNT(*) AS n FROM skps WHERE year_id = ? AND approved_version > 0 AND deleted_at IS NULL AND period_start <= ?', year!.id, first.end);
    expect(approved).toBeGreaterThan(40);
    // The first period: everyone with an approved plan reported, with a file, and was evaluated and received it.
    expect(count("SELECT COUNT(*) AS n FROM period_reports r JOIN skps s ON s.id = r.skp_id WHERE s.year_id = ? AND r.period = ? AND r.status = 'diajukan'", year!.id, first.code)).toBe(approved);
    expect(count("SELECT COUNT(DISTINCT e.skp_id) AS n FROM evidence e JOIN skps s ON s.id = e.skp_id WHERE s.year_id = ? AND e.period = ? AND e.kind = 'file'", year!.id, first.code)).toBe(approved);
    expect(count("SELECT COUNT(*) AS n FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final' AND acknowledged_at IS NOT NULL", year!.id, first.code)).toBe(approved);
    // ... on the days it happened, not today.
    const finalised = core.q.prepare("SELECT MIN(finalized_at) AS a, MAX(finalized_at) AS b FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final'").get(year!.id, first.code) as { a: string; b: string };
    expect(localDate(new Date(finalised.a)) > first.end).toBe(true);
    expect(Date.parse(finalised.b)).toBeLessThan(Date.parse(first.end) + 20 * 86_400_000);
    // Evidence files are real: stored content-addressed, PDF or PNG by their first bytes.
    const files = core.q.prepare("SELECT sha256, mime_type FROM evidence WHERE kind = 'file' LIMIT 40").all() as { sha256: string; mime_type: string }[];
    expect(files.length).toBeGreaterThan(0);
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
    expect(count('SELECT COUNT(*) AS n FROM org_ratings WHERE year_id = ? AND period = ? AND unit_id IS NOT NULL', year!.id, first.code)).toBeGreaterThanOrEqual(4);
    const breaches = periods.flatMap((p) => admin.call('distribution.get', { yearId: year!.id, period: p.code }).units.flatMap((u) => u.breaches));
    expect(breaches.length).toBeGreaterThanOrEqual(2);

    // The demo login `staf` shows a year at work, not only a draft plan: her approved SKP, her
    // results sent in every finished period and her evaluations final (feedback on her plan is
    // drawn at random per period, so on some dates she has none yet: not claimed).
    const stafUser = core.q.prepare("SELECT id FROM users WHERE username = 'staf' AND deleted_at IS NULL").get() as { id: string } | undefined;
    expect(stafUser, 'the demo login staf').toBeDefined();
    const staf = actAs(core, stafUser!.id, 'staf');
    try {
      const own = staf.call('skp.list', { yearId: year!.id }).skps;
      expect(own.map((x) => x.status)).toEqual(['disetujui']);
      const skpId = own[0]!.id;
      for (const p of finished) {
        const report = staf.call('realisasi.get', { skpId, period: p.code });
        expect(report.status, `staf's results of ${p.code}`).toBe('diajukan');
        expect(report.rows.some((r) => r.value !== null || r.description !== null), `staf's results of ${p.code}`).toBe(true);
        const ev = staf.call('evaluation.get', { skpId, period: p.code });
        expect(ev.status, `staf's evaluation of ${p.code}`).toBe('final');
        expect(ev.predikat, `staf's predikat of ${p.code}`).not.toBeNull();
      }
    } finally {
      staf.close();
    }

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
      .prepare("SELECT e.skp_id, s.employee_name, s.employee_nip, e.predikat FROM evaluations e JOIN skps s ON s.id = e.skp_id WHERE e.year_id = ? AND e.period = ? AND e.status = 'final' ORDER BY s.employee_name LIMIT 1")
      .get(year!.id, first.code) as { skp_id: string; employee_name: string; employee_nip: string; predikat: string };
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
}
