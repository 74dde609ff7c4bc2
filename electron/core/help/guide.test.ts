import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideRoles, guideTopics, helpFor, helpTopics } from '../../../shared/help/topics';
import { parseGuideRole, renderGuide } from './guide';

/** The text of a PDF as pdftotext reads it, whitespace folded (a sentence may wrap across lines). */
function pdfText(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-panduan-')), 'panduan.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const fold = (s: string) => s.replace(/\s+/g, ' ');

describe('panduan cetak per peran (docs/spec/operations.md §8)', () => {
  for (const role of guideRoles) {
    it(`panduan ${role} memuat teks Bantuan setiap halamannya, dan hanya halamannya`, async () => {
      const { fileName, bytes } = await renderGuide(role);
      expect(fileName).toBe(`panduan-kinerja-${role}.pdf`);
      const text = pdfText(bytes);
      const mine = guideTopics(role);
      expect(mine.length).toBeGreaterThan(3);
      for (const topic of mine) {
        expect(text).toContain(`. ${topic.title}`);
        for (const step of topic.steps) expect(text).toContain(fold(step));
        expect(text).toContain(fold(topic.rule));
      }
      // A page of another role only is not in this guide.
      for (const topic of helpTopics.filter((t) => !t.roles.includes(role))) expect(text).not.toContain(fold(topic.rule));
    });
  }

  it('menolak peran yang tidak dikenal dengan pesan berbahasa Indonesia', () => {
    expect(() => parseGuideRole('kepala')).toThrow('Peran panduan harus pegawai, penilai, atau pengelola.');
    expect(() => parseGuideRole(undefined)).toThrow('Peran panduan');
  });
});

describe('panel Bantuan per halaman', () => {
  it('setiap halaman aplikasi (renderer/src/app/pages.tsx) punya teks bantuan', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../renderer/src/app/pages.tsx'), 'utf8');
    const routes = [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !helpFor(r.replace(/:[A-Za-z]+/g, '0190a1b2-0000-7000-8000-000000000000')));
    expect(missing).toEqual([]);
  });

  it('mencocokkan alamat dengan parameter ke halamannya', () => {
    expect(helpFor('/skp/0190a1b2-0000-7000-8000-000000000000/realisasi/3')?.title).toBe('Realisasi');
    expect(helpFor('/skp/0190a1b2-0000-7000-8000-000000000000')?.title).toBe('Rincian SKP');
    expect(helpFor('/pegawai/impor')?.title).toBe('Impor Pegawai');
    expect(helpFor('/')?.title).toBe('Beranda');
    expect(helpFor('/tidak-ada')).toBeNull();
  });
});
