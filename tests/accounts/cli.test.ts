/**
 * `kinerja accounts create` and `kinerja accounts create-missing`, run as an admin types them, on
 * a real office database: the printed password signs in, the slips and the CSV are owner-only and
 * hold each new person's password, and a second run creates nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployee, makeOffice, makeTempDir, removeAllTempDirs, runCli, type Office } from '../helpers';

let data: string;
let out: string;
let office: Office;
const employees: { id: string; nip: string; name: string }[] = [];

beforeAll(() => {
  data = makeTempDir();
  out = makeTempDir();
  office = makeOffice({ dir: data });
  for (const name of ['Agus Salim', 'Nurul Hidayah', 'Rizki "Iki" Maulana, S.Kom']) employees.push(createEmployee(office, { name }));
  office.core.close();
});

afterAll(() => {
  removeAllTempDirs();
});

/** The database as the CLI left it (a fresh connection each time). */
function reopened<T>(fn: (o: Office) => T): T {
  const o = new (office.constructor as typeof Office)({ dir: data, ownsDir: false, existing: { officeId: office.officeId, admin: office.admin } });
  try {
    return fn(o);
  } finally {
    o.core.close();
  }
}

describe('kinerja accounts', () => {
  it('create prints a temporary password that signs the employee in (who must change it)', async () => {
    const e = employees[0]!;
    const r = await runCli(['accounts', 'create', '--data', data, '--nip', e.nip], 60_000);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const password = /Kata sandi sementara: (\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    reopened((o) => expect(o.login(e.nip, password!).user.mustChangePassword).toBe(true));
    // Again: a clear refusal, exit code 1.
    const again = await runCli(['accounts', 'create', '--data', data, '--nip', e.nip], 60_000);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('sudah memiliki akun');
  });

  it('create refuses a malformed NIP as a usage error and an unknown one as not found', async () => {
    const bad = await runCli(['accounts', 'create', '--data', data, '--nip', '123'], 60_000);
    expect(bad.code).toBe(2);
    const unknown = await runCli(['accounts', 'create', '--data', data, '--nip', '199001012015011999'], 60_000);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tidak ditemukan');
  });

  it('create-missing writes the slips PDF and the CSV (0600), one per employee without an account', async () => {
    const pdf = path.join(out, 'slip.pdf');
    const csv = path.join(out, 'akun.csv');
    fs.writeFileSync(csv, 'lama', { mode: 0o644 }); // an older file is replaced, not reused with its permissions
    const r = await runCli(['accounts', 'create-missing', '--data', data, '--out', pdf, '--csv', csv, '--address', 'http://10.0.0.5:8080'], 90_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 akun dibuat');
    expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    expect(fs.statSync(csv).mode & 0o777).toBe(0o600);

    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('nip,nama,sandi_sementara');
    expect(lines).toHaveLength(3);
    const rows = new Map<string, string>();
    for (const e of employees.slice(1)) {
      const line = lines.find((l) => l.startsWith(`${e.nip},`));
      expect(line, e.name).toBeDefined();
      rows.set(e.nip, line!.split(',').at(-1)!);
    }
    expect(lines.find((l) => l.startsWith(employees[2]!.nip))).toContain('"Rizki ""Iki"" Maulana, S.Kom"');

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.match(/AKUN KINERJA: KATA SANDI SEMENTARA/g)).toHaveLength(2);
    expect(text).toContain('http://10.0.0.5:8080');
    // pdftotext may split the large monospaced password at a glyph boundary: compare without spaces.
    const compact = text.replace(/\s/g, '');
    for (const [nip, password] of rows) {
      expect(compact).toContain(password);
      reopened((o) => expect(o.login(nip, password).user.mustChangePassword).toBe(true));
    }

    // Nothing left to create: no file written, exit 0.
    const pdf2 = path.join(out, 'slip2.pdf');
    const again = await runCli(['accounts', 'create-missing', '--data', data, '--out', pdf2], 60_000);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Semua pegawai aktif sudah memiliki akun');
    expect(fs.existsSync(pdf2)).toBe(false);
  });

  it('create-missing without --out is a usage error and creates nothing', async () => {
    const r = await runCli(['accounts', 'create-missing', '--data', data], 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });
});
