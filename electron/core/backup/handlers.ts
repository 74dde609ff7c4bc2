import { notFound, ruleViolation } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/backup/commands';
import { requireActor, type HandlerMap } from '../context';
import type { BackupEntry } from './layout';
import { backupsDir, findBackup } from './layout';
import { readPendingRestore, schedulePendingRestore, verifyBackupSource } from './restore';
import { backupServiceFor } from './service';

function info(b: BackupEntry): BackupInfo {
  return {
    id: b.id,
    kind: b.kind,
    createdAt: b.createdAt,
    appVersion: b.appVersion,
    schemaVersion: b.schemaVersion,
    databaseBytes: b.database.bytes,
    evidenceFiles: b.evidence.files,
    evidenceBytes: b.evidence.bytes,
    totalBytes: b.totalBytes,
  };
}

export const backupHandlers: HandlerMap<'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (ctx) => {
    const service = backupServiceFor(ctx.core);
    const pending = readPendingRestore(ctx.core.dataDir);
    return {
      folder: backupsDir(ctx.core.dataDir),
      backups: service.list().map(info),
      running: service.current,
      lastError: service.lastError,
      pendingRestore: pending ? { backupId: pending.backupId, requestedAt: pending.requestedAt, requestedBy: pending.requestedBy } : null,
      retention: { daily: service.policy.daily, monthly: service.policy.monthly },
    };
  },

  // The copy itself is asynchronous (SQLite's online backup API, a few pages per event-loop turn)
  // and starts after this command's transaction commits; handlers stay synchronous.
  'backup.create': (ctx) => ({ running: backupServiceFor(ctx.core).start('manual', ctx.now) }),

  'backup.restore': (ctx, input) => {
    const actor = requireActor(ctx);
    const entry = findBackup(ctx.core.dataDir, input.id);
    if (!entry) throw notFound('Cadangan');
    // Checked now, so the admin hears about a damaged or too-new backup before anything restarts.
    const checked = verifyBackupSource(entry.dir, backupsDir(ctx.core.dataDir));
    if (checked.officeId && ctx.core.officeId() && checked.officeId !== ctx.core.officeId()) {
      throw ruleViolation('Cadangan ini milik kantor lain. Pemulihan lintas kantor hanya lewat baris perintah "kinerja restore".');
    }
    schedulePendingRestore(ctx.core.dataDir, { backupId: entry.id, requestedAt: ctx.nowIso, requestedBy: actor.name });
    return { scheduled: true as const, backupId: entry.id, schemaVersion: checked.schemaVersion };
  },
};
