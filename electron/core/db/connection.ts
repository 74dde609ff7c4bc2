import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { DB } from './schema';

export const databaseFileName = 'kinerja.db';

/**
 * Kysely is our typed query builder; better-sqlite3 executes the compiled SQL synchronously.
 * Running statements synchronously lets a whole command be one better-sqlite3 transaction that
 * never spans an `await`, and keeps the per-query overhead next to raw prepared statements.
 */
export const queryBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export function databasePath(dataDir: string): string {
  return path.join(dataDir, databaseFileName);
}

export interface OpenSqliteOptions {
  readonly?: boolean;
  /**
   * Path of the better_sqlite3.node to load instead of node_modules' own. The desktop app passes its
   * Electron-ABI build here, so node_modules can stay built for Node (tests, `npm run serve`).
   */
  nativeBinding?: string | null;
}

let defaultNativeBinding: string | null = null;

/**
 * One process runs one runtime, so the binding is a process-wide fact: the desktop main sets it once
 * at start and every connection (the core's, backup checks, restore) loads the same build.
 */
export function setDefaultNativeBinding(file: string | null): void {
  defaultNativeBinding = file;
}

export function getDefaultNativeBinding(): string | null {
  return defaultNativeBinding;
}

/** A better-sqlite3 connection with no pragmas applied (backup copies, integrity checks). */
export function openRawSqlite(file: string, options: { readonly?: boolean; fileMustExist?: boolean; timeoutMs?: number } = {}): Database.Database {
  const nativeBinding = defaultNativeBinding;
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? options.readonly ?? false,
    timeout: options.timeoutMs ?? 5000,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

export function openSqlite(file: string, options: OpenSqliteOptions = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = options.nativeBinding ?? defaultNativeBinding;
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}
