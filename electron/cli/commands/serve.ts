import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPendingRestore, backupServiceFor, startBackupScheduler } from '../../core/backup';
import { Core } from '../../core/core';
import { attachCentralStore } from '../../core/central/attach';
import { CentralStore, readCentralConfig } from '../../core/central/store';
import { isLoopbackAddress } from '../../core/dispatch';
import { setupCodeFor } from '../../core/setup/setup-code';
import { SyncScheduler } from '../../core/sync/scheduler';
import { buildServer } from '../../server/app';
import { registerSyncRoutes } from '../../server/sync';
import { ensureAutoCertificate, loadTlsFiles, TlsError, type TlsMaterial } from '../../server/tls';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage =
  'serve --data DIR --port PORT [--host ALAMAT] [--renderer DIR] [--tls auto | --tls-cert BERKAS --tls-key BERKAS] [--central [--database-url postgres://...]]';

/** Is this bind address reachable only from this PC? ('localhost' and 127.x, ::1.) */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
}

export const plainLanWarning = (host: string) =>
  `PERINGATAN: Kinerja dilayani ke jaringan (${host}) tanpa TLS. Kata sandi dan cookie sesi melintasi jaringan kantor tanpa enkripsi ` +
  'dan dapat disadap komputer lain. Jalankan dengan "--tls auto" atau "--tls-cert BERKAS --tls-key BERKAS" (lihat docs/lan-tls.md).';

/** The TLS flags as material to serve with, or null for plain http. */
async function tlsFrom(values: { tls?: string; 'tls-cert'?: string; 'tls-key'?: string }, dataDir: string, host: string): Promise<TlsMaterial | null> {
  const files = values['tls-cert'] !== undefined || values['tls-key'] !== undefined;
  if (values.tls !== undefined && values.tls !== 'auto') throw new UsageError('--tls hanya menerima "auto" (sertifikat swa-tanda di folder data).');
  if (values.tls && files) throw new UsageError('Pilih salah satu: --tls auto, atau --tls-cert dan --tls-key.');
  if (files && (!values['tls-cert'] || !values['tls-key'])) throw new UsageError('--tls-cert dan --tls-key harus diisi bersama.');
  try {
    if (files) return loadTlsFiles(path.resolve(values['tls-cert']!), path.resolve(values['tls-key']!));
    if (values.tls === 'auto') {
      const auto = await ensureAutoCertificate(dataDir, { host });
      console.log(auto.created ? `Sertifikat swa-tanda baru dibuat: ${auto.source}` : `Sertifikat swa-tanda dipakai: ${auto.source}`);
      return auto;
    }
  } catch (err) {
    if (err instanceof TlsError) throw new UsageError(err.message);
    throw err;
  }
  return null;
}

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
    tls: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port harus bilangan 0-65535.');
  const dataDir = dataDirFrom(values.data);
  const tls = await tlsFrom(values, dataDir, values.host);
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
  const app = await buildServer({ core, rendererDir, logger: { level: 'warn', stream: process.stderr }, tls });
  // Central mode: the offices' rows in the central store (SQLite file or PostgreSQL) behind /sync/*.
  if (values.central && !readCentralConfig(dataDir)) throw new UsageError(`${dataDir} belum disiapkan sebagai server pusat: jalankan "kinerja init --central" dulu.`);
  const central = values.central ? await CentralStore.open({ dataDir, databaseUrl: values['database-url'] }) : null;
  if (central) {
    await registerSyncRoutes(app, central);
    // The central's pages (Kantor, bundle import) reach the store through the dispatcher.
    attachCentralStore(core, central);
  }
  // An office syncs in the background every few minutes once enrolled (backoff while the central is
  // away). It runs from the start even before enrolment, so that enrolling on Pengaturan >
  // Sinkronisasi and then "Sinkronkan sekarang" work without a restart.
  const syncScheduler = !central ? new SyncScheduler(core, { log: (m) => console.error(m) }).start() : null;
  // Printed before the address line (the last one a supervising script waits for).
  if (tls) {
    console.log(`Sidik jari SHA-256 sertifikat: ${tls.fingerprint}`);
    console.log('Cocokkan sidik jari ini saat memasang sertifikat di komputer kantor dan di update.json aplikasi desktop (docs/lan-tls.md).');
  } else if (!isLoopbackHost(values.host)) {
    console.error(plainLanWarning(values.host));
  }
  if (!core.officeId()) {
    console.log('Kantor belum disiapkan: buka alamat Kinerja untuk penyiapan pertama, atau jalankan "kinerja init".');
    // Another PC on the LAN must know this code to become administrator (this PC needs none).
    if (!central) console.log(`Kode penyiapan (sekali pakai, diminta bila penyiapan dibuka dari komputer lain): ${setupCodeFor(core)}`);
  }
  const address = await app.listen({ port, host: values.host });
  console.log(`Kinerja${central ? ' (server pusat)' : ''} berjalan di ${address} (data: ${dataDir})`);
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
