import { CentralStore } from '../../core/central/store';
import { dataDirFrom, parse, required, UsageError } from '../args';

export const usage =
  'central add-office --data DIR --name NAMA [--code KODE] | central offices --data DIR [--json] | central revoke --data DIR --office NAMA | ' +
  'central rotate --data DIR --office NAMA | central publish --data DIR --kind org_rating|calendar|announcement --json DATA [--office NAMA] | central person --data DIR --nip NIP';

const common = { data: { type: 'string' }, 'database-url': { type: 'string' } } as const;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parse(rest, {
    ...common,
    name: { type: 'string' },
    code: { type: 'string' },
    office: { type: 'string' },
    kind: { type: 'string' },
    json: { type: 'string' },
    nip: { type: 'string' },
  });
  const store = await CentralStore.open({ dataDir: dataDirFrom(values.data), databaseUrl: values['database-url'] });
  try {
    switch (sub) {
      case 'add-office': {
        const r = await store.addOffice({ name: required(values.name, 'name'), code: values.code });
        console.log(`Kantor "${values.name}" didaftarkan. Kode pendaftaran (sekali pakai, berlaku 24 jam):`);
        console.log(r.enrolmentCode);
        return 0;
      }
      case 'offices': {
        const list = await store.listOffices();
        if (values.json !== undefined) console.log(JSON.stringify(list, null, 2));
        else for (const o of list) console.log(`${o.name}\t${o.status}\tterakhir ${o.lastSyncAt ? new Date(o.lastSyncAt).toISOString() : '-'}\tmenunggu ${o.pending}\tsidik ${o.digestEqual === null ? '-' : o.digestEqual ? 'sama' : 'beda'}${o.silent ? '\tSENYAP > 7 hari' : ''}`);
        return 0;
      }
      case 'revoke':
        await store.revoke(required(values.office, 'office'));
        console.log(`Pendaftaran kantor "${values.office}" dicabut.`);
        return 0;
      case 'rotate': {
        const r = await store.rotate(required(values.office, 'office'));
        console.log(`Kunci kantor "${values.office}" diganti; kantor mendaftar ulang dengan kode:`);
        console.log(r.enrolmentCode);
        return 0;
      }
      case 'publish': {
        const kind = required(values.kind, 'kind');
        if (kind !== 'org_rating' && kind !== 'calendar' && kind !== 'announcement') throw new UsageError('--kind harus org_rating, calendar atau announcement.');
        const office = values.office ? (await store.listOffices()).find((o) => o.name === values.office || o.id === values.office) : null;
        if (values.office && !office?.officeId) throw new UsageError(`Kantor "${values.office}" tidak dikenal atau belum mendaftar.`);
        const r = await store.publishReference({ kind, officeId: office?.officeId ?? null, data: JSON.parse(required(values.json, 'json')) as Record<string, unknown> });
        console.log(`Diterbitkan (revisi ${r.rev}).`);
        return 0;
      }
      case 'person': {
        console.log(JSON.stringify(await store.personHistory(required(values.nip, 'nip')), null, 2));
        return 0;
      }
      default:
        throw new UsageError('Sub-perintah central yang dikenal: add-office, offices, revoke, rotate, publish, person.');
    }
  } finally {
    await store.close();
  }
}
