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

export function openSqlite(file: string, options: { readonly?: boolean } = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}
