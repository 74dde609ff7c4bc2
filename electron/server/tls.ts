import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * TLS for the LAN (docs/spec/operations.md §3): an office either brings its own certificate (`--tls-cert/--tls-key`,
 * e.g. from the city's internal CA) or lets `--tls auto` make a self-signed one, kept in
 * `<data>/tls/` so its fingerprint stays the same across restarts (intranet PCs trust it once, the
 * desktop updater pins it). docs/lan-tls.md says how an office distributes it.
 */
export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 of the certificate (DER), as "AB:CD:..." the way browsers and Windows show it. */
  fingerprint: string;
  /** Where it came from, for the console. */
  source: string;
}

export const tlsDirName = 'tls';
export const autoCertFile = 'kinerja-cert.pem';
export const autoKeyFile = 'kinerja-key.pem';
/** Browsers accept at most 825 days for a certificate they are told to trust. */
const validityDays = 825;
/** A kept certificate this close to expiry is replaced (its new fingerprint is printed). */
const renewWithinDays = 30;

export function certificateFingerprint(certPem: string | Buffer): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

/** "ab cd:EF..." / "abcdef..." -> "AB:CD:EF:...", so a pin can be pasted in any common form. */
export function normalizeFingerprint(raw: string): string | null {
  const hex = raw.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

export class TlsError extends Error {}

/** An office's own certificate and key; both checked before the server listens. */
export function loadTlsFiles(certFile: string, keyFile: string): TlsMaterial {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      throw new TlsError(`Berkas ${what} tidak dapat dibaca: ${file}`);
    }
  };
  const cert = read(certFile, 'sertifikat (--tls-cert)');
  const key = read(keyFile, 'kunci privat (--tls-key)');
  let x509: crypto.X509Certificate;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch {
    throw new TlsError(`${certFile} bukan sertifikat PEM yang sah.`);
  }
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch {
    throw new TlsError(`${keyFile} bukan kunci privat PEM yang sah (atau dilindungi kata sandi).`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw new TlsError('Kunci privat (--tls-key) bukan pasangan sertifikat (--tls-cert).');
  return { key, cert, fingerprint: x509.fingerprint256, source: certFile };
}

/** Names and addresses the self-signed certificate is valid for: this PC on the LAN. */
export function localNames(extraHost?: string | null): { dns: string[]; ips: string[] } {
  const dns = new Set(['localhost', os.hostname().toLowerCase()]);
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal) ips.add(a.address.split('%')[0]!);
  }
  if (extraHost && extraHost !== '0.0.0.0' && extraHost !== '::') {
    if (/^[\d.]+$/.test(extraHost) || extraHost.includes(':')) ips.add(extraHost);
    else dns.add(extraHost.toLowerCase());
  }
  return { dns: [...dns].filter(Boolean), ips: [...ips] };
}

/**
 * `--tls auto`: the kept certificate in `<data>/tls/`, or a new self-signed one (EC P-256) for this
 * PC's names and addresses. The key file is readable by its owner only.
 */
export async function ensureAutoCertificate(dataDir: string, opts: { host?: string | null; now?: Date } = {}): Promise<TlsMaterial & { created: boolean }> {
  const dir = path.join(dataDir, tlsDirName);
  const certPath = path.join(dir, autoCertFile);
  const keyPath = path.join(dir, autoKeyFile);
  const now = opts.now ?? new Date();
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const kept = loadTlsFiles(certPath, keyPath);
    const validTo = Date.parse(new crypto.X509Certificate(kept.cert).validTo);
    if (validTo - now.getTime() > renewWithinDays * 86_400_000) return { ...kept, created: false };
  }
  const { generate } = await import('selfsigned');
  const names = localNames(opts.host);
  const pems = await generate([{ name: 'commonName', value: `Kinerja ${os.hostname()}` }, { name: 'organizationName', value: 'Kinerja (sertifikat kantor)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + validityDays * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyPath, pems.private, { mode: 0o600 });
  fs.writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, fingerprint: certificateFingerprint(pems.cert), source: certPath, created: true };
}
