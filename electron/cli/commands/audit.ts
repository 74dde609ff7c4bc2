import fs from 'node:fs';
import { Core } from '../../core/core';
import { databasePath } from '../../core/db/connection';
import { verifyAudit } from '../../core/audit/verify';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'audit verify --data DIR';

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new UsageError(`Sub-perintah audit yang dikenal: verify. Penggunaan: ${usage}`);
  const { values } = parse(rest, { data: { type: 'string' } });
  const dataDir = dataDirFrom(values.data);
  // Verifying a folder that holds no database must not quietly create one and call it intact.
  if (!fs.existsSync(databasePath(dataDir))) {
    console.error(`Tidak ada basis data Kinerja di ${dataDir}. Periksa opsi --data.`);
    return 1;
  }
  const core = Core.open({ dataDir });
  try {
    const report = verifyAudit(core);
    if (report.ok) {
      console.log(report.message);
      return 0;
    }
    // Every finding on its own line (table, row and field, or the audit row), for the record.
    console.error(`Jejak audit TIDAK utuh: ${report.findingsTotal} temuan.`);
    for (const f of report.findings) console.error(`- ${f.message}`);
    if (report.findingsTotal > report.findings.length) console.error(`- ... dan ${report.findingsTotal - report.findings.length} temuan lainnya.`);
    return 1;
  } finally {
    core.close();
  }
}
