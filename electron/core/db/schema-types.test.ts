import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, migratedMemoryDatabase } from './codegen';
import { listReplicatedTables } from './replicated';

const committedFile = path.join(__dirname, 'schema.generated.ts');

function generate(extraSql?: string): string {
  const sqlite = migratedMemoryDatabase(extraSql);
  try {
    return generateSchemaTypes(sqlite);
  } finally {
    sqlite.close();
  }
}

describe('generated schema types', () => {
  it('match the migrations (run `npm run db:types` after adding a migration, then commit both)', () => {
    expect(generate()).toBe(fs.readFileSync(committedFile, 'utf8'));
  });

  it('drift when a migration renames a column, so the check can fail', () => {
    const renamed = generate('ALTER TABLE skps RENAME COLUMN return_note TO return_reason;');
    expect(renamed).not.toBe(fs.readFileSync(committedFile, 'utf8'));
    expect(renamed).toContain('return_reason: string | null;');
    expect(renamed).not.toContain('return_note:');
  });

  it('carry CHECK value sets as unions and defaults as Generated', () => {
    const text = generate();
    expect(text).toContain("status: 'draf' | 'diajukan' | 'dikembalikan' | 'disetujui';");
    expect(text).toContain("kind: Generated<'PNS' | 'PPPK'>;");
    expect(text).toContain('seq: Generated<number>;');
  });

  it('name as replicated exactly the tables with the replicated columns', () => {
    const replicated = listReplicatedTables();
    expect(replicated).toContain('skps');
    expect(replicated).toContain('assignments');
    expect(replicated).toContain('units');
    for (const local of ['users', 'sessions', 'meta', 'change_log', 'audit_log', 'schema_migrations']) expect(replicated).not.toContain(local);
    const withNewTable = generate(
      'CREATE TABLE notes (id TEXT PRIMARY KEY, office_id TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, hlc TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, deleted_at TEXT);',
    );
    expect(withNewTable).toMatch(/replicatedTableNames = \[[^\]]*'notes'/);
  });
});
