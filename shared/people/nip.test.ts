import { describe, expect, it } from 'vitest';
import { nipSchema } from '../setup/commands';
import { formatNip, normalizeNip, parseNip } from './nip';

describe('parseNip: valid numbers', () => {
  it.each([
    ['198609262015051001', { birthDate: '1986-09-26', tmtYear: 2015, tmtMonth: 5, sex: 'L', sequence: 1 }],
    ['19860926 201505 1 001', { birthDate: '1986-09-26', tmtYear: 2015, tmtMonth: 5, sex: 'L', sequence: 1 }],
    ['  19900115 201503 2 014 ', { birthDate: '1990-01-15', tmtYear: 2015, tmtMonth: 3, sex: 'P', sequence: 14 }],
    ['19880229 201012 2 999', { birthDate: '1988-02-29', tmtYear: 2010, tmtMonth: 12, sex: 'P', sequence: 999 }], // leap day
    ['19700101.199503.1.002', { birthDate: '1970-01-01', tmtYear: 1995, tmtMonth: 3, sex: 'L', sequence: 2 }],
  ])('%s', (raw, facts) => {
    const r = parseNip(raw);
    expect(r).toEqual({ ok: true, facts: { nip: normalizeNip(raw), ...facts } });
  });

  it('accepts a TMT exactly 17 years after the birth year', () => {
    expect(parseNip('20000101 201701 1 001').ok).toBe(true);
  });
});

describe('parseNip: invalid numbers', () => {
  it.each([
    ['bad birth date (31 February)', '19860231 201505 1 001', /tanggal lahir/],
    ['29 February in a common year', '19870229 201505 1 001', /tanggal lahir/],
    ['birth month 13', '19861326 201505 1 001', /tanggal lahir/],
    ['birth day 00', '19860900 201505 1 001', /tanggal lahir/],
    ['birth year before 1900', '18991231 201505 1 001', /tanggal lahir/],
    ['TMT month 13', '19860926 201513 1 001', /bulan TMT CPNS/],
    ['TMT month 00', '19860926 201500 1 001', /bulan TMT CPNS/],
    ['TMT less than 17 years after birth', '19860926 200201 1 001', /berusia 17 tahun/],
    ['sex digit 3', '19860926 201505 3 001', /jenis kelamin/],
    ['sex digit 0', '19860926 201505 0 001', /jenis kelamin/],
    ['sequence 000', '19860926 201505 1 000', /nomor urut/],
    ['17 digits', '19860926 201505 1 01', /harus 18 angka \(sekarang 17 angka\)/],
    ['19 digits', '19860926 201505 1 0011', /harus 18 angka \(sekarang 19 angka\)/],
    ['empty', '', /harus 18 angka \(sekarang 0 angka\)/],
    ['letters', '19860926 2015O5 1 001', /hanya boleh berisi angka/],
    ['a letter at the end', '19860926201505100A', /hanya boleh berisi angka/],
  ])('%s: %s', (_what, raw, message) => {
    const r = parseNip(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.message).toMatch(/^NIP/);
    }
  });
});

describe('parseNip: PPPK', () => {
  it('does not month-check the TMT part (a year plus a contract count)', () => {
    expect(parseNip('19860926 202113 1 001').ok).toBe(false);
    const r = parseNip('19860926 202113 1 001', 'PPPK');
    expect(r).toEqual({
      ok: true,
      facts: { nip: '198609262021131001', birthDate: '1986-09-26', tmtYear: 2021, tmtMonth: null, sex: 'L', sequence: 1 },
    });
    expect(parseNip('19860926 202100 2 001', 'PPPK').ok).toBe(true);
  });

  it('still checks everything else', () => {
    expect(parseNip('19860231 202113 1 001', 'PPPK').ok).toBe(false);
    expect(parseNip('19860926 202113 3 001', 'PPPK').ok).toBe(false);
    expect(parseNip('19860926 202113 1 000', 'PPPK').ok).toBe(false);
    expect(parseNip('19860926 202113 1 01', 'PPPK').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('prints the four groups, and leaves a wrong-length number as typed', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(formatNip('19860926 201505 1 001')).toBe('19860926 201505 1 001');
    expect(formatNip('12345')).toBe('12345');
    expect(normalizeNip(' 19860926-201505.1 001 ')).toBe('198609262015051001');
  });
});

describe('nipSchema (the field rule commands use)', () => {
  it('stores the normalised number', () => {
    expect(nipSchema.parse(' 19860926 201505 1 001 ')).toBe('198609262015051001');
  });

  it('fails with the Indonesian message', () => {
    const r = nipSchema.safeParse('19860926 201513 1 001');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/bulan TMT CPNS/);
  });
});
