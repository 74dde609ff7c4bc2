import { verifyAudit } from '../../electron/core/audit/verify';
import type { Dataset } from '../lib/data';
import { summarize } from '../lib/stats';
import type { Measure } from '../lib/types';

/**
 * `audit verify` over a whole database (docs/spec/operations.md §1): the chain, the anchor, the per-entry row digests
 * and every row of every audited table hashed and compared with what the trail last recorded.
 * One run is a full read of the database, so the plan asks for few.
 */
export function auditVerifyMeasure(d: Dataset, runs: number, label: string): Measure {
  const ms: number[] = [];
  const cpu: number[] = [];
  let report: ReturnType<typeof verifyAudit> | null = null;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    report = verifyAudit(d.core);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    id: 'audit.verify',
    title: 'Memeriksa keutuhan jejak audit dan seluruh data (audit verify)',
    scale: label,
    unit: 'ms',
    handler: summarize(ms, cpu),
    extra: { ok: report?.ok, auditEntries: report?.checked, rowsChecked: report?.rowsChecked, tables: report?.tablesChecked, findings: report?.findingsTotal, runs },
    status: report?.ok ? 'ok' : 'error',
    ...(report?.ok ? {} : { note: report?.message }),
  };
}
