import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportRow } from '../../shared/people/commands';
import { buildExport, parseEmployeeFile, parseCsvText } from '../../electron/core/people/excel';
import { PeopleOffice, removeTempDirs } from './fixture';
import { buildSmallOrg, nip } from './org-fixture';

let office: PeopleOffice;

afterEach(() => {
  office?.close();
  removeTempDirs();
});

function rows(n: number, from = 100): ImportRow[] {
  return Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    nip: nip(from + i, i % 2 ? 'P' : 'L'),
    name: `Pegawai Impor ${i + 1}`,
    golongan: 'II/c',
    unit: 'Subbagian Umum dan Kepegawaian',
    position: 'Pengadministrasi Perkantoran',
    positionStart: '2026-02-01',
  }));
}

function count(table: string): number {
  return (office.core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('employee import (JSON command)', () => {
  it('one bad NIP: the report names the row and column, and nothing is imported', () => {
    office = PeopleOffice.create();
    buildSmallOrg(office);
    const before = { employees: count('employees'), assignments: count('assignments'), changes: count('change_log'), audit: count('audit_log') };
    const input = rows(5);
    input[2] = { ...input[2]!, nip: '19860926 201513 1 001' };
    input[4] = { ...input[4]!, sex: 'P', nip: nip(300, 'L') };

    const preview = office.call('people.importPreview', { rows: input }, office.admin);
    expect(preview.ok).toBe(false);
    expect(preview.problems).toEqual([
      { row: 4, column: 'NIP', reason: expect.stringMatching(/bulan TMT CPNS/) },
      { row: 6, column: 'Jenis Kelamin', reason: expect.stringMatching(/tidak sesuai dengan NIP/) },
    ]);

    const err = office.fail('people.import', { rows: input }, office.admin);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/2 baris tidak valid; tidak ada data yang diimpor/);
    expect((err.details?.problems as unknown[]).length).toBe(2);
    // Not one of the three good rows was kept, and the preview left nothing behind either.
    expect({ employees: count('employees'), assignments: count('assignments'), changes: count('change_log'), audit: count('audit_log') }).toEqual(before);
  });

  it('a good file imports everyone with their position; importing it again updates by NIP instead of duplicating', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const input = rows(200);
    const preview = office.call('people.importPreview', { rows: input }, office.admin);
    expect(preview).toMatchObject({ ok: true, summary: { total: 200, create: 200, update: 0, assign: 200 } });
    const first = office.call('people.import', { rows: input }, office.admin).summary;
    expect(first).toMatchObject({ create: 200, update: 0, unchanged: 0, assign: 200 });
    const list = office.call('people.list', { q: 'Pegawai Impor', limit: 500, date: '2026-03-01' }, office.admin);
    expect(list.total).toBe(200);
    expect(list.items[0]).toMatchObject({ positionName: 'Pengadministrasi Perkantoran', unitName: 'Subbagian Umum dan Kepegawaian', golongan: 'II/c' });
    // Their appraiser is the Kasubbag, straight away.
    const someone = list.items[0]!.id;
    expect(office.call('people.appraisalChain', { employeeId: someone, date: '2026-03-01' }, office.admin).appraiser?.employeeId).toBe(org.people.kasubbag.id);

    const employeesBefore = count('employees');
    const again = office.call('people.import', { rows: input }, office.admin).summary;
    expect(again).toMatchObject({ create: 0, update: 0, unchanged: 200, assign: 0 });
    expect(count('employees')).toBe(employeesBefore);

    // A changed grade and a new position update the same people; the old assignment is ended.
    const changed = input.slice(0, 3).map((r) => ({ ...r, golongan: '2d', position: 'Analis Kurikulum', unit: 'Seksi Kurikulum', positionStart: '2026-07-01' }));
    const third = office.call('people.import', { rows: changed }, office.admin).summary;
    expect(third).toMatchObject({ create: 0, update: 3, assign: 3 });
    const moved = office.call('people.list', { q: changed[0]!.nip as string, date: '2026-07-02' }, office.admin).items[0]!;
    expect(moved).toMatchObject({ golongan: 'II/d', positionName: 'Analis Kurikulum' });
    const detail = office.call('people.get', { id: moved.id, date: '2026-07-02' }, office.admin);
    expect(detail.assignments.map((a) => [a.positionName, a.endDate])).toEqual([
      ['Analis Kurikulum', null],
      ['Pengadministrasi Perkantoran', '2026-06-30'],
    ]);
    expect(count('employees')).toBe(employeesBefore);
  });

  it('reports every kind of bad cell with its column, and rows that repeat a NIP', () => {
    office = PeopleOffice.create();
    buildSmallOrg(office);
    const bad: ImportRow[] = [
      // An 18-digit number as Excel stores it (its last digits are already lost).
      { row: 2, nip: Number('198609262015051001'), name: 'Angka Excel' },
      { row: 3, nip: '1.98609E+17', name: 'Notasi Ilmiah' },
      { row: 4, nip: nip(500), name: '' },
      { row: 5, nip: nip(501), name: 'Golongan Salah', golongan: 'V/f' },
      { row: 6, nip: nip(502), name: 'Unit Salah', unit: 'Bidang Tidak Ada', position: 'Staf' },
      { row: 7, nip: nip(503), name: 'Jabatan Pimpinan Baru', unit: 'Seksi Kurikulum', position: 'Kepala Seksi Baru', positionType: 'Pengawas' },
      { row: 8, nip: nip(504), name: 'Tanggal Salah', birthDate: '31-02-1985' },
      { row: 9, nip: nip(505), name: 'Ganda Pertama' },
      { row: 10, nip: nip(505), name: 'Ganda Kedua' },
      { row: 11, nip: nip(506), name: 'Status Salah', status: 'libur', email: 'bukan email' },
      { row: 12, nip: nip(507), name: 'Kepala Ganda', unit: 'Subbagian Umum dan Kepegawaian', position: 'Kepala Subbagian Umum dan Kepegawaian' },
    ];
    const r = office.call('people.importPreview', { rows: bad }, office.admin);
    const byRow = (row: number) => r.problems.filter((p) => p.row === row).map((p) => p.column);
    expect(byRow(2)).toEqual(['NIP']);
    expect(r.problems.find((p) => p.row === 2)?.reason).toMatch(/Format kolom NIP sebagai Teks/);
    expect(byRow(3)).toEqual(['NIP']);
    expect(byRow(4)).toEqual(['Nama']);
    expect(byRow(5)).toEqual(['Golongan Ruang']);
    expect(byRow(6)).toEqual(['Unit Kerja']);
    expect(byRow(7)).toEqual(['Jabatan']);
    expect(byRow(8)).toEqual(['Tanggal Lahir']);
    expect(byRow(9)).toEqual([]);
    expect(r.problems.find((p) => p.row === 10)?.reason).toMatch(/sama dengan baris 9/);
    expect(byRow(11).sort()).toEqual(['Email', 'Status']);
    // The managerial post is held by the Kasubbag already.
    expect(r.problems.find((p) => p.row === 12)).toMatchObject({ column: 'Jabatan', reason: expect.stringMatching(/dipegang secara definitif/) });
  });

  it('creates a missing staff position in the unit, reporting to the unit head', () => {
    office = PeopleOffice.create();
    const org = buildSmallOrg(office);
    const r = office.call(
      'people.import',
      { rows: [{ nip: nip(600), name: 'Pranata Baru', unit: 'Seksi Kurikulum', position: 'Pranata Komputer', positionType: 'Fungsional Keterampilan', positionLevel: 'Terampil', positionStart: '2026-02-01' }] },
      office.admin,
    ).summary;
    expect(r.newPositions).toEqual(['Pranata Komputer (Fungsional Keterampilan - Terampil) di Seksi Kurikulum, melapor ke Kepala Seksi Kurikulum']);
    const p = office.call('org.listPositions', { unitId: org.units.kurikulum, date: '2026-03-01' }, office.admin).positions.find((x) => x.name === 'Pranata Komputer');
    expect(p).toMatchObject({ type: 'fungsional_keterampilan', level: 'terampil', reportsToPositionId: org.positions.kasiKurikulum, holderCount: 1 });
  });
});

