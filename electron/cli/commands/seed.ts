import { Core } from '../../core/core';
import { demoPassword, seedDemo, seedSynthetic } from '../../core/seed';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'seed --demo --data DIR | seed --synthetic --employees N --data DIR [--seed N] [--offices K] [--cadence bulanan|triwulanan] [--people-only]';

/** Fills a new data folder with a demo office or a large synthetic one, and prints the logins. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
    synthetic: { type: 'boolean', default: false },
    employees: { type: 'string' },
    seed: { type: 'string' },
    offices: { type: 'string' },
    cadence: { type: 'string' },
    'people-only': { type: 'boolean', default: false },
  });
  if (values.demo === values.synthetic) throw new UsageError('Pilih salah satu: --demo atau --synthetic.');
  const dataDir = dataDirFrom(values.data);
  const core = Core.open({ dataDir });
  try {
    if (values.demo) {
      const r = seedDemo(core, (line) => console.log(line));
      console.log(`Data demo dibuat: ${r.officeName}, ${r.employees} pegawai (folder data: ${dataDir}).`);
      console.log('');
      console.log(`Akun demo (kata sandi semua akun: ${demoPassword}; masuk dengan nama pengguna atau NIP):`);
      for (const l of r.logins) console.log(`  ${(l.username ?? '').padEnd(16)} NIP ${l.nip.padEnd(22)} ${l.name} - ${l.role}`);
      console.log(`Setiap pegawai lain juga dapat masuk dengan NIP-nya dan kata sandi ${demoPassword}.`);
      console.log(`Jalankan: npm run serve -- --data ${dataDir} --port 8080`);
      return 0;
    }
    const n = Number(values.employees);
    if (!values.employees || !Number.isInteger(n)) throw new UsageError('--employees N wajib diisi (bilangan bulat 10 sampai 20000).');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) throw new UsageError('--seed harus bilangan bulat 0 atau lebih.');
    const offices = values.offices === undefined ? undefined : Number(values.offices);
    if (offices !== undefined && !Number.isInteger(offices)) throw new UsageError('--offices harus bilangan bulat (misalnya 40 untuk satu kota).');
    const cadence = values.cadence;
    if (cadence !== undefined && cadence !== 'bulanan' && cadence !== 'triwulanan') throw new UsageError('--cadence harus bulanan atau triwulanan.');
    const r = seedSynthetic(core, n, (line) => console.log(line), { seed, offices, cadence, peopleOnly: values['people-only'] });
    console.log(
      `Data sintetis dibuat dalam ${(r.ms / 1000).toFixed(1)} detik: ${r.employees} pegawai, ${r.units} unit kerja, ${r.positions} jabatan, ${r.assignments} penempatan.`,
    );
    console.log(`Akun (kata sandi ${demoPassword}):`);
    for (const l of r.logins) console.log(`  ${l.username.padEnd(8)} NIP ${l.nip.padEnd(22)} ${l.name} - ${l.role}`);
    return 0;
  } finally {
    core.close();
  }
}
