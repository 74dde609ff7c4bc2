import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { Core } from '../electron/core/core';
import { databasePath } from '../electron/core/db/connection';
import { currentSchemaVersion, migrate } from '../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../electron/core/db/migrations';
import { schemaVersion } from '../electron/core/version';
import { makeEmptyCore, makeTempDir, removeAllTempDirs } from './helpers';

afterAll(removeAllTempDirs);

const expectedTables = ['audit_log', 'change_log', 'employees', 'meta', 'offices', 'schema_migrations', 'sessions', 'users'];
const expectedIndexes = [
  'audit_log_record',
  'change_log_row',
  'change_log_unsent',
  'employees_nip',
  'employees_office',
  'sessions_user',
  'users_employee',
  'users_username',
];

function objects(sqlite: Database.Database, type: 'table' | 'index'): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]
  ).map((r) => r.name);
}

describe('migrations', () => {
  it('creates every expected table and index on an empty database and records each version', () => {
    const t = makeEmptyCore();
    try {
      const sqlite = t.core.sqlite;
      expect(objects(sqlite, 'table')).toEqual(expect.arrayContaining(expectedTables));
      expect(objects(sqlite, 'index')).toEqual(expect.arrayContaining(expectedIndexes));
      const recorded = sqlite.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
        version: number;
        name: string;
        applied_at: string;
      }[];
      expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
      expect(recorded.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
      // Stamped with the injected clock, not the wall clock.
      for (const r of recorded) expect(r.applied_at).toBe(t.clock.nowIso());
      expect(currentSchemaVersion(sqlite)).toBe(latestSchemaVersion());
      expect(schemaVersion).toBe(latestSchemaVersion());
      // WAL and foreign keys are on for every connection.
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      t.close();
    }
  });

  it('has versions strictly increasing from 1', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('re-opening a migrated database is a no-op (no new rows, no backup hook)', () => {
    const dir = makeTempDir();
    const first = makeEmptyCore({ dir });
    const before = first.core.sqlite.prepare('SELECT * FROM schema_migrations ORDER BY version').all();
    const schemaBefore = first.core.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    first.close();

    let hookCalls = 0;
    const second = makeEmptyCore({ dir, beforeMigrate: () => hookCalls++ });
    try {
      second.clock.advanceHours(5);
      expect(second.core.sqlite.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(before);
      expect(second.core.sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore);
      expect(migrate(second.core.sqlite)).toEqual({ from: latestSchemaVersion(), to: latestSchemaVersion() });
      expect(hookCalls).toBe(0);
    } finally {
      second.close();
    }
  });

  it('refuses a database written by a newer Kinerja with RULE_VIOLATION (NEWER_SCHEMA) and leaves it untouched', () => {
    const dir = makeTempDir();
    makeEmptyCore({ dir }).close();
    const newer = latestSchemaVersion() + 1;
    const raw = new Database(databasePath(dir));
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(newer, 'from_the_future', '2030-01-01T00:00:00.000Z');
    raw.close();

    let caught: unknown;
    try {
      Core.open({ dataDir: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.details).toMatchObject({ reason: 'NEWER_SCHEMA', schemaVersion: newer, supported: latestSchemaVersion() });
    expect(err.message).toMatch(/versi Kinerja yang lebih baru/);

    // The refused database was closed and not changed: it can be opened and still says `newer`.
    const check = new Database(databasePath(dir), { readonly: true });
    expect(currentSchemaVersion(check)).toBe(newer);
    check.close();
  });

  it('upgrades a database at version 1 to the latest, calling the backup hook only when something is pending', () => {
    const dir = makeTempDir();
    const raw = new Database(databasePath(dir));
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    raw.exec(migrations[0]!.up);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(1, migrations[0]!.name, '2024-01-01T00:00:00.000Z');
    raw.close();

    const calls: [number, number][] = [];
    const t = makeEmptyCore({ dir, beforeMigrate: (from, to) => calls.push([from, to]) });
    try {
      expect(currentSchemaVersion(t.core.sqlite)).toBe(latestSchemaVersion());
      expect(calls).toEqual(latestSchemaVersion() > 1 ? [[1, latestSchemaVersion()]] : []);
    } finally {
      t.close();
    }
  });
});
