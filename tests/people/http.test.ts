import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/commands';
import { orgCommands } from '../../shared/org/commands';
import { peopleCommands } from '../../shared/people/commands';
import { buildServer } from '../../electron/server/app';
import { adminNip, adminPassword, PeopleOffice, removeTempDirs } from './fixture';
import { buildSmallOrg, nip, type SmallOrg } from './org-fixture';

/**
 * Over HTTP, the way a browser on the office LAN calls: every people/org command refuses a plain
 * Pegawai (403) except reading their own record, and the file routes follow the same rules.
 */
let office: PeopleOffice;
let org: SmallOrg;
let app: FastifyInstance;

class Client {
  cookie = '';
  csrf = '';
  async login(login: string, password: string): Promise<void> {
    const res = await app.inject({ method: 'POST', url: '/api/auth.login', payload: { login, password } });
    expect(res.statusCode, res.body).toBe(200);
    this.cookie = String(res.headers['set-cookie']).split(';')[0]!;
    this.csrf = res.json().csrfToken;
  }
  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf, ...extra };
  }
  post(name: string, payload: unknown) {
    return app.inject({ method: 'POST', url: `/api/${name}`, headers: this.headers(), payload: payload as object });
  }
}

const missing = '0190a000-0000-7000-8000-00000000beef';
let admin: Client;
let pegawai: Client;
let kasi: Client;

beforeAll(async () => {
  office = PeopleOffice.create('2026-03-02T02:00:00.000Z');
  org = buildSmallOrg(office);
  office.account(org.people.stafA.id, org.people.stafA.nip);
  office.account(org.people.kasi.id, org.people.kasi.nip);
  app = await buildServer({ core: office.core });
  admin = new Client();
  await admin.login(adminNip, adminPassword);
  pegawai = new Client();
  await pegawai.login(org.people.stafA.nip, 'Pegawai2026');
  kasi = new Client();
  await kasi.login(org.people.kasi.nip, 'Pegawai2026');
});

afterAll(async () => {
  await app?.close();
  office?.close();
  removeTempDirs();
});

/** A plausible input per command, aimed at someone else's record. */
function sampleFor(name: CommandName): unknown {
  const other = org.people.stafB.id;
  const samples: Partial<Record<CommandName, unknown>> = {
    'org.getOffice': {},
    'org.updateOffice': { version: 1, address: 'x' },
    'org.listUnits': {},
    'org.createUnit': { name: 'Unit Baru', kind: 'seksi' },
    'org.updateUnit': { id: org.units.umum, version: 1, name: 'Ganti' },
    'org.removeUnit': { id: org.units.umum, version: 1 },
    'org.listPositions': {},
    'org.createPosition': { name: 'Jabatan Baru', type: 'pelaksana' },
    'org.updatePosition': { id: org.positions.stafUmum, version: 1, name: 'Ganti' },
    'org.removePosition': { id: org.positions.stafUmum, version: 1 },
    'people.list': {},
    'people.get': { id: other },
    'people.create': { nip: nip(900), name: 'Pegawai Baru' },
    'people.update': { id: other, version: 1, name: 'Ganti Nama' },
    'people.assign': { employeeId: other, positionId: org.positions.stafUmum, startDate: '2026-03-01' },
    'people.endAssignment': { id: missing, version: 1, endDate: '2026-03-01' },
    'people.cancelAssignment': { id: missing, version: 1, reason: 'salah input' },
    'people.setOverride': { employeeId: other, appraiserEmployeeId: org.people.kasi.id, startDate: '2026-03-01', reason: 'alasan yang panjang' },
    'people.removeOverride': { id: missing, version: 1 },
    'people.appraisalChain': { employeeId: other },
    'people.problems': {},
    'people.importPreview': { rows: [{ nip: nip(901), name: 'Baru' }] },
    'people.import': { rows: [{ nip: nip(901), name: 'Baru' }] },
    'people.exportRows': {},
  };
  return samples[name];
}

const newCommands = [...Object.keys(orgCommands), ...Object.keys(peopleCommands)] as CommandName[];

