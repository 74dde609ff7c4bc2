import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../core/core';
import { buildExport } from '../../core/people/excel';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';
import { run as exportEvaluasi, usage as evaluasiUsage } from './export-evaluasi';
import { run as exportLaporan, usage as laporanUsage } from './export-laporan';
import { run as exportSkp, usage as skpUsage } from './export-skp';

export const usage = `export employees --data DIR --out BERKAS.xlsx [--status aktif,cuti] [--as NIP]\n  kinerja ${skpUsage}\n  kinerja ${laporanUsage}\n  kinerja ${evaluasiUsage}`;

/** Writes the office's employee list as .xlsx (NIP as text), like the Export button does. */
export async function run(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what === 'skp') return exportSkp(rest);
  if (what === 'evaluasi') return exportEvaluasi(rest);
  if (what === 'laporan-penilaian') return exportLaporan(rest);
  if (what !== 'employees') throw new UsageError(`Yang dapat diekspor: employees, skp, laporan-penilaian, evaluasi. Penggunaan: ${usage}`);
  const { values } = parse(rest, { data: { type: 'string' }, out: { type: 'string' }, status: { type: 'string' }, as: { type: 'string' } });
  const out = path.resolve(required(values.out, 'out'));
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out harus berakhiran .xlsx');
  const status = values.status ? values.status.split(',').map((s) => s.trim().toLowerCase()) : undefined;
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  const who = officeAdmin(core, values.as);
  const actor = actAs(core, who.userId, who.name);
  try {
    const r = actor.call('people.exportRows', { status: status as ('aktif' | 'cuti' | 'pindah' | 'pensiun')[] | undefined });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, await buildExport(r.rows, { officeName: r.officeName, date: r.date }));
    console.log(`${r.rows.length} pegawai diekspor ke ${out}`);
    return 0;
  } finally {
    actor.close();
    core.close();
  }
}
