import type Database from 'better-sqlite3';
import type { Compilable, CompiledQuery, RawBuilder } from 'kysely';
import { queryBuilder } from './connection';

/** A Kysely builder chain, or a typed `sql` template (its declared row type is the result's). */
export type Query<R> = Compilable<R> | RawBuilder<R>;

function compiled<R>(query: Query<R>): CompiledQuery<R> {
  return 'isRawBuilder' in query ? query.compile(queryBuilder) : query.compile();
}

/**
 * Executes Kysely-built queries on better-sqlite3 with a prepared-statement cache: the SQL text of
 * a builder chain (or of a `sql` template) is stable, so each distinct query is prepared once per
 * connection.
 */
export class QueryRunner {
  private readonly cache = new Map<string, Database.Statement>();

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
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
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
