import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Core } from '../core';
import type * as migrationsModule from '../db/migrations';
import { migrations } from '../db/migrations';
import { listBackups } from './layout';
import { openOffice, tempDir } from './test-support';

// The real migration list, but one this test can extend with an "upgrade".
vi.mock('../db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof migrationsModule>();
  const list = [...real.migrations];
  return { ...real, migrations: list, latestSchemaVersion: () => list.reduce((m, x) => Math.max(m, x.version), 0) };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('backup before a schema migration', () => {
  it('copies the database as it was before the upgrade, and not for a brand-new database', () => {
    const data = tempDir();
    dirs.push(data);
    const first = openOffice(data);
    first.close();
    expect(listBackups(data)).toEqual([]);

    const before = migrations[migrations.length - 1]!.version;
    migrations.push({ version: before + 1, name: 'test_upgrade', up: 'CREATE TABLE test_upgrade (x INTEGER);' });
    try {
      // No option: Core.open backs up before migrating by default.
      const upgraded = Core.open({ dataDir: data });
      upgraded.close();
      const backups = listBackups(data);
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: before });
      // Opting out is explicit.
      migrations.push({ version: before + 2, name: 'test_upgrade_2', up: 'CREATE TABLE test_upgrade_2 (x INTEGER);' });
      Core.open({ dataDir: data, beforeMigrate: null }).close();
      expect(listBackups(data)).toHaveLength(1);
      migrations.pop();
    } finally {
      migrations.pop();
    }
  });
});
