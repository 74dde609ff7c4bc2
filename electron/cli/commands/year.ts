import { Core } from '../../core/core';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';

export const usage = 'year open --data DIR --year TAHUN [--shells] [--as NIP]';

/**
 * Opens a Tahun Penilaian without a screen, as an office admin (the first Pengelola Kinerja, or
 * --as): the same `year.open` command as the Tahun Penilaian page, with `--shells` creating every
 * serving employee's draft SKP in the same transaction (all or none).
 */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'open') throw new UsageError(`Sub-perintah year yang dikenal: open. Penggunaan: ${usage}`);
  const { values } = parse(rest, { data: { type: 'string' }, year: { type: 'string' }, shells: { type: 'boolean', default: false }, as: { type: 'string' } });
  const yearText = required(values.year, 'year');
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year harus tahun empat angka, bukan "${yearText}".`);
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const actor = actAs(core, who.userId, who.name);
    try {
      const r = actor.call('year.open', { year: Number(yearText), createShells: values.shells === true });
      console.log(`Tahun Penilaian ${r.year.year} dibuka (${r.year.startDate} s.d. ${r.year.endDate}); ${r.shellsCreated} draf SKP dibuat.`);
      return 0;
    } finally {
      actor.close();
    }
  } finally {
    core.close();
  }
}
