import path from 'node:path';
import { findBackup, restoreBackup } from '../../core/backup';
import { latestSchemaVersion } from '../../core/db/migrations';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'restore --data DIR BERKAS|FOLDER|ID-CADANGAN';

/**
 * Replaces the office database with a backup: a folder in `<data>/backups` (or its id), a packed
 * `.tar` from `backup --out`, or a bare `.db`. Refuses damaged or newer-schema backups and a
 * database still in use; the current database is moved to `<data>/replaced/<time>/`, not deleted.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { data: { type: 'string' } });
  const dataDir = dataDirFrom(values.data);
  if (positionals.length !== 1) throw new UsageError('Sebutkan satu berkas, folder, atau ID cadangan yang akan dipulihkan.');
  const arg = positionals[0]!;
  const source = findBackup(dataDir, arg)?.dir ?? path.resolve(arg);
  const result = restoreBackup({ dataDir, source });
  console.log(`Dipulihkan dari ${source} (skema ${result.schemaVersion}).`);
  console.log(result.setAsideDir ? `Basis data sebelumnya disimpan di ${result.setAsideDir}` : 'Sebelumnya belum ada basis data.');
  console.log(`Bukti dukung: ${result.evidence.copied} disalin, ${result.evidence.present} sudah ada.`);
  if (result.evidence.skipped.length) console.warn(`Peringatan: ${result.evidence.skipped.length} berkas bukti dukung rusak dan dilewati: ${result.evidence.skipped.join(', ')}`);
  if (result.schemaVersion < latestSchemaVersion()) {
    console.log(`Cadangan ini dari skema lama; basis data diperbarui ke skema ${latestSchemaVersion()} saat aplikasi berikutnya dibuka.`);
  }
  return 0;
}
