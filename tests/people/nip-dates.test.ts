import { afterEach, describe, expect, it } from 'vitest';
import { angkaKredit, angkaKreditFromCoefficient, angkaKreditTotal } from '../../shared/evaluation/angka-kredit';
import { normalizeGolongan } from '../../shared/people/golongan';
import { parseNip } from '../../shared/people/nip';
import { PeopleOffice, removeTempDirs } from './fixture';

/**
 * docs/spec/regulation.md (NIP): a NIP whose birth date or TMT lies after today (the office's injected clock) is
 * refused; the 17-year rule compares whole dates; abbreviated pangkat names are read; angka kredit
 * sums exactly.
 */

let office: PeopleOffice | undefined;
afterEach(() => {
  office?.close();
  office = undefined;
  removeTempDirs();
});

describe('NIP against today and whole dates', () => {
  it('the 17-year rule compares full dates: TMT CPNS a month before the 17th birthday is refused', () => {
    // Born 15 June 1990: 17 on 15 June 2007. TMT June 2007 (the 1st) is before it; July is after.
    const early = parseNip('19900615 200706 1 001');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.message).toMatch(/TMT CPNS .* berusia 17 tahun/);
    expect(parseNip('19900615 200707 1 001').ok).toBe(true);
    // Born on the 1st: TMT on the 17th birthday itself is fine.
    expect(parseNip('19900601 200706 1 001').ok).toBe(true);
  });

  it.each([
    ['birth date after today', '20290101 204601 1 001', /tanggal lahir pada NIP \(2029-01-01\) belum terjadi/],
    ['TMT after today (next month)', '19900101 202802 1 001', /TMT pada NIP \(2028-02\) belum terjadi/],
  ])('refuses a %s when today is given', (_what, nip, message) => {
    const r = parseNip(nip, 'PNS', '2028-01-02');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    // The screens' quick check (no clock) only reads the form.
    expect(parseNip(nip, 'PNS').ok).toBe(true);
  });

  it('accepts a TMT of this very month and a PPPK of this year', () => {
    expect(parseNip('19900101 202801 1 001', 'PNS', '2028-01-02').ok).toBe(true);
    expect(parseNip('19900101 202821 1 001', 'PPPK', '2028-01-02').ok).toBe(true);
    expect(parseNip('19900101 202921 1 001', 'PPPK', '2028-12-31').ok).toBe(false);
  });

  it("people.create and people.import refuse a future TMT by the office's clock, writing nothing", () => {
    office = PeopleOffice.create('2026-03-02T02:00:00.000Z');
    const before = (office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM employees').get() as { n: number }).n;
    const err = office.fail('people.create', { nip: '19900101 202604 1 001', name: 'Pegawai Masa Depan' }, office.admin);
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.nip).toMatch(/TMT pada NIP \(2026-04\) belum terjadi/);
    const imp = office.fail(
      'people.import',
      {
        rows: [
          { row: 2, nip: '19900101 202601 1 002', name: 'Pegawai Sekarang' },
          { row: 3, nip: '20270101 204501 1 003', name: 'Belum Lahir' },
        ],
      },
      office.admin,
    );
    expect(imp.code).toBe('VALIDATION');
    expect(imp.details?.problems).toEqual([{ row: 3, column: 'NIP', reason: expect.stringMatching(/tanggal lahir pada NIP \(2027-01-01\) belum terjadi/) }]);
    expect((office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM employees').get() as { n: number }).n).toBe(before);
    // Once the clock reaches April 2026 the same NIP is fine.
    office.setDate('2026-04-01');
    expect(office.call('people.create', { nip: '19900101 202604 1 001', name: 'Pegawai Masa Depan' }, office.admin).employee.nip).toBe('199001012026041001');
  });
});

describe('pangkat names as abbreviated in spreadsheets', () => {
  it.each([
    ['Penata Muda Tk. I', 'III/b'],
    ['Penata Tk. I', 'III/d'],
    ['Pembina Tk. I', 'IV/b'],
    ['Pengatur Muda Tk.I', 'II/b'],
    ['Juru Tkt. I', 'I/d'],
    ['penata  muda tk I', 'III/b'],
    ['Penata Muda Tingkat I', 'III/b'],
  ])('%s -> %s', (raw, code) => {
    expect(normalizeGolongan(raw, 'PNS')).toBe(code);
  });

  it('an import row with "Penata Tk. I" is accepted', () => {
    office = PeopleOffice.create('2026-03-02T02:00:00.000Z');
    const r = office.call('people.importPreview', { rows: [{ row: 2, nip: '19900101 201501 1 004', name: 'Pegawai Tingkat', golongan: 'Penata Tk. I' }] }, office.admin);
    expect(r).toMatchObject({ ok: true, summary: { create: 1 } });
  });
});

describe('angka kredit exact', () => {
  it('twelve monthly Baik for Ahli Muda sum to 25, not 24.996', () => {
    const monthly = angkaKredit('baik', 'ahli_muda', 1)!;
    expect(monthly).toBe(2.083);
    expect(angkaKreditTotal(Array.from({ length: 12 }, () => ({ predikat: 'baik' as const, months: 1 })), 'ahli_muda')).toBe(25);
    expect(angkaKreditTotal([...Array.from({ length: 6 }, () => ({ predikat: 'sangat_baik' as const, months: 1 })), { predikat: 'butuh_perbaikan', months: 6 }], 'pemula')).toBe(4.219);
    expect(angkaKreditTotal([{ predikat: 'baik', months: 3 }], null)).toBeNull();
  });

  it('the preview of another predikat is computed from the coefficient', () => {
    // Rescaling the stored 2.083 (Baik, one month) to Sangat Baik gave 3.1245 -> 3.125 by luck of
    // rounding but 0.5207 for Kurang; from the coefficient it is 25 x 50% / 12 = 1.042.
    expect(angkaKreditFromCoefficient('kurang', 25, 1)).toBe(1.042);
    expect(angkaKreditFromCoefficient('sangat_baik', 25, 1)).toBe(3.125);
    expect(angkaKreditFromCoefficient('baik', 12.5, 12)).toBe(12.5);
  });
});
