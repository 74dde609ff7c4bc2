/**
 * Acceptance over a real port: the CLI sets up an office (`kinerja init`), `kinerja serve` answers
 * health, login and the OpenAPI document, exactly as an office's LAN server would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { commandNames, commands } from '../shared/commands';
import { latestSchemaVersion } from '../electron/core/db/migrations';
import { makeTempDir, removeAllTempDirs, runCli, startCliServer, type CliResult, type CliServer } from './helpers';

const admin = { nip: '19860926 201505 1 001', name: 'Teuku Umar Pengelola', password: 'Rahasia-Kantor-7' };

let root: string;
let dataDir: string;
let freshDir: string;
let init: CliResult;
let badInit: CliResult;
let server: CliServer;
let fresh: CliServer;

beforeAll(async () => {
  root = makeTempDir();
  dataDir = path.join(root, 'kantor');
  freshDir = path.join(root, 'belum', 'ada');
  const initArgs = ['--office-name', 'Dinas Pendidikan Kota Langsa', '--admin-nip', admin.nip, '--admin-name', admin.name, '--admin-password', admin.password];
  // Independent processes run side by side to keep the suite fast.
  [init, badInit, fresh] = await Promise.all([
    runCli(['init', '--data', dataDir, ...initArgs]),
    runCli(['init', '--data', path.join(root, 'salah'), ...initArgs.slice(0, 2), '--admin-nip', '19860231 201505 1 001', ...initArgs.slice(4)]),
    startCliServer(freshDir),
  ]);
  if (init.code !== 0) throw new Error(`init failed: ${init.stdout}\n${init.stderr}`);
  server = await startCliServer(dataDir);
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.stop(), fresh?.stop()]);
  removeAllTempDirs();
});

function post(url: string, command: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('kinerja init', () => {
  it('sets up the office and says how to sign in', () => {
    expect(init.stdout).toContain('Dinas Pendidikan Kota Langsa');
    expect(init.stdout).toContain(admin.nip);
  });

  it('refuses an invalid NIP with the field message and a non-zero exit', () => {
    expect(badInit.code).toBe(1);
    expect(badInit.stderr).toContain('Galat (VALIDATION)');
    expect(badInit.stderr).toMatch(/adminNip: NIP tidak valid: periksa tanggal lahir/);
  });
});

describe('kinerja serve', () => {
  it('GET /api/health is 200 JSON {status, version, schemaVersion}', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok', version: pkg.version, schemaVersion: latestSchemaVersion(), initialized: true });
  });

  it('binds to the loopback address by default', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('POST /api/auth.login with the admin NIP is 200 with a session cookie', async () => {
    const res = await post(server.url, 'auth.login', { login: admin.nip, password: admin.password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { nip: string; name: string; roles: string[]; officeName: string }; csrfToken: string };
    expect(body.user).toMatchObject({ nip: admin.nip.replace(/\s/g, ''), name: admin.name, officeName: 'Dinas Pendidikan Kota Langsa' });
    expect(body.user.roles).toEqual(expect.arrayContaining(['pegawai', 'pengelola']));
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('kinerja_session='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);

    // The cookie and token work for a write over the real socket.
    const cookie = session!.split(';')[0]!;
    const me = await post(server.url, 'auth.me', {}, { cookie });
    expect(((await me.json()) as { user: { nip: string } }).user.nip).toBe(admin.nip.replace(/\s/g, ''));
    const logout = await post(server.url, 'auth.logout', {}, { cookie, 'x-csrf-token': body.csrfToken });
    expect(logout.status).toBe(200);
  });

  it('a wrong password is 401 with the typed error body', async () => {
    const res = await post(server.url, 'auth.login', { login: admin.nip, password: 'SalahSandi9' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'NIP/nama pengguna atau kata sandi salah.' } });
  });

  it('GET /api/openapi.json lists every command with its access and kind', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { version: string }; paths: Record<string, { post?: Record<string, unknown> }> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.version).toBe(pkg.version);
    for (const name of commandNames) {
      const op = doc.paths[`/api/${name}`]?.post;
      expect(op, `openapi.json is missing ${name}`).toBeDefined();
      expect(op!.operationId).toBe(name);
      expect(op!['x-kinerja-access']).toEqual(commands[name].access);
      expect(op!['x-kinerja-kind']).toBe(commands[name].kind);
    }
    expect(doc.paths['/api/health']).toBeDefined();
  });

  it('unknown API paths are a typed 404', async () => {
    const res = await fetch(`${server.url}/api/tidak/ada`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('creates the data folder when absent and serves first-run setup', async () => {
    expect(fs.existsSync(path.join(freshDir, 'kinerja.db'))).toBe(true);
    const health = await fetch(`${fresh.url}/api/health`);
    expect(((await health.json()) as { initialized: boolean }).initialized).toBe(false);
    const status = await post(fresh.url, 'setup.status', {});
    // Loopback needs no setup code (docs/spec/operations.md §2).
    expect(await status.json()).toEqual({ initialized: false, officeName: null, setupCodeRequired: false });
    expect(fresh.output()).toContain('Kantor belum disiapkan');
  });

  it('stops cleanly on SIGTERM (exit 0)', async () => {
    expect(await fresh.stop()).toBe(0);
  });
});