describe('spreadsheet files', () => {
  it('reads .xlsx (NIP as text or as a number, dates as dates) and CSV with ; and quotes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['No', 'NIP', 'Nama Lengkap', 'Jenis Kelamin', 'Tanggal Lahir', 'Golongan']);
    ws.addRow([1, '19850101 201001 1 101', 'Dr. Ahmad, S.Pd.', 'L', new Date(Date.UTC(1985, 0, 1)), 'III/a']);
    ws.addRow([]);
    ws.addRow([3, Number('198501012010011102'), 'Angka', 'P', '01-01-1985', '3b']);
    const parsed = await parseEmployeeFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, nip: '19850101 201001 1 101', name: 'Dr. Ahmad, S.Pd.', sex: 'L', birthDate: '1985-01-01', golongan: 'III/a' },
      { row: 4, nip: Number('198501012010011102'), name: 'Angka', sex: 'P', birthDate: '01-01-1985', golongan: '3b' },
    ]);

    const csv = Buffer.from('\uFEFFNIP;Nama;Unit Kerja\r\n"198501012010011101";"Hasan; Jr";Sekretariat\r\n\r\n198501012010011102;Husna;\r\n', 'utf8');
    const fromCsv = await parseEmployeeFile(csv);
    expect(fromCsv.rows).toEqual([
      { row: 2, nip: '198501012010011101', name: 'Hasan; Jr', unit: 'Sekretariat' },
      { row: 4, nip: '198501012010011102', name: 'Husna', unit: null },
    ]);
    expect(parseCsvText('a,b\n"x ""y""",z')).toEqual([['a', 'b'], ['x "y"', 'z']]);
    expect((await parseEmployeeFile(Buffer.from('Nama,Alamat\nA,B'))).problems[0]?.reason).toMatch(/kolom NIP/);
  });

  it('the export stores NIP as text (string cell, format @) and can be imported back unchanged', async () => {
    office = PeopleOffice.create();
    buildSmallOrg(office);
    const exported = office.call('people.exportRows', {}, office.admin);
    const buf = await buildExport(exported.rows, exported);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Pegawai')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['NIP', 'Nama', 'Gelar Depan']);
    expect(header).toContain('Pejabat Penilai');
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(1);
      expect(typeof cell.value).toBe('string');
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe('@');
      expect(cell.value).toMatch(/^\d{18}$/);
    }
    const staf = exported.rows.find((x) => x.name === 'Nurul Staf A')!;
    expect(staf.appraiserName).toBe('Muhammad Kasubbag');

    const back = await parseEmployeeFile(buf);
    expect(back.problems).toEqual([]);
    const r = office.call('people.import', { rows: back.rows }, office.admin).summary;
    expect(r).toMatchObject({ create: 0, update: 0, assign: 0, unchanged: exported.rows.length });
  });

  it('the export keeps its header in view, filters on every column, formats dates and says what it holds', async () => {
    office = PeopleOffice.create();
    buildSmallOrg(office);
    const exported = office.call('people.exportRows', {}, office.admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildExport(exported.rows, exported)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pegawai', 'Keterangan']);
    const ws = wb.getWorksheet('Pegawai')!;
    expect(ws.views).toMatchObject([{ state: 'frozen', ySplit: 1 }]);
    expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + ws.columnCount)}1`);
    expect(ws.rowCount).toBe(exported.rows.length + 1);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const born = header.indexOf('Tanggal Lahir') + 1;
    const withBirth = exported.rows.findIndex((r) => r.birthDate);
    const cell = ws.getRow(withBirth + 2).getCell(born);
    expect(cell.numFmt).toBe('dd/mm/yyyy');
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe(exported.rows[withBirth]!.birthDate);
    const info = wb.getWorksheet('Keterangan')!;
    expect(info.getRow(4).values).toEqual([undefined, 'Jumlah pegawai', exported.rows.length.toLocaleString('id-ID')]);
  });
});
