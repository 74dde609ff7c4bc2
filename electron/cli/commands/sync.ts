import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../core/core';
import { databasePath } from '../../core/db/connection';
import { CentralStore } from '../../core/central/store';
import { exportBundle, importBundle, importReply } from '../../core/sync/bundle';
import { enroll, OfficeSync, syncStatus } from '../../core/sync/office';
import { dataDirFrom, parse, required, UsageError } from '../args';

export const usage =
  'sync enroll --data DIR --central URL --code KODE | sync run --data DIR [--batch-rows N] | sync status --data DIR [--json] | ' +
  'sync export-bundle --data DIR --out FILE | sync import-reply --data DIR FILE | sync import-bundle --data DIR (pusat) FILE --out BALASAN';

function openOffice(dataDir: string): Core {
  if (!fs.existsSync(databasePath(dataDir))) throw new UsageError(`Tidak ada basis data Kinerja di ${dataDir}. Periksa opsi --data.`);
  return Core.open({ dataDir });
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'enroll': {
      const { values } = parse(rest, { data: { type: 'string' }, central: { type: 'string' }, code: { type: 'string' } });
      const core = openOffice(dataDirFrom(values.data));
      try {
        const r = await enroll(core, { centralUrl: required(values.central, 'central'), code: required(values.code, 'code') });
        console.log(`Terdaftar di ${r.centralName} sebagai "${r.officeName}".`);
        return 0;
      } finally {
        core.close();
      }
    }
    case 'run': {
      const { values } = parse(rest, { data: { type: 'string' }, 'batch-rows': { type: 'string' } });
      // Smaller batches for a poor line (each batch is one request and one transaction at the central).
      const batchRows = values['batch-rows'] === undefined ? undefined : Number(values['batch-rows']);
      if (batchRows !== undefined && (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 2000)) throw new UsageError('--batch-rows harus bilangan bulat 1 sampai 2.000.');
      const core = openOffice(dataDirFrom(values.data));
      try {
        const sync = new OfficeSync(core, {
          batchRows,
          onProgress: (p) => (p.phase === 'push' || p.phase === 'baseline') && process.stderr.write(`\r${p.phase === 'push' ? 'Mengirim' : 'Data awal'} ${p.done}/${p.total} perubahan`),
        });
        const r = await sync.run().catch((err: unknown) => {
          console.error(`\nGagal: ${sync.describe(err)}`);
          return null;
        });
        if (!r) return 1;
        if (r.pushed > 0) process.stderr.write('\n');
        if (r.notice) console.log(r.notice);
        console.log(`Dikirim ${r.pushed}, diambil ${r.pulled}, diperbaiki ${r.repaired}, berkas ${r.files}. ${r.message}`);
        // Exit 0 only when both ends provably hold the same rows.
        return r.digestsEqual ? 0 : 1;
      } finally {
        core.close();
      }
    }
    case 'status': {
      const { values } = parse(rest, { data: { type: 'string' }, json: { type: 'boolean', default: false } });
      const core = openOffice(dataDirFrom(values.data));
      try {
        const s = syncStatus(core);
        if (values.json) console.log(JSON.stringify(s, null, 2));
        else {
          console.log(`Server pusat : ${s.centralUrl ?? '-'}${s.centralName ? ` (${s.centralName})` : ''}`);
          console.log(`Keadaan      : ${s.stateText}`);
          console.log(`Terakhir berhasil: ${s.lastSuccessAt ?? 'belum pernah'}`);
          if (s.skewText) console.log(`Peringatan   : ${s.skewText}`);
          if (s.notice) console.log(`Catatan      : ${s.notice}`);
          if (s.rejects.length > 0) console.log(`Ditolak pusat: ${s.rejects.length} perubahan`);
        }
        return s.state === 'tersinkron' ? 0 : 1;
      } finally {
        core.close();
      }
    }
    case 'export-bundle': {
      const { values } = parse(rest, { data: { type: 'string' }, out: { type: 'string' } });
      const core = openOffice(dataDirFrom(values.data));
      try {
        const out = path.resolve(required(values.out, 'out'));
        const b = exportBundle(core);
        fs.writeFileSync(out, b.file);
        console.log(`Bundel ditulis ke ${out}: ${b.rows} perubahan dalam ${b.batches} kiriman.`);
        return 0;
      } finally {
        core.close();
      }
    }
    case 'import-reply': {
      const { values, positionals } = parse(rest, { data: { type: 'string' } });
      const core = openOffice(dataDirFrom(values.data));
      try {
        const r = importReply(core, fs.readFileSync(required(positionals[0], 'FILE (berkas balasan)')));
        console.log(`Balasan diimpor: ${r.acked} kiriman diakui, ${r.reference} data rujukan.`);
        for (const e of r.errors) console.error(e);
        return r.errors.length === 0 ? 0 : 1;
      } finally {
        core.close();
      }
    }
    case 'import-bundle': {
      const { values, positionals } = parse(rest, { data: { type: 'string' }, out: { type: 'string' }, 'database-url': { type: 'string' } });
      const store = await CentralStore.open({ dataDir: dataDirFrom(values.data), databaseUrl: values['database-url'] });
      try {
        const r = await importBundle(store, fs.readFileSync(required(positionals[0], 'FILE (bundel kantor)')));
        const out = path.resolve(required(values.out, 'out'));
        fs.writeFileSync(out, r.reply);
        console.log(`Bundel ${r.officeName} diimpor: ${r.acks} kiriman, ${r.applied} baris diterapkan. Balasan: ${out}`);
        for (const e of r.errors) console.error(e);
        return r.errors.length === 0 ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    default:
      throw new UsageError(`Sub-perintah sync yang dikenal: enroll, run, status, export-bundle, import-reply, import-bundle.`);
  }
}
