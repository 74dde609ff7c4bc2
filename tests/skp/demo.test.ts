import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/people/dates';
import { Core } from '../../electron/core/core';
import { seedDemo } from '../../electron/core/seed';
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
        expect(year.year).toBe(Number(localDate(core.now()).slice(0, 4)));
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
