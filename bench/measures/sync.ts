import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../electron/core/audit/chain';
import { CentralStore, writeCentralConfig } from '../../electron/core/central/store';
import { Core } from '../../electron/core/core';
import { RecordWriter } from '../../electron/core/db/records';
import { listReplicatedTables } from '../../electron/core/db/replicated';
import { enroll, OfficeSync } from '../../electron/core/sync/office';
import { HttpTransport } from '../../electron/core/sync/transport';
import { registerSyncRoutes } from '../../electron/server/sync';
import { findPgBin, startPgCluster } from '../../tests/sync/postgres';
import type { Dataset } from '../lib/data';
import { summarize } from '../lib/stats';
import type { Measure } from '../lib/types';

/**
 * docs/sync.md's goals: the first sync of the synthetic office year to a loopback central (SQLite,
 * and PostgreSQL where its binaries exist), against the raw rate of inserting the same rows into
 * SQLite with prepared statements in one transaction; then an increment of 100 changes. Runs on a
 * copy of the office database, so the dataset stays unsent for the other measures.
 */
export async function syncMeasures(d: Dataset, root: string, label: string, increments: number, options: { postgres?: boolean } = {}): Promise<Measure[]> {
  const out: Measure[] = [];
  const first = await firstSync(d, root, label, null, increments);
  out.push(...first);
  if (options.postgres !== false && findPgBin()) {
    const pg = await startPgCluster();
    try {
      pg.createDatabase('bench_central');
      out.push(...(await firstSync(d, root, label, pg.url('bench_central'), 0)).filter((m) => m.id === 'sync.first').map((m) => ({ ...m, id: 'sync.first.pg', title: `${m.title} (PostgreSQL)` })));
    } finally {
      pg.stop();
    }
  } else {
    out.push({ id: 'sync.first.pg', title: 'Sinkronisasi pertama ke pusat (PostgreSQL)', scale: label, unit: 'ms', status: 'pending', note: 'PostgreSQL tidak terpasang' });
  }
  return out;
}

async function firstSync(d: Dataset, root: string, label: string, databaseUrl: string | null, increments: number): Promise<Measure[]> {
  const tag = databaseUrl ? 'pg' : 'sqlite';
  const officeDir = path.join(root, `sync-office-${tag}`);
  const centralDir = path.join(root, `sync-central-${tag}`);
  fs.mkdirSync(officeDir, { recursive: true });
  d.core.sqlite.exec(`VACUUM INTO '${path.join(officeDir, 'kinerja.db')}'`);
  const office = Core.open({ dataDir: officeDir, beforeMigrate: null });
  writeCentralConfig(centralDir, { name: 'BKPSDM Bench', databaseUrl });
  const store = await CentralStore.open({ dataDir: centralDir });
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  await registerSyncRoutes(app, store);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const { enrolmentCode } = await store.addOffice({ name: 'Kantor Bench' });
    await enroll(office, { centralUrl: url, code: enrolmentCode });
    // The synthetic year is seeded mostly without change_log rows: the first sync then carries most
    // rows by the digest repair, which is what an office enrolling with a year of history does.
    const rows = listReplicatedTables().reduce((n, t) => n + (office.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n, 0);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const t0 = performance.now();
    const r = await new OfficeSync(office, { transport: new HttpTransport(url, { timeoutMs: 300_000 }) }).run();
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const rawMs = rawInsert(office, root, tag);
    const measures: Measure[] = [
      {
        id: 'sync.first',
        title: 'Sinkronisasi pertama tahun kantor ke pusat loopback (dorong, berkas, tarik, sidik)',
        scale: label,
        unit: 'ms',
        handler: summarize([ms]),
        raw: summarize([rawMs]),
        ratio: { median: rawMs / ms, p95: rawMs / ms },
        value: ms,
        extra: { rows, digestsEqual: r.digestsEqual, rowsPerSecond: Math.round(rows / (ms / 1000)), rawRowsPerSecond: Math.round(rows / (rawMs / 1000)), peakRssMB: Math.round(peakRss / 1048576), store: tag },
        status: r.digestsEqual ? 'ok' : 'error',
      },
    ];
    if (increments > 0) {
      const times: number[] = [];
      for (let i = 0; i < increments; i++) {
        changeHundred(office);
        const t = performance.now();
        await new OfficeSync(office, { transport: new HttpTransport(url) }).run();
        times.push(performance.now() - t);
      }
      measures.push({ id: 'sync.increment', title: 'Sinkronisasi 100 perubahan (pulang-pergi penuh)', scale: label, unit: 'ms', handler: summarize(times), status: 'ok' });
    }
    return measures;
  } finally {
    await app.close();
    await store.close();
    office.close();
  }
}

/** 100 employee edits through the record writer, as commands would make them. */
function changeHundred(core: Core): void {
  const ids = core.sqlite.prepare('SELECT id FROM employees WHERE deleted_at IS NULL ORDER BY random() LIMIT 100').all() as { id: string }[];
  const nowIso = core.now().toISOString();
  const writer = new RecordWriter(core, () => core.officeId()!, nowIso);
  core.sqlite.transaction(() => {
    for (const { id } of ids) writer.update('employees', id, { phone: `08${Math.floor(Math.random() * 1e9)}` });
    appendAudit(core, { at: nowIso, actorUserId: null, actorNip: null, actorName: 'bench', command: 'bench.sync', recordTable: null, recordId: null, before: null, after: null });
  })();
}

/** The raw baseline: the same rows inserted into an empty SQLite table in one transaction. */
function rawInsert(office: Core, root: string, tag: string): number {
  const db = new Database(path.join(root, `sync-raw-${tag}-${uuidv7()}.db`));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE rows (id TEXT PRIMARY KEY, office_id TEXT, table_name TEXT, version INTEGER, hlc TEXT, data TEXT)');
  const insert = db.prepare('INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  db.transaction(() => {
    for (const table of listReplicatedTables()) {
      for (const r of office.sqlite.prepare(`SELECT * FROM "${table}"`).iterate() as IterableIterator<Record<string, unknown> & { id: string; office_id: string; version: number; hlc: string }>) {
        insert.run(r.id, r.office_id, table, r.version, r.hlc, JSON.stringify(r));
      }
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}
