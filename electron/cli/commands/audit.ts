import fs from 'node:fs';
import { Core } from '../../core/core';
import { databasePath } from '../../core/db/connection';
import { verifyAuditChain } from '../../core/audit/chain';
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
    const result = verifyAuditChain(core);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  } finally {
    core.close();
  }
}
