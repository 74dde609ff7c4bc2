import type Database from 'better-sqlite3';
import type { Compilable } from 'kysely';

/**
 * Executes Kysely-built queries on better-sqlite3 with a prepared-statement cache: the SQL text of
 * a builder chain is stable, so each distinct query is prepared once per connection.
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

  all<R>(query: Compilable<R>): R[] {
    const c = query.compile();
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const c = query.compile();
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const c = query.compile();
    return this.prepare(c.sql).run(...(c.parameters as unknown[]));
  }
}
