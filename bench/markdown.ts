import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './lib/report';
import type { BenchResult } from './lib/types';

/** `npx tsx bench/markdown.ts [FILE]`: the results table and goals as Markdown, for docs/performance.md. */
const file = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
const r = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult;
const m = r.machine;
console.log(`Run ${r.startedAt} (${r.mode}, seed ${r.seed}, ${r.seconds} s): ${m.cpuModel}, ${m.cores} cores, ${m.memoryMB} MB, ${m.platform}, Node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}), nice ${m.nice}; load average ${m.loadAverage.start.join('/')} -> ${m.loadAverage.end?.join('/')}, CPU pressure ${m.cpuPressure.start}% -> ${m.cpuPressure.end}%.`);
console.log('');
for (const [name, d] of Object.entries(r.datasets)) console.log(`- ${name}: ${d.employees} employees, ${d.offices} OPD, ${d.cadence}, ${d.rows} year rows, ${d.dbMB} MB, seeded in ${d.seedSeconds} s`);
console.log('');
console.log(markdownTable(r));
console.log('');
for (const g of r.goals) console.log(`- ${g.met === true ? 'met' : g.met === false ? '**missed**' : 'n/a'}: ${g.text} — measured ${g.actual ?? '-'}${g.note ? ` (${g.note})` : ''}`);
