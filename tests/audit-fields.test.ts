import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Describer } from '../electron/core/audit/describe';
import { fieldLabel, fieldValueText } from '../electron/core/audit/fields';
import { approvedSkp, makeOffice, removeAllTempDirs, skpTeam, type Office } from './helpers';

/** The Jejak Audit detail's labels and values in words (docs/spec/operations.md §2): what the dialog shows per column. */

let office: Office;
let yearId: string;

beforeAll(() => {
  office = makeOffice();
  yearId = approvedSkp(office).yearId;
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

describe('audit field labels and values', () => {
  it('an evaluation: ratings, predikat, period, year and the appraiser in words', () => {
    const d = new Describer(office.core.sqlite);
    const team = skpTeam(office);
    const year = (office.core.sqlite.prepare('SELECT year FROM performance_years WHERE id = ?').get(yearId) as { year: number }).year;
    expect(fieldLabel('evaluations', 'results_rating')).toBe('Rating Hasil Kerja');
    expect(fieldValueText('evaluations', 'results_rating', 'diatas', d)).toBe('Di Atas Ekspektasi');
    expect(fieldLabel('evaluations', 'predikat')).toBe('Predikat Kinerja');
    expect(fieldValueText('evaluations', 'predikat', 'butuh_perbaikan', d)).toBe('Butuh Perbaikan');
    expect(fieldValueText('evaluations', 'status', 'final', d)).toBe('Final');
    expect(fieldValueText('evaluations', 'period', '3', d)).toBe('Maret');
    expect(fieldValueText('evaluations', 'period', 'Q2', d)).toBe('Triwulan II');
    expect(fieldValueText('evaluations', 'year_id', yearId, d)).toBe(`Tahun Penilaian ${year}`);
    expect(fieldLabel('evaluations', 'appraiser_employee_id')).toBe('Pejabat Penilai Kinerja');
    expect(fieldValueText('evaluations', 'appraiser_employee_id', team.head.employeeId, d)).toBe(team.head.name);
    expect(fieldValueText('evaluations', 'angka_kredit', 12.5, d)).toBe('12,5');
    expect(fieldValueText('evaluations', 'appeal_deadline', '2026-02-09', d)).toBe('9 Februari 2026');
    expect(fieldValueText('evaluations', 'finalized_at', '2026-01-31T17:30:00.000Z', d)).toBe('1 Februari 2026 00.30 WIB');
  });

  it('the same column in another table, yes/no flags, a hidden password, empty values', () => {
    const d = new Describer(office.core.sqlite);
    expect(fieldLabel('employees', 'status')).toBe('Status pegawai');
    expect(fieldValueText('employees', 'status', 'pensiun', d)).toBe('Pensiun');
    expect(fieldLabel('units', 'kind')).toBe('Jenis unit');
    expect(fieldValueText('units', 'kind', 'subbagian', d)).toBe('Subbagian');
    expect(fieldValueText('assignments', 'kind', 'plt', d)).toBe('Plt. (Pelaksana Tugas)');
    expect(fieldValueText('users', 'is_pengelola', 1, d)).toBe('Ya');
    expect(fieldValueText('users', 'is_pengelola', 0, d)).toBe('Tidak');
    expect(fieldValueText('users', 'password_hash', 'scrypt$abc$def', d)).toBe('(disembunyikan)');
    expect(fieldValueText('employees', 'email', null, d)).toBe('—');
    expect(fieldValueText('feedback', 'value_code', 'akuntabel', d)).toBe('Akuntabel');
  });
});

describe('audit field references', () => {
  it('a foreign key shows the record it points to, never its id', () => {
    const d = new Describer(office.core.sqlite);
    const team = skpTeam(office);
    const skp = office.core.sqlite.prepare('SELECT id FROM skps WHERE employee_id = ?').get(team.staff.employeeId) as { id: string };
    const rhk = office.core.sqlite.prepare('SELECT id, text FROM skp_rhk WHERE skp_id = ? AND deleted_at IS NULL LIMIT 1').get(skp.id) as { id: string; text: string };
    const year = (office.core.sqlite.prepare('SELECT year FROM performance_years WHERE id = ?').get(yearId) as { year: number }).year;
    expect(fieldValueText('realisasi', 'skp_id', skp.id, d)).toBe(`SKP ${year} milik ${team.staff.name}`);
    expect(fieldValueText('realisasi', 'rhk_id', rhk.id, d)).toBe(rhk.text);
    expect(fieldValueText('realisasi', 'skp_id', '0190a1b2-0000-7000-8000-000000000000', d)).toBe('(data sudah tidak ada)');
    expect(fieldValueText('skp_versions', 'snapshot', '{"header":{}}', d)).toBe('Isi SKP saat disetujui (tersimpan utuh)');
  });
});
