import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportProblem } from '../../../shared/people/import';
import { Core } from '../../core/core';
import { parseEmployeeFile } from '../../core/people/excel';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'import employees --data DIR BERKAS.xlsx|BERKAS.csv [--check] [--as NIP]';

function printProblems(problems: ImportProblem[]): void {
  console.error('Baris yang perlu diperbaiki:');
  for (const p of problems) console.error(`  baris ${p.row}${p.column ? `, kolom ${p.column}` : ''}: ${p.reason}`);
}

/**
 * Imports employees from a spreadsheet as an office admin (the first Pengelola Kinerja, or --as):
 * the same parsing and the same `people.import` command as the screen, all rows or none.
 */
export async function run(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'employees') throw new UsageError(`Yang dapat diimpor: employees. Penggunaan: ${usage}`);
  const { values, positionals } = parse(rest, { data: { type: 'string' }, check: { type: 'boolean', default: false }, as: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('Sebutkan berkas .xlsx atau .csv yang diimpor.');
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath)) throw new UsageError(`Berkas ${filePath} tidak ditemukan.`);
  const parsed = await parseEmployeeFile(fs.readFileSync(filePath));
  if (parsed.problems.length > 0) {
    printProblems(parsed.problems);
    console.error('Tidak ada data yang diimpor.');
    return 1;
  }
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  const who = officeAdmin(core, values.as);
  const actor = actAs(core, who.userId, who.name);
  try {
    if (values.check) {
      const r = actor.call('people.importPreview', { rows: parsed.rows });
      if (!r.ok) {
        printProblems(r.problems);
        console.error(`${r.problems.length} masalah pada ${parsed.rows.length} baris. Tidak ada yang disimpan (pemeriksaan saja).`);
        return 1;
      }
      console.log(`Semua ${r.summary.total} baris valid: ${r.summary.create} baru, ${r.summary.update} diperbarui, ${r.summary.unchanged} tidak berubah. Tidak ada yang disimpan (pemeriksaan saja).`);
      return 0;
    }
    try {
      const { summary } = actor.call('people.import', { rows: parsed.rows });
      console.log(
        `Impor selesai (${path.basename(filePath)}): ${summary.create} pegawai baru, ${summary.update} diperbarui, ${summary.unchanged} tidak berubah, ${summary.assign} penempatan jabatan.`,
      );
      for (const p of summary.newPositions) console.log(`  Jabatan baru: ${p}`);
      return 0;
    } catch (err) {
      const problems = err instanceof AppError ? (err.details?.problems as ImportProblem[] | undefined) : undefined;
      if (!problems) throw err;
      printProblems(problems);
      console.error((err as AppError).message);
      return 1;
    }
  } finally {
    actor.close();
    core.close();
  }
}
