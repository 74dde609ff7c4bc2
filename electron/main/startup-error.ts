import { AppError } from '../../shared/errors';

/**
 * When the database cannot be opened the app shows a page that says why and offers the ways out
 * (restore a backup, open the data folder, try again), instead of crashing. The page has no script:
 * its buttons are links to `app://kinerja/__aksi/...`, which main intercepts in `will-navigate`
 * and carries out, so the error page needs no IPC surface of its own.
 */

export type StartupProblemReason = 'LOCKED' | 'CORRUPT' | 'NEWER_SCHEMA' | 'NATIVE' | 'UNKNOWN';

export interface StartupProblem {
  reason: StartupProblemReason;
  title: string;
  message: string;
  /** The raw error text, for the admin who calls support. */
  technical: string;
}

export const actionPrefix = '/__aksi/';
export const errorPagePath = '/__kesalahan';

export type StartupAction =
  | { kind: 'restore-backup'; id: string }
  | { kind: 'restore-file' }
  | { kind: 'open-data-folder' }
  | { kind: 'retry' }
  | { kind: 'quit' };

/** Reads an action link; anything else under the prefix is ignored. */
export function parseStartupAction(url: string): StartupAction | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'app:' || u.host !== 'kinerja' || !u.pathname.startsWith(actionPrefix)) return null;
  const [verb, arg] = u.pathname.slice(actionPrefix.length).split('/');
  switch (verb) {
    case 'pulihkan':
      return arg && /^\d{8}T\d{6}Z-(daily|manual|pre-migration)(-\d{1,3})?$/.test(arg) ? { kind: 'restore-backup', id: arg } : null;
    case 'pulihkan-berkas':
      return { kind: 'restore-file' };
    case 'buka-folder':
      return { kind: 'open-data-folder' };
    case 'coba-lagi':
      return { kind: 'retry' };
    case 'keluar':
      return { kind: 'quit' };
    default:
      return null;
  }
}

export function classifyStartupError(err: unknown): StartupProblem {
  const technical = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const code = (err as { code?: string })?.code ?? '';
  if (err instanceof AppError && err.details?.reason === 'NEWER_SCHEMA') {
    return {
      reason: 'NEWER_SCHEMA',
      title: 'Basis data dibuat oleh Kinerja versi yang lebih baru',
      message: `${err.message} Cara paling aman: pasang versi Kinerja terbaru dari server kantor. Bila tidak bisa, pulihkan cadangan yang dibuat oleh versi ini.`,
      technical,
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      reason: 'LOCKED',
      title: 'Basis data sedang dipakai program lain',
      message:
        'Kinerja tidak dapat membuka basis data karena sedang dikunci oleh program lain, misalnya server Kinerja (kinerja serve), proses pencadangan, atau antivirus yang memindai folder data. Tutup program itu lalu pilih "Coba lagi".',
      technical,
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return {
      reason: 'CORRUPT',
      title: 'Basis data rusak atau tidak dapat dibaca',
      message:
        'Berkas basis data tidak dapat dibaca. Ini bisa terjadi setelah listrik padam atau disk bermasalah. Pulihkan dari cadangan terbaru: basis data yang rusak tidak dihapus, melainkan disisihkan ke folder "replaced" di folder data.',
      technical,
    };
  }
  if (/NODE_MODULE_VERSION|better_sqlite3\.node|was compiled against a different Node\.js version|invalid ELF|not a valid Win32/i.test(technical)) {
    return {
      reason: 'NATIVE',
      title: 'Komponen basis data aplikasi tidak cocok',
      message:
        'Modul SQLite bawaan aplikasi tidak dapat dimuat. Pasang ulang Kinerja dari penginstal resmi. Pengembang: jalankan "npm start", yang membangun modul untuk Electron (lihat docs/desktop.md).',
      technical,
    };
  }
  return {
    reason: 'UNKNOWN',
    title: 'Kinerja tidak dapat membuka basis data',
    message: 'Terjadi kesalahan saat membuka basis data. Coba lagi; bila berulang, pulihkan dari cadangan atau hubungi pengelola aplikasi.',
    technical,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface BackupChoice {
  id: string;
  createdAt: string;
  kind: string;
  totalBytes: number;
  schemaVersion: number;
}

const kindLabel: Record<string, string> = { daily: 'harian', manual: 'manual', 'pre-migration': 'sebelum pembaruan' };

function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short' });
}

/** The error page. Everything variable is escaped; the only links are our own action URLs. */
export function renderStartupErrorPage(opts: { problem: StartupProblem; dataDir: string; backups: readonly BackupChoice[]; supportedSchema: number }): string {
  const { problem } = opts;
  const restorable = opts.backups.filter((b) => b.schemaVersion <= opts.supportedSchema).slice(0, 10);
  const rows = restorable
    .map(
      (b) => `<tr><td>${escapeHtml(formatTime(b.createdAt))}</td><td>${escapeHtml(kindLabel[b.kind] ?? b.kind)}</td><td>${escapeHtml(formatBytes(b.totalBytes))}</td>
<td><a class="btn" href="app://kinerja${actionPrefix}pulihkan/${encodeURIComponent(b.id)}">Pulihkan</a></td></tr>`,
    )
    .join('\n');
  const backupsSection = restorable.length
    ? `<h2>Cadangan yang tersedia</h2><table><thead><tr><th>Waktu</th><th>Jenis</th><th>Ukuran</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>Belum ada cadangan di folder data yang dapat dipulihkan oleh versi ini.</p>';
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Kinerja - ${escapeHtml(problem.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1a1b1e}
main{max-width:760px;margin:40px auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:22px;margin:0 0 12px;color:#c92a2a}h2{font-size:16px;margin:24px 0 8px}
p{line-height:1.5}table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e9ecef;font-size:14px}
.btn{display:inline-block;padding:6px 14px;border-radius:4px;background:#1c7ed6;color:#fff;text-decoration:none;font-size:14px;margin:4px 8px 4px 0}
.btn.secondary{background:#e9ecef;color:#1a1b1e}code,pre{font-size:12px;background:#f1f3f5;padding:2px 4px;border-radius:3px;white-space:pre-wrap;word-break:break-all}
</style></head>
<body><main role="alert" data-reason="${escapeHtml(problem.reason)}">
<h1>${escapeHtml(problem.title)}</h1>
<p>${escapeHtml(problem.message)}</p>
<p>Folder data: <code>${escapeHtml(opts.dataDir)}</code></p>
${backupsSection}
<h2>Pilihan lain</h2>
<p>
<a class="btn" href="app://kinerja${actionPrefix}pulihkan-berkas">Pulihkan dari berkas cadangan lain...</a>
<a class="btn secondary" href="app://kinerja${actionPrefix}buka-folder">Buka folder data</a>
<a class="btn secondary" href="app://kinerja${actionPrefix}coba-lagi">Coba lagi</a>
<a class="btn secondary" href="app://kinerja${actionPrefix}keluar">Keluar</a>
</p>
<details><summary>Keterangan teknis</summary><pre>${escapeHtml(problem.technical)}</pre></details>
</main></body></html>`;
}
