export { packDirectory, packDirectoryStream, unpackArchive, isTarArchive } from './archive';
export { backupBeforeMigrate, createBackup, createBackupSync, deleteBackups } from './create';
export { checkDatabaseFile, isDatabaseInUse } from './database-file';
export { listBackups, findBackup, backupsDir, type BackupEntry, type BackupKind, type BackupManifest } from './layout';
export { backupsToPrune, defaultRetention, isDailyBackupDue, type RetentionPolicy } from './retention';
export { applyPendingRestore, readPendingRestore, restoreBackup, schedulePendingRestore, verifyBackupSource, type RestoreResult } from './restore';
export { backupServiceFor, BackupService, startBackupScheduler } from './service';
