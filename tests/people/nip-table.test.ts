import { describe, expect, it } from 'vitest';
import { checkEmployeeFacts } from '../../shared/people/fields';
import { normalizeGolongan } from '../../shared/people/golongan';
import { parseNip } from '../../shared/people/nip';
import { splitTitles, formatFullName } from '../../shared/people/names';
import { parseFlexibleDate } from '../../shared/people/dates';

describe('NIP validation table (docs/spec/regulation.md §7)', () => {
  it.each([
    ['198609262015051001', 'PNS', '1986-09-26', 'L'],
    ['19860926 201505 1 001', 'PNS', '1986-09-26', 'L'],
    ['19900115 201503 2 014', 'PNS', '1990-01-15', 'P'],
    ['19880229 201012 2 999', 'PNS', '1988-02-29', 'P'],
    // PPPK: the "TMT" part is a year and a contract count, so "21" is not a month.
    ['199203152022211003', 'PPPK', '1992-03-15', 'L'],
  ] as const)('valid: %s (%s)', (nip, kind, birthDate, sex) => {
    const r = parseNip(nip, kind);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.facts).toMatchObject({ birthDate, sex });
  });

  it.each([
    ['bad date (31 February)', '19860231 201505 1 001', 'PNS', /tanggal lahir/],
    ['bad month in the birth date', '19861326 201505 1 001', 'PNS', /tanggal lahir/],
    ['bad TMT month (13)', '19860926 201513 1 001', 'PNS', /bulan TMT CPNS/],
    ['bad TMT month (00)', '19860926 201500 1 001', 'PNS', /bulan TMT CPNS/],
    ['sex digit 3', '19860926 201505 3 001', 'PNS', /jenis kelamin/],
    ['sequence 000', '19860926 201505 1 000', 'PNS', /nomor urut/],
    ['17 digits', '19860926 201505 1 01', 'PNS', /18 angka \(sekarang 17/],
    ['19 digits', '19860926 201505 1 0011', 'PNS', /18 angka \(sekarang 19/],
    ['letters', '19860926 2015O5 1 001', 'PNS', /hanya boleh berisi angka/],
    ['TMT less than 17 years after birth', '20000101 201001 1 001', 'PNS', /17 tahun/],
    ['PPPK with sex digit 3 is still wrong', '199203152022213003', 'PPPK', /jenis kelamin/],
  ] as const)('invalid: %s', (_label, nip, kind, message) => {
    const r = parseNip(nip, kind);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('sex and birth date stated with the NIP must agree with it', () => {
    expect(checkEmployeeFacts({ kind: 'PNS', nip: '198609262015051001', sex: 'P' })).toEqual([
      { field: 'sex', message: expect.stringMatching(/angka ke-15 NIP adalah 1 \(laki-laki\)/) },
    ]);
    expect(checkEmployeeFacts({ kind: 'PNS', nip: '198609262015051001', birthDate: '1986-09-27' })[0]?.field).toBe('birthDate');
    expect(checkEmployeeFacts({ kind: 'PNS', nip: '198609262015051001', sex: 'L', birthDate: '1986-09-26' })).toEqual([]);
  });

  it('golongan must belong to the kind; TMT golongan not before the TMT in the NIP', () => {
    expect(checkEmployeeFacts({ kind: 'PNS', nip: '198609262015051001', golongan: 'IX' })[0]?.message).toMatch(/bukan golongan PNS/);
    expect(checkEmployeeFacts({ kind: 'PPPK', nip: '199203152022211003', golongan: 'III/a' })[0]?.message).toMatch(/bukan golongan PPPK/);
    expect(checkEmployeeFacts({ kind: 'PNS', nip: '198609262015051001', tmtGolongan: '2014-04-01' })[0]?.field).toBe('tmtGolongan');
  });
});

describe('golongan, names and dates as typed in spreadsheets', () => {
  it.each([
    ['III/a', 'PNS', 'III/a'],
    ['3a', 'PNS', 'III/a'],
    ['III-b', 'PNS', 'III/b'],
    ['IV / E', 'PNS', 'IV/e'],
    ['Penata Muda Tingkat I', 'PNS', 'III/b'],
    ['Pembina (IV/a)', 'PNS', 'IV/a'],
    ['V/a', 'PNS', null],
    ['IX', 'PPPK', 'IX'],
    ['9', 'PPPK', 'IX'],
    ['XVIII', 'PPPK', null],
  ] as const)('%s (%s) -> %s', (raw, kind, expected) => {
    expect(normalizeGolongan(raw, kind)).toBe(expected);
  });

  it('splits titles from a full name but keeps Teuku/Cut as part of the name', () => {
    expect(splitTitles('Dr. H. Teuku Ahmad Fauzi, S.Pd., M.Pd.')).toEqual({ frontTitle: 'Dr. H.', name: 'Teuku Ahmad Fauzi', backTitle: 'S.Pd., M.Pd.' });
    expect(splitTitles('Cut Nurul Hayati')).toEqual({ frontTitle: null, name: 'Cut Nurul Hayati', backTitle: null });
    expect(formatFullName('Drs.', 'Hasanuddin Daud', 'M.Pd.')).toBe('Drs. Hasanuddin Daud, M.Pd.');
  });

  it.each([
    ['1986-09-26', '1986-09-26'],
    ['26-09-1986', '1986-09-26'],
    ['26/9/1986', '1986-09-26'],
    ['26 September 1986', '1986-09-26'],
    ['26 Agu 1986', '1986-08-26'],
    ['31-02-1986', null],
    ['kemarin', null],
  ])('%s -> %s', (raw, iso) => {
    expect(parseFlexibleDate(raw)).toBe(iso);
  });
});
