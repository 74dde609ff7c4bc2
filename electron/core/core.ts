import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { confirmAuditHead, ensureAnchor } from './audit/anchor';
import { recordBaselineAfterMigration } from './audit/baseline';
import { backupBeforeMigrate } from './backup/create';
import { systemNow } from './clock';
import { databasePath, openSqlite, queryBuilder } from './db/connection';
import { migrate, type MigrateOptions } from './db/migrate';
import { QueryRunner } from './db/query';
import { HybridClock } from './sync/hlc';
import { defaultWiring, type CoreWiring } from './wiring';

export interface SessionPolicy {
  /** Absolute lifetime of a session. */
  maxAgeMs: number;
  /** A session unused for this long ends. */
  idleMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  maxAgeMs: 12 * 60 * 60 * 1000,
  idleMs: 2 * 60 * 60 * 1000,
};

export interface CoreOptions {
  dataDir: string;
  /** Injected in tests to move time (session expiry, lockout, appeal windows). */
  clock?: () => Date;
  sessionPolicy?: Partial<SessionPolicy>;
  /**
   * Runs before a schema migration of an existing database. Default: a `pre-migration` backup in
   * `<data>/backups` (docs/spec/operations.md §7); `null` turns it off (tests that count hook calls pass their own).
   */
  beforeMigrate?: MigrateOptions['beforeMigrate'] | null;
  /** better_sqlite3.node built for the running runtime (the desktop app's Electron ABI); see docs/desktop.md. */
  nativeBinding?: string | null;
  /**
   * The appraisal-chain resolver and the derived-role providers (electron/core/wiring.ts). Default:
   * the people capability's. Tests add providers here (e.g. a granted Pejabat Penilai).
   */
  wiring?: Partial<CoreWiring>;
}

/**
 * The backend of one office database: the connection, the query runner, the clock and the HLC.
 * Handlers receive it through their context; transports never touch it directly.
 */
export class Core {
  readonly sqlite: Database.Database;
  readonly q: QueryRunner;
  readonly db = queryBuilder;
  readonly dataDir: string;
  readonly hlc: HybridClock;
  readonly sessionPolicy: SessionPolicy;
  readonly wiring: CoreWiring;
  private readonly clock: () => Date;

  private constructor(options: CoreOptions, sqlite: Database.Database) {
    this.dataDir = options.dataDir;
    this.clock = options.clock ?? systemNow;
    this.sessionPolicy = { ...defaultSessionPolicy, ...options.sessionPolicy };
    this.wiring = { ...defaultWiring, ...options.wiring };
    this.sqlite = sqlite;
    this.q = new QueryRunner(sqlite);
    this.hlc = new HybridClock(this.nodeId(), () => this.clock().getTime(), this.lastHlc());
  }

  static open(options: CoreOptions): Core {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const sqlite = openSqlite(databasePath(options.dataDir), { nativeBinding: options.nativeBinding });
    let migrated: { from: number; to: number; columnsBefore: Map<string, string[]> };
    try {
      const beforeMigrate = options.beforeMigrate === undefined ? backupBeforeMigrate(options.dataDir) : (options.beforeMigrate ?? undefined);
      const columnsBefore = columnsOfTables(sqlite);
      migrated = { ...migrate(sqlite, { beforeMigrate, now: options.clock }), columnsBefore };
    } catch (err) {
      sqlite.close();
      throw err;
    }
    const core = new Core(options, sqlite);
    try {
      // The audit anchor (key and head beside the database), and, when a migration changed what
      // rows hold, the trail's record of those rows brought along (audit/baseline.ts).
      ensureAnchor(core);
      recordBaselineAfterMigration(core, migrated);
    } catch (err) {
      core.close();
      throw err;
    }
    return core;
  }

  now(): Date {
    return this.clock();
  }

  getMeta(key: string): string | null {
    return this.q.first(this.db.selectFrom('meta').select('value').where('key', '=', key))?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The office this database belongs to; null until first-run setup. */
  officeId(): string | null {
    return this.getMeta('office_id');
  }

  close(): void {
    if (!this.sqlite.open) return;
    try {
      confirmAuditHead(this);
    } catch {
      // The head is confirmed again at the next open; closing must not fail because of it.
    } finally {
      this.sqlite.close();
    }
  }

  private nodeId(): string {
    let node = this.getMeta('hlc_node');
    if (!node) {
      node = crypto.randomBytes(8).toString('hex');
      this.setMeta('hlc_node', node);
    }
    return node;
  }

  private lastHlc(): string | null {
    const row = this.q.first(this.db.selectFrom('change_log').select('hlc').orderBy('seq', 'desc').limit(1));
    // Sync raises this floor after a restored backup (the central has seen later stamps of ours).
    const floor = this.getMeta('sync.hlc_floor');
    if (floor && (!row || floor > row.hlc)) return floor;
    return row?.hlc ?? null;
  }
}

/** Each table's columns, to tell after migrating which tables' rows now hold more. */
function columnsOfTables(sqlite: Database.Database): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const tables = sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  for (const { name } of tables) {
    out.set(name, sqlite.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(name).map((c) => c.name));
  }
  return out;
}
