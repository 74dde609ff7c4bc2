import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { normalizeNip } from '../../../shared/people/nip';
import { Core } from '../../core/core';
import { letterheadOf } from '../../core/documents/letterhead';
import { renderSkpPdf, skpPdfFileName } from '../../core/skp/document';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';

/** The `skp` sub-command of `kinerja export` (electron/cli/commands/export.ts). */
export const usage = 'export skp --data DIR --nip NIP --year TAHUN --out BERKAS.pdf [--skp-id ID] [--as NIP]';

/**
 * Writes an employee's SKP document for a year as PDF, exactly as the download button does. Acts
 * as the office admin (or `--as` another Pengelola Kinerja), through the same commands and access
 * rules. After a mid-year transfer an employee has several SKP in the year: the latest is printed
 * unless `--skp-id` names another.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    nip: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    'skp-id': { type: 'string' },
    as: { type: 'string' },
  });
  const out = path.resolve(required(values.out, 'out'));
  if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError('--out harus berakhiran .pdf');
  const nip = normalizeNip(required(values.nip, 'nip'));
  const year = Number(required(values.year, 'year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year harus tahun empat angka, misalnya 2026.');

  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const actor = actAs(core, who.userId, who.name);
    try {
      const found = actor.call('people.list', { q: nip, limit: 50 }).items.find((e) => normalizeNip(e.nip) === nip);
      if (!found) throw new AppError('NOT_FOUND', `Pegawai dengan NIP ${values.nip} tidak ditemukan di kantor ini.`);
      const y = actor.call('year.list', {}).years.find((x) => x.year === year);
      if (!y) throw new AppError('NOT_FOUND', `Tahun Penilaian ${year} belum dibuka di kantor ini.`);
      const skps = actor.call('skp.list', { employeeId: found.id, yearId: y.id }).skps;
      const wanted = values['skp-id'];
      const chosen = wanted ? skps.find((s) => s.id === wanted) : skps[0]; // skp.list: latest period first
      if (!chosen) {
        throw new AppError(
          'NOT_FOUND',
          wanted ? `SKP ${wanted} bukan SKP ${found.name} tahun ${year}.` : `${found.name} belum memiliki SKP untuk Tahun Penilaian ${year}.`,
        );
      }
      const detail = actor.call('skp.get', { skpId: chosen.id });
      const bytes = await renderSkpPdf(detail, { letterhead: letterheadOf(core), printedAt: core.now() });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, bytes);
      if (skps.length > 1 && !wanted) {
        console.log(`Catatan: ${found.name} memiliki ${skps.length} SKP pada tahun ${year} (pindah jabatan); yang dicetak adalah yang terakhir. Pilih yang lain dengan --skp-id:`);
        for (const s of skps) console.log(`  ${s.id}  ${s.periodStart} s.d. ${s.periodEnd}  ${s.position ?? '-'}`);
      }
      console.log(`SKP ${detail.header.employee.name} tahun ${year} (status ${detail.status}) disimpan ke ${out} (nama unduhan: ${skpPdfFileName(detail)}).`);
      return 0;
    } finally {
      actor.close();
    }
  } finally {
    core.close();
  }
}
