import { Core } from '../../core/core';
import { dispatch } from '../../core/dispatch';
import { dataDirFrom, parse, required } from '../args';

export const usage = 'init --data DIR --office-name NAMA --admin-nip NIP --admin-name NAMA --admin-password SANDI [--office-code KODE]';

/** Headless first-run setup: the same `setup.create` command the first-run screen calls. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    'office-name': { type: 'string' },
    'office-code': { type: 'string' },
    'admin-nip': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password': { type: 'string' },
  });
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const { result } = dispatch(
      core,
      'setup.create',
      {
        officeName: required(values['office-name'], 'office-name'),
        officeCode: values['office-code'],
        adminNip: required(values['admin-nip'], 'admin-nip'),
        adminName: required(values['admin-name'], 'admin-name'),
        adminPassword: required(values['admin-password'], 'admin-password'),
      },
      { transport: 'cli', requireCsrf: false },
    );
    const r = result as { officeId: string };
    console.log(`Kantor "${values['office-name']}" disiapkan (ID ${r.officeId}).`);
    console.log(`Administrator (Pengelola Kinerja) dapat masuk dengan NIP ${values['admin-nip']}.`);
    return 0;
  } finally {
    core.close();
  }
}
