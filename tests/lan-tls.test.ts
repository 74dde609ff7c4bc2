import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, sessionCookie } from '../electron/server/app';
import { certificateFingerprint, ensureAutoCertificate, loadTlsFiles, normalizeFingerprint } from '../electron/server/tls';

/**
 * Certificates are checked by OpenSSL against the machine's real clock, while this suite's `Date`
 * runs on a fixed test date (tests/setup/fixed-clock.ts): certificates made here must be dated by
 * the machine's clock (performance is not faked) or they are "not yet valid" or expired.
 */
const machineNow = (): Date => new Date(performance.timeOrigin + performance.now());
import { makeOffice, makeTempDir, removeAllTempDirs, runCli, startCliServer, type CliServer } from './helpers';

/**
 * docs/spec/operations.md §3: LAN mode was plain HTTP only, so passwords and session cookies crossed the office
 * network in clear text once `--host 0.0.0.0` was used.
 */
const servers: CliServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  removeAllTempDirs();
});

/** An HTTPS request that trusts exactly the given certificate (as a PC that installed it). */
function request(url: string, cert: string, init: { method?: string; body?: unknown } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; peerFingerprint: string }>((resolve, reject) => {
    const data = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = https.request(
      url,
      {
        method: init.method ?? 'GET',
        ca: cert,
        // The self-signed certificate names this PC; the test reaches it as 127.0.0.1.
        checkServerIdentity: () => undefined,
        agent: false,
        headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {},
      },
      (res) => {
        const peerFingerprint = (res.socket as tls.TLSSocket).getPeerCertificate().fingerprint256;
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, peerFingerprint }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

// Each test starts `kinerja serve` processes (seconds each on a busy machine).
describe('serve over TLS', { timeout: 180_000 }, () => {
  it('--tls auto makes a self-signed certificate in the data folder, prints its SHA-256 fingerprint and keeps it across restarts', async () => {
    const data = path.join(makeTempDir(), 'data');
    const first = await startCliServer(data, 60_000, { args: ['--tls', 'auto'] });
    servers.push(first);
    expect(first.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certPath = path.join(data, 'tls', 'kinerja-cert.pem');
    const cert = fs.readFileSync(certPath, 'utf8');
    const fingerprint = certificateFingerprint(cert);
    expect(first.output()).toContain(`Sidik jari SHA-256 sertifikat: ${fingerprint}`);
    expect(first.output()).toContain('Sertifikat swa-tanda baru dibuat');
    expect(fs.statSync(path.join(data, 'tls', 'kinerja-key.pem')).mode & 0o077).toBe(0);
    // Empty database: the one-time setup code is printed for another PC to use.
    expect(first.output()).toMatch(/Kode penyiapan \(sekali pakai[^)]*\): [A-Z2-9]{5}-[A-Z2-9]{5}/);

    const health = await request(`${first.url}/api/health`, cert);
    expect(health.status).toBe(200);
    expect(health.peerFingerprint).toBe(fingerprint);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');
    await first.stop();

    const second = await startCliServer(data, 60_000, { args: ['--tls', 'auto'] });
    servers.push(second);
    expect(second.output()).toContain('Sertifikat swa-tanda dipakai');
    expect(second.output()).toContain(fingerprint);
    expect((await request(`${second.url}/api/health`, cert)).peerFingerprint).toBe(fingerprint);
  });

  it('with TLS the session cookie is Secure and HSTS is sent; a wrong certificate/key pair is refused before listening', async () => {
    const dir = makeTempDir();
    const auto = await ensureAutoCertificate(dir, { now: machineNow() });
    const office = makeOffice();
    const app = await buildServer({ core: office.core, rendererDir: null, tls: { key: auto.key, cert: auto.cert } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `https://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const res = await request(`${url}/api/auth.login`, auto.cert, { method: 'POST', body: { login: office.admin.nip, password: office.admin.password } });
      expect(res.status).toBe(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${sessionCookie}=`));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await app.close();
      office.close();
    }
    // Plain http sends no HSTS (it would lock browsers out of the server).
    const plainOffice = makeOffice();
    const plain = await buildServer({ core: plainOffice.core, rendererDir: null });
    try {
      expect((await plain.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await plain.close();
      plainOffice.close();
    }

    const other = await ensureAutoCertificate(makeTempDir(), { now: machineNow() });
    const certFile = path.join(dir, 'tls', 'kinerja-cert.pem');
    const otherKey = path.join(makeTempDir(), 'key.pem');
    fs.writeFileSync(otherKey, other.key);
    expect(() => loadTlsFiles(certFile, otherKey)).toThrow(/bukan pasangan/);
    const refused = await runCli(['serve', '--data', path.join(dir, 'd'), '--port', '0', '--tls-cert', certFile, '--tls-key', otherKey], 60_000);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bukan pasangan sertifikat/);
  });

  it('--tls-cert/--tls-key serve the office certificate; fingerprints are accepted in any common spelling', async () => {
    const dir = makeTempDir();
    const made = await ensureAutoCertificate(dir, { now: machineNow() });
    const data = path.join(dir, 'data');
    const s = await startCliServer(data, 60_000, { args: ['--tls-cert', path.join(dir, 'tls', 'kinerja-cert.pem'), '--tls-key', path.join(dir, 'tls', 'kinerja-key.pem')] });
    servers.push(s);
    expect(s.output()).toContain(made.fingerprint);
    expect((await request(`${s.url}/api/health`, made.cert)).status).toBe(200);
    expect(normalizeFingerprint(made.fingerprint.replace(/:/g, '').toLowerCase())).toBe(made.fingerprint);
    expect(normalizeFingerprint('AB:CD')).toBeNull();
  });

  it('serving to the network without TLS prints a clear warning; loopback does not', async () => {
    const data = path.join(makeTempDir(), 'data');
    const lan = await startCliServer(data, 60_000, { args: ['--host', '0.0.0.0'] });
    servers.push(lan);
    expect(lan.output()).toContain('PERINGATAN: Kinerja dilayani ke jaringan (0.0.0.0) tanpa TLS');
    await lan.stop();
    const local = await startCliServer(data, 60_000);
    servers.push(local);
    expect(local.output()).not.toContain('PERINGATAN');
  });
});
