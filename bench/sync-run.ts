import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateGoals } from './goals';
import { benchRoot, buildDataset } from './lib/data';
import { syncMeasures } from './measures/sync';

/**
 * Only the sync measures, on an office of any size: `npx tsx bench/sync-run.ts [--employees 300]
 * [--increments 5] [--no-pg]`. For working on sync without the whole bench (`npm run bench` runs
 * the same measures at 2,000 staff).
 */
const { values } = parseArgs({
  options: {
    employees: { type: 'string', default: '2000' },
    increments: { type: 'string', default: '5' },
    'no-pg': { type: 'boolean', default: false },
  },
  strict: true,
});

async function main(): Promise<void> {
  const employees = Number(values.employees);
  const root = benchRoot();
  try {
    const d = buildDataset(root, { name: 'office', employees, offices: 1, cadence: 'bulanan', seed: 7 }, (l) => console.log(l));
    console.log(`kantor ${employees} pegawai: ${d.rows.toLocaleString('id-ID')} baris tahun, ${d.dbMB.toFixed(0)} MB`);
    const measures = await syncMeasures(d, root, `kantor ${employees}`, Number(values.increments), { postgres: !values['no-pg'] });
    d.core.close();
    for (const m of measures) console.log(JSON.stringify({ id: m.id, status: m.status, median: m.handler?.median, p95: m.handler?.p95, ratio: m.ratio?.median, value: m.value, extra: m.extra, note: m.note }));
    for (const g of evaluateGoals(measures, employees >= 2000)) if (g.id.startsWith('sync')) console.log(`${g.met === true ? 'OK  ' : g.met === false ? 'MISS' : '-   '} ${g.id}: ${g.actual ?? '-'} (${g.text})`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
