import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { CentralStore, writeCentralConfig } from '../../electron/core/central/store';
import { listReplicatedTables } from '../../electron/core/db/replicated';
import { enroll, OfficeSync, type OfficeSyncOptions } from '../../electron/core/sync/office';
import { HttpTransport } from '../../electron/core/sync/transport';
import { registerSyncRoutes } from '../../electron/server/sync';
import { makeOffice, type Office, type TestClock } from '../helpers';
import { makeTempDir } from '../helpers/tempdir';

export type StoreKind = 'sqlite' | 'postgres';

/** A central on a real port: its store (SQLite file or PostgreSQL database) behind the real routes. */
export class TestCentral {
  store!: CentralStore;
  private app: FastifyInstance | null = null;
  port = 0;

  constructor(
    readonly dir: string,
    readonly clock: TestClock,
    readonly databaseUrl: string | null,
  ) {}

  static async start(clock: TestClock, databaseUrl: string | null = null): Promise<TestCentral> {
    const dir = makeTempDir('kinerja-central-');
    writeCentralConfig(dir, { name: 'BKPSDM Kota Langsa', databaseUrl });
    const c = new TestCentral(dir, clock, databaseUrl);
    await c.open();
    await c.store.setMeta('name', 'BKPSDM Kota Langsa');
    return c;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async open(): Promise<void> {
    this.store = await CentralStore.open({ dataDir: this.dir, now: () => this.clock.now().getTime() });
    const app = Fastify({ logger: false });
    await registerSyncRoutes(app, this.store);
    await app.listen({ port: this.port, host: '127.0.0.1' });
    this.port = (app.server.address() as AddressInfo).port;
    this.app = app;
  }

  /** Stops the HTTP server and the store (a central restart keeps its port). */
  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
    await this.store.close();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.open();
  }

  async enrol(office: Office, name: string): Promise<void> {
    const { enrolmentCode } = await this.store.addOffice({ name });
    await enroll(office.core, { centralUrl: this.url, code: enrolmentCode });
  }

  /** Every replicated row of one office as the central holds it, by table, sorted by id. */
  async rowsOf(officeId: string): Promise<Record<string, Record<string, unknown>[]>> {
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const table of listReplicatedTables()) out[table] = normalise(await this.store.ownRows(officeId, table, '', 10_000_000));
    return out;
  }
}

export function officeRows(office: Office): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of listReplicatedTables()) {
    out[table] = normalise(office.core.sqlite.prepare(`SELECT * FROM "${table}" WHERE office_id = ? ORDER BY id`).all(office.officeId) as Record<string, unknown>[]);
  }
  return out;
}

/** Rows compared by value: numbers as numbers, column order irrelevant. */
function normalise(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows
    .map((r) => Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]])))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

export function newOffice(clock: TestClock, name: string, code: string): Office {
  return makeOffice({ clock, setup: { officeName: name, officeCode: code } });
}

export function syncer(office: Office, central: TestCentral, options: OfficeSyncOptions = {}): OfficeSync {
  return new OfficeSync(office.core, { transport: new HttpTransport(central.url), ...options });
}

export { makeTempDir };
