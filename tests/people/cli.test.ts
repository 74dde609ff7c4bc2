import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './fixture';

/** The command line as an admin uses it: `npm run kinerja -- <command>`. */
function kinerja(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['electron/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

afterAll(() => removeTempDirs());

describe('kinerja seed / export / import employees', () => {
  it('exports the list with NIP as text, and re-importing the same file changes nothing; a bad row stops the whole import', async () => {
    const data = tempDir();
    const seeded = kinerja('seed', '--synthetic', '--employees', '120', '--data', data);
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toMatch(/120 pegawai/);

    const out = path.join(data, 'ekspor', 'pegawai.xlsx');
    const exported = kinerja('export', 'employees', '--data', data, '--out', out);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/120 pegawai diekspor/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Pegawai')!;
    expect(ws.rowCount).toBe(121);
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);

    const again = kinerja('import', 'employees', '--data', data, out);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/0 pegawai baru, 0 diperbarui, 120 tidak berubah/);

    // One broken NIP in row 5 of a CSV: the report names it, nothing is imported.
    const csv = path.join(data, 'baru.csv');
    const lines = ['NIP;Nama;Golongan Ruang'];
    for (let i = 1; i <= 6; i++) lines.push(`19900101201501${i % 2 ? 1 : 2}${String(900 + i).padStart(3, '0')};Pegawai CSV ${i};III/a`);
    lines[4] = '19900101201513 1 904;Pegawai CSV 4;III/a';
    fs.writeFileSync(csv, lines.join('\r\n'));
    const bad = kinerja('import', 'employees', '--data', data, csv);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/baris 5, kolom NIP: NIP tidak valid: bulan TMT CPNS/);
    expect(bad.err).toMatch(/tidak ada data yang diimpor/);
    const check = kinerja('export', 'employees', '--data', data, '--out', out);
    expect(check.out).toMatch(/120 pegawai diekspor/);
  }, 180_000);
});
