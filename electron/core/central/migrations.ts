import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { officeTableShapes, type ColumnKind } from './shapes';

/**
 * The central's migrations, written once with Kysely's schema builder so the same code creates the
 * store on SQLite and on PostgreSQL. Never edit a released one: add the next.
 */
export const centralMigrations: Record<string, Migration> = {
  '0001_central': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('central_meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
      await db.schema
        .createTable('central_offices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('office_id', 'text', (c) => c.unique())
        .addColumn('secret', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('enrol_code_hash', 'text')
        .addColumn('enrol_expires_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('enrolled_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('epoch', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('high_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('high_hash', 'text', (c) => c.notNull())
        .addColumn('high_change_id', 'text')
        .addColumn('max_hlc', 'text')
        .addColumn('last_sync_at', 'bigint')
        .addColumn('app_version', 'text')
        .addColumn('protocol', 'integer')
        .addColumn('pending', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('clock_skew_ms', 'bigint')
        .addColumn('digest_equal', 'integer')
        .addColumn('digest_at', 'bigint')
        .addColumn('audit_seq', 'bigint')
        .addColumn('audit_hash', 'text')
        .addColumn('audit_keyed', 'text')
        .addColumn('audit_at', 'bigint')
        .execute();
      await db.schema
        .createTable('central_batches')
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('central_batches_pk', ['office_id', 'batch_id'])
        .execute();
      await db.schema
        .createTable('central_nonces')
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('central_nonces_pk', ['office_id', 'nonce'])
        .execute();
      await db.schema.createIndex('central_nonces_at').on('central_nonces').column('at').execute();
      await db.schema
        .createTable('central_rejects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('change_id', 'text', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('row_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('central_rejects_office').on('central_rejects').column('office_id').execute();
      await db.schema
        .createTable('central_files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('central_reference')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('office_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('rev', 'bigint', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('central_reference_rev').on('central_reference').column('rev').execute();
    },
  },
  '0002_central_digests': {
    // Digests kept current in the apply transaction, so a sync compares numbers instead of hashing
    // an office's year. An office without a `digest_ready:<office>` meta row is recounted once.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('central_digests')
        .addColumn('office_id', 'text', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addColumn('sum', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('central_digests_pk', ['office_id', 'table_name', 'bucket'])
        .execute();
    },
  },
};

const sqlType: Record<ColumnKind, 'text' | 'bigint' | 'double precision'> = { text: 'text', integer: 'bigint', real: 'double precision' };

/**
 * Brings the offices' replicated tables to this version's office shapes: creates missing tables and
 * adds missing columns (an office migration only ever adds). Runs after the migrations on every
 * open, idempotent, on both stores.
 */
export async function reconcileOfficeTables(db: Kysely<unknown>): Promise<void> {
  const existing = new Map((await db.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  for (const shape of officeTableShapes()) {
    const have = existing.get(shape.name);
    if (!have) {
      let create = db.schema.createTable(shape.name);
      for (const col of shape.columns) {
        create = create.addColumn(col.name, sqlType[col.kind], (c) => (col.name === 'id' ? c.primaryKey() : col.name === 'office_id' ? c.notNull() : c));
      }
      await create.execute();
      await db.schema.createIndex(`${shape.name}_central_office`).on(shape.name).columns(['office_id', 'id']).execute();
      if (shape.columns.some((c) => c.name === 'nip')) await db.schema.createIndex(`${shape.name}_central_nip`).on(shape.name).column('nip').execute();
      continue;
    }
    for (const col of shape.columns) {
      if (!have.has(col.name)) await db.schema.alterTable(shape.name).addColumn(col.name, sqlType[col.kind]).execute();
    }
  }
}
