import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No `as` cast on a query result in electron/core: a read goes through a Kysely builder or a typed
 * `sql` template run by `core.q` (db/query.ts), whose result type comes from the generated schema.
 * Files not yet converted are listed with how many casts they still hold. The list only shrinks:
 * a file over its count, a new file with a cast, or a count higher than the file now needs (lower
 * it after converting) all fail.
 */
const notYetConverted: Record<string, number> = {
  'backup/database-file.ts': 3,
  'central/shapes.ts': 1,
  'db/codegen.ts': 2,
  'db/migrate.ts': 1,
  'db/query.ts': 2,
  'db/records.ts': 3,
  'evaluation/seed.ts': 6,
  'people/history.ts': 6,
  'people/import.ts': 4,
  'people/queries.ts': 5,
  'people/service.ts': 2,
  'people/source.ts': 14,
  'seed/demo.ts': 1,
  'seed/synthetic-year.ts': 4,
  'seed/synthetic.ts': 3,
  'skp/seed.ts': 1,
  'sync/local.ts': 4,
};

const coreDir = path.join(__dirname, '..');
// `.get(...) as T`, `.all(...) as T[]`, `.first(...) as T` (one level of nested parentheses in the arguments).
const castOnResult = /\.(?:get|all|first)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*as\s+(?!const\b)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

function castCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of sourceFiles(coreDir)) {
    const n = (fs.readFileSync(file, 'utf8').match(castOnResult) ?? []).length;
    if (n > 0) counts[path.relative(coreDir, file).split(path.sep).join('/')] = n;
  }
  return counts;
}

describe('query results in electron/core', () => {
  it('are typed, not cast (the allow-list of files not yet converted only shrinks)', () => {
    const counts = castCounts();
    const over = Object.entries(counts).filter(([file, n]) => n > (notYetConverted[file] ?? 0));
    expect(over, 'casts on query results beyond the allow-list: use ctx.core.q with a Kysely builder or sql template').toEqual([]);
    const stale = Object.entries(notYetConverted).filter(([file, n]) => (counts[file] ?? 0) < n);
    expect(stale, 'the allow-list is higher than needed: lower these counts (or remove the file)').toEqual([]);
  });

  it('counts a cast on a raw statement, so the check can fail', () => {
    const sample = "const row = core.q.prepare('SELECT 1').get(id) as { n: number };";
    expect(sample.match(castOnResult)?.length).toBe(1);
    expect('q.first(db.selectFrom("units").selectAll())'.match(castOnResult)).toBeNull();
  });
});
