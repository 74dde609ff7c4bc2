import fs from 'node:fs';
import path from 'node:path';
import { createBackup, listBackups, packDirectory } from '../../core/backup';
import { databasePath, openRawSqlite } from '../../core/db/connection';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'backup --data DIR [--out BERKAS.tar] | backup --data DIR --list';

function size(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A backup now, while the app or `kinerja serve` may keep running: SQLite's online backup API reads
 * a consistent snapshot through its own connection. The database is opened as it is (no migration):
 * a backup must never change what it backs up. `--out` also packs it into one file to carry away.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, out: { type: 'string' }, list: { type: 'boolean', default: false } });
  if (positionals.length) throw new UsageError(`Argumen tidak dikenal: ${positionals.join(' ')}`);
  const dataDir = dataDirFrom(values.data);

  if (values.list) {
    const all = listBackups(dataDir);
    if (!all.length) console.log(`Belum ada cadangan di ${path.join(dataDir, 'backups')}.`);
    for (const b of all) console.log(`${b.id}  ${b.createdAt}  skema ${b.schemaVersion}  ${size(b.totalBytes)}  (bukti dukung: ${b.evidence.files})`);
    return 0;
  }

  const file = databasePath(dataDir);
  if (!fs.existsSync(file)) throw new UsageError(`Basis data tidak ditemukan: ${file}`);
  const sqlite = openRawSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const entry = await createBackup(sqlite, { dataDir, kind: 'manual' });
    console.log(`Cadangan dibuat: ${entry.dir}`);
    console.log(`  basis data ${size(entry.database.bytes)}, bukti dukung ${entry.evidence.files} berkas (${size(entry.evidence.bytes)}), skema ${entry.schemaVersion}`);
    if (values.out) {
      let out = path.resolve(values.out);
      if (values.out.endsWith('/') || values.out.endsWith('\\') || (fs.existsSync(out) && fs.statSync(out).isDirectory())) {
        out = path.join(out, `kinerja-${entry.id}.tar`);
      }
      fs.mkdirSync(path.dirname(out), { recursive: true });
      packDirectory(entry.dir, out);
      console.log(`Arsip cadangan: ${out} (${size(fs.statSync(out).size)})`);
    }
    return 0;
  } finally {
    sqlite.close();
  }
}
