import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession } from '../../electron/core/auth/sessions';
import { Core } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import { seedSynthetic } from '../../electron/core/seed';
import { v7 as uuidv7 } from 'uuid';

/** One synthetic database the measures run on. */
export interface Dataset {
  name: 'office' | 'city';
  dir: string;
  employees: number;
  offices: number;
  cadence: 'bulanan' | 'triwulanan';
  seed: number;
  seedMs: number;
  rows: number;
  dbMB: number;
  core: Core;
  officeId: string;
  yearId: string;
  year: number;
}

export interface DatasetSpec {
  name: 'office' | 'city';
  employees: number;
  offices: number;
  cadence: 'bulanan' | 'triwulanan';
  seed: number;
}

export function benchRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-bench-'));
}

export function buildDataset(root: string, spec: DatasetSpec, log: (line: string) => void): Dataset {
  const dir = path.join(root, spec.name);
  const core = Core.open({ dataDir: dir, beforeMigrate: null });
  const started = performance.now();
  seedSynthetic(core, spec.employees, (l) => log(`    ${l.trim()}`), { seed: spec.seed, offices: spec.offices, cadence: spec.cadence });
  const seedMs = performance.now() - started;
  const meta = JSON.parse(core.getMeta('synthetic_year') ?? '{}') as { rows?: number };
  const year = core.q.prepare("SELECT id, year FROM performance_years WHERE status = 'terbuka' ORDER BY year DESC LIMIT 1").get() as { id: string; year: number };
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const dbMB = fs.statSync(path.join(dir, 'kinerja.db')).size / 1024 / 1024;
  return { ...spec, dir, seedMs, rows: meta.rows ?? 0, dbMB, core, officeId: core.officeId()!, yearId: year.id, year: year.year };
}

/** A session for a user (by username or employee id), as the login command would create. */
export function sessionFor(core: Core, who: { username?: string; employeeId?: string }): string {
  let user = who.username
    ? (core.q.prepare('SELECT id FROM users WHERE username = ? AND deleted_at IS NULL').get(who.username) as { id: string } | undefined)
    : (core.q.prepare('SELECT id FROM users WHERE employee_id = ? AND deleted_at IS NULL').get(who.employeeId) as { id: string } | undefined);
  if (!user && who.employeeId) {
    // Synthetic appraisers have no account: give them one, as the admin's Akun screen would.
    core.q
      .prepare(
        `INSERT INTO users (id, office_id, employee_id, username, password_hash, is_pengelola, is_admin_pusat, must_change_password, failed_count, created_at, updated_at, version)
         VALUES (?, ?, ?, NULL, 'x', 0, 0, 0, 0, ?, ?, 1)`,
      )
      .run((user = { id: uuidv7() }).id, core.officeId(), who.employeeId, new Date().toISOString(), new Date().toISOString());
  }
  if (!user) throw new Error(`no user ${JSON.stringify(who)}`);
  return createSession(core, user.id, core.now()).token;
}

/** Calls a command through the dispatcher as the session's user (what IPC and HTTP do, minus transport). */
export function call<T = unknown>(core: Core, token: string, name: string, input: unknown): T {
  return dispatch(core, name, input, { transport: 'cli', sessionToken: token, requireCsrf: false }).result as T;
}

/**
 * Runs `fn` inside a transaction that is rolled back, so a write can be measured again and again
 * on the same data (a command's own transaction becomes a savepoint inside it).
 */
export function inRollback<T>(core: Core, fn: () => T): T {
  core.sqlite.exec('BEGIN');
  try {
    return fn();
  } finally {
    core.sqlite.exec('ROLLBACK');
  }
}
