import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPendingRestore, backupServiceFor, startBackupScheduler } from '../../core/backup';
import { Core } from '../../core/core';
import { CentralStore, readCentralConfig } from '../../core/central/store';
import { isEnrolled } from '../../core/sync/office';
import { SyncScheduler } from '../../core/sync/scheduler';
import { buildServer } from '../../server/app';
import { registerSyncRoutes } from '../../server/sync';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'serve --data DIR --port PORT [--host ALAMAT] [--renderer DIR] [--central [--database-url postgres://...]]';

/**
 * The built renderer: `dist/renderer` in the repository this code runs from, found upwards from the
 * running file (electron/cli/commands/ under tsx, dist-server/ or a chunk of it when bundled).
 */
export function defaultRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'renderer');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  return path.resolve(here, '../../../dist/renderer');
}

/**
 * Browser/LAN mode. Binds to 127.0.0.1 unless --host is given, so a server is only reachable from
 * the network when an admin says so.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    renderer: { type: 'string' },
    central: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port harus bilangan 0-65535.');
  const dataDir = dataDirFrom(values.data);
  const rendererDir = values.renderer ? path.resolve(values.renderer) : defaultRendererDir();
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.warn(`Peringatan: tampilan belum dibangun (${rendererDir}); hanya API yang dilayani. Jalankan "npm run build:renderer".`);
  }
  // A restore asked for from the admin screen is carried out here, before the database is opened.
  const pending = applyPendingRestore(dataDir);
  if (pending && 'result' in pending) console.log(`Cadangan ${pending.request.backupId} dipulihkan; basis data sebelumnya di ${pending.result.setAsideDir}`);
  if (pending && 'error' in pending) console.error(`Pemulihan cadangan ${pending.request.backupId} gagal: ${pending.error.message}`);
  const core = Core.open({ dataDir });
  // Daily automatic backup into <data>/backups (14 daily + 12 monthly kept), as in the desktop app.
  const scheduler = startBackupScheduler(backupServiceFor(core, { log: (m) => console.log(m) }), { log: (m) => console.error(m) });
  // Internal errors reach the office's administrator through the server's stderr (users see only
  // "Terjadi kesalahan internal"); routine requests are not logged.
  const app = await buildServer({ core, rendererDir, logger: { level: 'warn', stream: process.stderr } });
  // Central mode: the offices' rows in the central store (SQLite file or PostgreSQL) behind /sync/*.
  if (values.central && !readCentralConfig(dataDir)) throw new UsageError(`${dataDir} belum disiapkan sebagai server pusat: jalankan "kinerja init --central" dulu.`);
  const central = values.central ? await CentralStore.open({ dataDir, databaseUrl: values['database-url'] }) : null;
  if (central) await registerSyncRoutes(app, central);
  // An enrolled office syncs in the background every few minutes (backoff while the central is away).
  const syncScheduler = !central && isEnrolled(core) ? new SyncScheduler(core, { log: (m) => console.error(m) }).start() : null;
  const address = await app.listen({ port, host: values.host });
  console.log(`Kinerja${central ? ' (server pusat)' : ''} berjalan di ${address} (data: ${dataDir})`);
  if (!core.officeId()) console.log('Kantor belum disiapkan: buka alamat di atas untuk penyiapan pertama, atau jalankan "kinerja init".');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  scheduler.stop();
  await syncScheduler?.stop();
  await app.close();
  await central?.close();
  await backupServiceFor(core).idle();
  core.close();
  return 0;
}
