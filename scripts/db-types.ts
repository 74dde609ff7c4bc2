/**
 * `npm run db:types`: migrates a fresh in-memory database and writes the schema types the code
 * compiles against (electron/core/db/schema.generated.ts). Run it after adding a migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchemaTypes, migratedMemoryDatabase } from '../electron/core/db/codegen';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'electron', 'core', 'db', 'schema.generated.ts');
const sqlite = migratedMemoryDatabase();
const text = generateSchemaTypes(sqlite);
sqlite.close();
const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
if (before === text) {
  console.log(`${path.relative(process.cwd(), target)} is up to date.`);
} else {
  fs.writeFileSync(target, text);
  console.log(`Wrote ${path.relative(process.cwd(), target)}.`);
}
