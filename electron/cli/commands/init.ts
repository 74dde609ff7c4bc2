import { makeAdminPusat } from '../../core/central/setup';
import { CentralStore, readCentralConfig, writeCentralConfig } from '../../core/central/store';
import { Core } from '../../core/core';
import { dispatch } from '../../core/dispatch';
import { dataDirFrom, parse, required, UsageError } from '../args';

export const usage =
  'init --data DIR --office-name NAMA --admin-nip NIP --admin-name NAMA --admin-password SANDI [--office-code KODE] [--central [--database-url postgres://...]]';

/** Headless first-run setup: the same `setup.create` command the first-run screen calls. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    'office-name': { type: 'string' },
    'office-code': { type: 'string' },
    'admin-nip': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password': { type: 'string' },
    central: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  });
  const dataDir = dataDirFrom(values.data);
  const databaseUrl = values['database-url'] || process.env.KINERJA_DATABASE_URL || null;
  if (databaseUrl && !values.central) throw new UsageError('--database-url hanya untuk server pusat (--central).');
  if (values.central && readCentralConfig(dataDir)) throw new UsageError(`${dataDir} sudah berisi server pusat.`);
  const core = Core.open({ dataDir });
  try {
    const officeName = required(values['office-name'], 'office-name');
    const { result } = dispatch(
      core,
      'setup.create',
      {
        officeName,
        officeCode: values['office-code'],
        adminNip: required(values['admin-nip'], 'admin-nip'),
        adminName: required(values['admin-name'], 'admin-name'),
        adminPassword: required(values['admin-password'], 'admin-password'),
      },
      { transport: 'cli', requireCsrf: false },
    );
    const r = result as { officeId: string; adminUserId: string };
    if (values.central) {
      // The central's own database holds its accounts (Admin Pusat) and audit trail; the offices'
      // rows go to the central store (central.db here, or PostgreSQL), remembered in central.json.
      writeCentralConfig(dataDir, { name: officeName, databaseUrl });
      const store = await CentralStore.open({ dataDir, databaseUrl });
      try {
        await store.setMeta('name', officeName);
      } finally {
        await store.close();
      }
      makeAdminPusat(core, r.adminUserId, r.officeId);
      console.log(`Server pusat "${officeName}" disiapkan${databaseUrl ? ' (PostgreSQL)' : ` (SQLite di ${dataDir})`}.`);
      console.log(`Admin Pusat dapat masuk dengan NIP ${values['admin-nip']}. Jalankan: kinerja serve --central --data ${dataDir}`);
      return 0;
    }
    console.log(`Kantor "${values['office-name']}" disiapkan (ID ${r.officeId}).`);
    console.log(`Administrator (Pengelola Kinerja) dapat masuk dengan NIP ${values['admin-nip']}.`);
    return 0;
  } finally {
    core.close();
  }
}
