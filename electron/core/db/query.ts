import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import { queryBuilder } from './connection';

/** A Kysely builder chain, or a typed `sql` template (its declared row type is the result's). */
export type Query<R> = Compilable<R> | RawBuilder<R>;

function compiled<R>(query: Query<R>): CompiledQuery<R> {
  return 'isRawBuilder' in query ? query.compile(queryBuilder) : query.compile();
}

/**
 * The one place a statement's rows take the query's declared type: Kysely derived it from the
 * generated schema (or the `sql` template declares it), and better-sqlite3 returns exactly the
 * selected columns.
 */
function many<T>(stmt: Database.Statement, parameters: readonly unknown[]): T[] {
  return stmt.all(...parameters) as T[];
}

/**
 * Executes Kysely-built queries on better-sqlite3 with a prepared-statement cache: the SQL text of
 * a builder chain (or of a `sql` template) is stable, so each distinct query is prepared once per
 * connection.
 */
export class QueryRunner {
  private readonly cache = new Map<string, Database.Statement>();
  /** Statements that return arrays (`tuples`), kept apart: raw mode is a property of the statement. */
  private readonly tupleCache = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.sqlite.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  all<R>(query: Query<R>): R[] {
    const c = compiled(query);
    return many<R>(this.prepare(c.sql), c.parameters);
  }

  /**
   * Rows as arrays in the order `columns` names them, without an object per row: for reads of
   * thousands of rows that must cost what a raw statement costs (the office dashboard). The
   * statement's own column names are checked against `columns` when it is first prepared, so the
   * tuple type cannot drift from the SQL.
   */
  tuples<R, const K extends readonly (keyof R & string)[]>(query: Query<R>, columns: K): { -readonly [I in keyof K]: R[K[I]] }[] {
    const c = compiled(query);
    let stmt = this.tupleCache.get(c.sql);
    if (!stmt) {
      stmt = this.sqlite.prepare(c.sql);
      const names = stmt.columns().map((col) => col.name);
      if (names.join('\u0000') !== columns.join('\u0000')) throw new Error(`tuples(): the query returns [${names.join(', ')}], not [${columns.join(', ')}]`);
      stmt.raw(true);
      this.tupleCache.set(c.sql, stmt);
    }
    return many(stmt, c.parameters);
  }

  first<R>(query: Query<R>): R | undefined {
    const c = compiled(query);
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(query: Query<unknown>): Database.RunResult {
    const c = compiled(query);
    return this.prepare(c.sql).run(...(c.parameters as unknown[]));
  }
}
