import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { releaseFacts, signatureSuffix, verifyRelease } from '../core/release/signature';

/**
 * The desktop side of signed updates, without Electron (tested under Node): fetch `latest.yml` and
 * its `.sig` from the office server over TLS pinned to the certificate fingerprint the office
 * configured (a self-signed `serve --tls auto` certificate is trusted by its fingerprint, nothing
 * else), verify the Ed25519 signature, and compare what electron-updater is about to download or
 * install with what the signature covers (version and sha512). electron-updater checks the
 * installer's sha512 against its own copy of latest.yml; requiring that copy to equal the signed
 * one is what makes the installer itself covered.
 */
export interface ReleaseTrust {
  /** Public release keys (raw Ed25519, base64): built in, plus update.json `releaseKeys`. */
  releaseKeys: readonly string[];
  /** SHA-256 of the update server's certificate ("AB:CD:..."); required for https feeds. */
  fingerprint: string | null;
}

/** What electron-updater reports of an update (UpdateInfo). */
export interface OfferedUpdate {
  version: string;
  files?: { url?: string; sha512?: string }[];
  sha512?: string;
}

/** GET a small file; over https only from the server whose certificate has the pinned fingerprint. */
export function pinnedGet(url: string, fingerprint: string | null, maxBytes = 1024 * 1024): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const onResponse = (res: http.IncomingMessage) => {
      if (u.protocol === 'https:') {
        const cert = (res.socket as TLSSocket).getPeerX509Certificate?.();
        if (!cert || !fingerprint || cert.fingerprint256 !== fingerprint) {
          res.destroy();
          reject(new Error('Sertifikat server pembaruan tidak cocok dengan sidik jari yang dipasang (update.json "fingerprint").'));
          return;
        }
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size > maxBytes) res.destroy(new Error('Berkas pembaruan terlalu besar.'));
        else chunks.push(d);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    };
    const req =
      u.protocol === 'https:'
        ? // The chain is not what is trusted here, the pinned certificate is (checked on response).
          https.get(u, { rejectUnauthorized: false, agent: false, checkServerIdentity: () => undefined }, onResponse)
        : http.get(u, { agent: false }, onResponse);
    req.on('error', reject);
  });
}

/** null when the offered update is covered by a valid signature; else why not, in Indonesian. */
export async function checkSignedRelease(feedUrl: string, offered: OfferedUpdate, trust: ReleaseTrust): Promise<string | null> {
  if (trust.releaseKeys.length === 0) {
    return 'Pembaruan ditolak: kunci rilis kantor belum dipasang di aplikasi ini (update.json "releaseKeys"). Hubungi pengelola aplikasi.';
  }
  if (new URL(feedUrl).protocol === 'https:' && !trust.fingerprint) {
    return 'Pembaruan ditolak: sidik jari sertifikat server pembaruan belum dipasang (update.json "fingerprint").';
  }
  let yml: { status: number; body: Buffer };
  let sig: { status: number; body: Buffer };
  try {
    yml = await pinnedGet(new URL('latest.yml', feedUrl).href, trust.fingerprint);
    sig = await pinnedGet(new URL(`latest.yml${signatureSuffix}`, feedUrl).href, trust.fingerprint);
  } catch (err) {
    return `Pembaruan ditolak: ${(err as Error).message}`;
  }
  if (yml.status !== 200) return 'Pembaruan ditolak: latest.yml tidak dapat diambil dari server pembaruan.';
  if (sig.status !== 200) return 'Pembaruan ditolak: latest.yml tidak bertanda tangan (latest.yml.sig tidak ada). Minta admin menandatangani rilis dengan "kinerja release sign".';
  if (!verifyRelease(yml.body, sig.body.toString('utf8'), trust.releaseKeys)) {
    return 'Pembaruan ditolak: tanda tangan latest.yml tidak sah untuk kunci rilis kantor. Jangan pasang berkas dari server ini; hubungi pengelola aplikasi.';
  }
  const facts = releaseFacts(yml.body.toString('utf8'));
  const offeredSha = new Set([offered.sha512, ...(offered.files ?? []).map((f) => f.sha512)].filter((x): x is string => !!x));
  if (facts.version !== offered.version || offeredSha.size === 0 || [...offeredSha].some((s) => !facts.sha512.includes(s))) {
    return 'Pembaruan ditolak: berkas yang ditawarkan berbeda dari rilis yang ditandatangani.';
  }
  return null;
}

/** update.json's trust settings, normalised (the fingerprint in the "AB:CD:..." form). */
export function trustFromConfig(configFileText: string | null, builtInKeys: readonly string[]): ReleaseTrust {
  let parsed: { fingerprint?: unknown; releaseKeys?: unknown } = {};
  try {
    parsed = configFileText ? (JSON.parse(configFileText) as typeof parsed) : {};
  } catch {
    parsed = {};
  }
  const hex = typeof parsed.fingerprint === 'string' ? parsed.fingerprint.replace(/[\s:]/g, '').toUpperCase() : '';
  const fingerprint = /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
  const extra = Array.isArray(parsed.releaseKeys) ? parsed.releaseKeys.filter((k): k is string => typeof k === 'string') : [];
  return { releaseKeys: [...new Set([...builtInKeys, ...extra])], fingerprint };
}

/** For Electron's certificate verifier: does this PEM certificate have the pinned fingerprint? */
export function matchesPin(certificatePem: string, fingerprint: string | null): boolean {
  if (!fingerprint) return false;
  try {
    return new crypto.X509Certificate(certificatePem).fingerprint256 === fingerprint;
  } catch {
    return false;
  }
}
