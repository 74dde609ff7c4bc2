import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations } from './migrations';
import { systemNow } from '../clock';

export interface MigrateOptions {
  /**
   * Called once before the first pending migration runs, with the open connection so a backup can
   * be taken from it (issue: backup before every schema migration). Throwing stops the migration.
   */
  beforeMigrate?: (fromVersion: number, toVersion: number, sqlite: Database.Database) => void;
  now?: () => Date;
}

export function currentSchemaVersion(sqlite: Database.Database): number {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  const row = sqlite.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations, each in its own transaction, and refuses a database written by a
 * newer Kinerja (its tables may mean something this version does not know).
 */
export function migrate(sqlite: Database.Database, options: MigrateOptions = {}): { from: number; to: number } {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const from = currentSchemaVersion(sqlite);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new AppError(
      'RULE_VIOLATION',
      `Basis data ini dibuat oleh versi Kinerja yang lebih baru (skema ${from}, aplikasi ini mengenal sampai ${latest}). Perbarui aplikasi atau pulihkan cadangan yang lebih lama.`,
      { details: { reason: 'NEWER_SCHEMA', schemaVersion: from, supported: latest } },
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (from > 0) options.beforeMigrate?.(from, latest, sqlite);
  const now = options.now ?? systemNow;
  const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    sqlite.transaction(() => {
      sqlite.exec(m.up);
      record.run(m.version, m.name, now().toISOString());
    })();
  }
  return { from, to: latest };
}
