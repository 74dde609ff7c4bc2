import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/people/dates';
import { Core } from '../../electron/core/core';
import { seedDemo } from '../../electron/core/seed';
import { demoStoryYear } from '../../electron/core/seed/history';
import { actAs, officeAdmin } from '../../electron/core/seed/session';
import { skpPdfFor } from '../../electron/core/skp/document';
import { removeTempDirs, tempDir } from '../people/fixture';

afterAll(() => removeTempDirs());

describe('seed --demo: SKP of the current year', () => {
  it('gives every employee an SKP, cascaded from the Kepala Dinas, in a mix of states, printable', async () => {
    const dir = tempDir('kinerja-skp-demo-');
    const core = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      const r = seedDemo(core);
      const who = officeAdmin(core);
      const admin = actAs(core, who.userId, who.name);
      try {
        const year = admin.call('year.list', {}).years[0]!;
        // The story's year: the running one, or early in a year the one just past (seed/history.ts).
        expect(year.year).toBe(demoStoryYear(core.now()));
        const m = admin.call('skp.monitor', { yearId: year.id });
        expect(m.counts.belum_dibuat).toBe(0);
        expect(m.counts.disetujui).toBeGreaterThan(r.employees / 2);
        expect(m.counts.diajukan).toBeGreaterThanOrEqual(3);
        expect(m.counts.draf).toBeGreaterThanOrEqual(1);
        expect(m.counts.dikembalikan).toBeGreaterThanOrEqual(1);

        // One tree from the head down; every Utama RHK below the head supports a superior RHK.
        const tree = admin.call('skp.cascadeTree', { yearId: year.id });
        expect(tree.roots).toHaveLength(1);
        const walk = (n: (typeof tree.roots)[number], depth: number): number => {
          if (depth > 0) for (const rhk of n.rhk.filter((x) => x.kind === 'utama')) expect(rhk.unlinked, `${n.employeeName}: ${rhk.text}`).toBe(false);
          return 1 + n.children.reduce((s, c) => s + walk(c, depth + 1), 0);
        };
        // Everyone the monitor lists (employees on leave are left out of both) sits in that tree.
        expect(walk(tree.roots[0]!, 0)).toBe(m.rows.length);
        expect(m.rows.length).toBeGreaterThanOrEqual(r.employees - 1);

        // Plans were agreed in early January (replayed with a moved clock), not on the seed day:
        // approvals, their events and the approved versions are dated then, before any evaluation.
        // (always true: the demo's year is the running one only from mid-March on)
        expect(localDate(core.now()) > `${year.year}-01-13`).toBe(true);
        {
          const approvedRows = core.sqlite.prepare("SELECT approved_at, submitted_at, created_at FROM skps WHERE status = 'disetujui' AND deleted_at IS NULL").all() as {
            approved_at: string;
            submitted_at: string;
            created_at: string;
          }[];
          expect(approvedRows.length).toBeGreaterThan(0);
          const january = (iso: string) => localDate(new Date(iso)) >= `${year.year}-01-01` && localDate(new Date(iso)) <= `${year.year}-01-15`;
          // Most plans: only a transfer or a post filled by a Plt since then is written today.
          const inJanuary = approvedRows.filter((r) => january(r.approved_at) && january(r.submitted_at) && january(r.created_at));
          expect(inJanuary.length).toBeGreaterThanOrEqual(approvedRows.length * 0.8);
          for (const r of inJanuary) expect(r.submitted_at < r.approved_at && r.created_at <= r.submitted_at).toBe(true);
          const versions = core.sqlite.prepare('SELECT approved_at FROM skp_versions WHERE deleted_at IS NULL').all() as { approved_at: string }[];
          expect(versions.filter((v) => january(v.approved_at)).length).toBe(inJanuary.length);
          const events = core.sqlite.prepare("SELECT at FROM skp_events WHERE to_status = 'disetujui' AND deleted_at IS NULL").all() as { at: string }[];
          expect(events.filter((e) => january(e.at)).length).toBe(inJanuary.length);
        }

        const returned = m.rows.find((x) => x.status === 'dikembalikan')!;
        expect(admin.call('skp.get', { skpId: returned.skpId! }).returnNote).toBeTruthy();

        // The demo staff member's approved plan prints with names, RHK and expectations.
        const approved = m.rows.find((x) => x.status === 'disetujui' && x.position === 'Bendahara Pengeluaran')!;
        const file = await skpPdfFor(core, { transport: 'cli', sessionToken: null, requireCsrf: false }, approved.skpId!).catch((e: Error) => e);
        expect(file).toBeInstanceOf(Error); // no session: refused like any other caller
        const detail = admin.call('skp.get', { skpId: approved.skpId! });
        const { renderSkpPdf } = await import('../../electron/core/skp/document');
        const pdf = path.join(dir, 'skp.pdf');
        fs.writeFileSync(pdf, await renderSkpPdf(detail, { letterhead: { agency: 'PEMERINTAH KOTA LANGSA', place: 'Langsa' }, printedAt: core.now() }));
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text).toContain(approved.name);
        expect(text).toContain('Terlaksananya penatausahaan belanja');
        expect(text).toContain('Biaya');
        expect(text).toContain(detail.header.appraiser!.name);
      } finally {
        admin.close();
      }
    } finally {
      core.close();
    }
  }, 120_000);
});
