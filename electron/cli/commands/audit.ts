import { Core } from '../../core/core';
import { verifyAuditChain } from '../../core/audit/chain';
import { dataDirFrom, parse, UsageError } from '../args';

export const usage = 'audit verify --data DIR';

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new UsageError(`Sub-perintah audit yang dikenal: verify. Penggunaan: ${usage}`);
  const { values } = parse(rest, { data: { type: 'string' } });
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const result = verifyAuditChain(core);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  } finally {
    core.close();
  }
}