describe('role checks for every people/org command over HTTP', () => {
  it.each(newCommands)('%s refuses a plain pegawai with 403 and writes nothing', async (name) => {
    if (name === 'org.getOffice') return; // the office profile is public to every signed-in user
    const before = office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get();
    const res = await pegawai.post(name, sampleFor(name));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(office.core.sqlite.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(before);
  });

  it.each(newCommands.filter((n) => commands[n].kind === 'read'))('%s is allowed for the office admin', async (name) => {
    const res = await admin.post(name, sampleFor(name));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('a pegawai reads their own record and appraisal chain, and the office profile', async () => {
    const own = await pegawai.post('people.get', { id: org.people.stafA.id });
    expect(own.statusCode).toBe(200);
    expect(own.json().chain.appraiser.name).toBe('Muhammad Kasubbag');
    expect(own.json().canEdit).toBe(false);
    expect((await pegawai.post('people.appraisalChain', { employeeId: org.people.stafA.id })).statusCode).toBe(200);
    expect((await pegawai.post('org.getOffice', {})).statusCode).toBe(200);
  });

  it("an appraiser reads an appraisee's record but not a stranger's, and has no admin lists", async () => {
    expect((await kasi.post('people.get', { id: org.people.stafC.id })).statusCode).toBe(200);
    expect((await kasi.post('people.appraisalChain', { employeeId: org.people.stafC.id })).statusCode).toBe(200);
    expect((await kasi.post('people.get', { id: org.people.stafA.id })).statusCode).toBe(403);
    expect((await kasi.post('people.list', {})).statusCode).toBe(403);
  });

  it('writes need the CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/org.createUnit', headers: { cookie: admin.cookie }, payload: { name: 'Tanpa Token', kind: 'seksi' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/CSRF/);
  });
});

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('file routes', () => {
  it('template and export download as .xlsx for the admin; refused for a pegawai and anonymous', async () => {
    const t = await app.inject({ method: 'GET', url: '/api/files/people.template.xlsx', headers: admin.headers() });
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pegawai', 'Petunjuk', 'Referensi']);

    const e = await app.inject({ method: 'GET', url: '/api/files/people.export.xlsx?status=aktif&golongan=III/a', headers: admin.headers() });
    expect(e.statusCode).toBe(200);
    expect(e.headers['content-disposition']).toMatch(/attachment; filename="pegawai-DISDIKBUD-2026-03-02\.xlsx"/);
    await wb.xlsx.load(e.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Pegawai')!.rowCount).toBe(1 + 8);

    for (const url of ['/api/files/people.template.xlsx', '/api/files/people.export.xlsx']) {
      expect((await app.inject({ method: 'GET', url, headers: pegawai.headers() })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('upload: preview reports the bad row; apply imports nothing with a bad row, everything without', async () => {
    const good = [
      ['NIP', 'Nama', 'Unit Kerja', 'Jabatan'],
      ...Array.from({ length: 20 }, (_, i) => [nip(700 + i), `Unggah ${i + 1}`, 'Seksi Kurikulum', 'Analis Kurikulum']),
    ];
    const bad = good.map((r) => [...r]);
    bad[7]![0] = '1985010120100110';
    const headers = admin.headers({ 'content-type': 'application/octet-stream' });

    const preview = await app.inject({ method: 'POST', url: '/api/files/people.import', headers, payload: await xlsxOf(bad) });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ ok: false, problems: [{ row: 8, column: 'NIP', reason: expect.stringMatching(/18 angka/) }] });

    const rejected = await app.inject({ method: 'POST', url: '/api/files/people.import?apply=1', headers, payload: await xlsxOf(bad) });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error.details.problems).toEqual([{ row: 8, column: 'NIP', reason: expect.any(String) }]);
    expect((await admin.post('people.list', { q: 'Unggah' })).json().total).toBe(0);

    const noCsrf = await app.inject({ method: 'POST', url: '/api/files/people.import?apply=1', headers: { cookie: admin.cookie }, payload: await xlsxOf(good) });
    expect(noCsrf.statusCode).toBe(403);
    const asPegawai = await app.inject({ method: 'POST', url: '/api/files/people.import?apply=1', headers: pegawai.headers(), payload: await xlsxOf(good) });
    expect(asPegawai.statusCode).toBe(403);

    const ok = await app.inject({ method: 'POST', url: '/api/files/people.import?apply=1', headers, payload: await xlsxOf(good) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().summary).toMatchObject({ create: 20, assign: 20 });
    expect((await admin.post('people.list', { q: 'Unggah' })).json().total).toBe(20);

    const csv = await app.inject({
      method: 'POST',
      url: '/api/files/people.import',
      headers: admin.headers({ 'content-type': 'text/csv' }),
      payload: 'NIP;Nama\n' + nip(800) + ';Dari CSV\n',
    });
    expect(csv.json()).toMatchObject({ ok: true, summary: { create: 1 } });
  });
});
