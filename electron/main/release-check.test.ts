import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOffice, makeTempDir, removeAllTempDirs, type Office } from '../../tests/helpers';
import { run as releaseCli } from '../cli/commands/release';
import { generateReleaseKey, releaseFacts, signRelease, verifyRelease } from '../core/release/signature';
import { buildServer } from '../server/app';
import { ensureAutoCertificate } from '../server/tls';
import { checkSignedRelease, matchesPin, trustFromConfig, type ReleaseTrust } from './release-check';
import { UpdateController, type UpdatePrompts, type UpdaterBackend, type UpdateInfoLike } from './updater';

/**
 * docs/spec/operations.md §3: another PC on the LAN must not be able to serve a rogue installer. Pure Node (no
 * Electron binary): the real server with `--tls auto`'s certificate serves the feed, the check
 * fetches it pinned to that certificate and verifies the Ed25519 signature.
 */
const sha = 'k3eE1Xyv2h0pM0m0lO7l8Yb8n3w0Q9mZ0uH8b0p4V3Zq6Qq3mV1Jx8yC2r7sT9wT5u4vW6xY8zA1bC3dE5fG7h==';
const latestYml = `version: 0.3.0
files:
  - url: Kinerja-Setup-0.3.0.exe
    sha512: ${sha}
    size: 81234567
path: Kinerja-Setup-0.3.0.exe
sha512: ${sha}
releaseDate: '2026-12-01T02:00:00.000Z'
`;
const offered: UpdateInfoLike = { version: '0.3.0', files: [{ url: 'Kinerja-Setup-0.3.0.exe', sha512: sha }], sha512: sha };

let office: Office;
let app: Awaited<ReturnType<typeof buildServer>>;
let feedUrl: string;
let fingerprint: string;
let keyDir: string;
let publicKey: string;
const updatesDir = () => path.join(office.dir, 'updates');

beforeAll(async () => {
  office = makeOffice();
  const tls = await ensureAutoCertificate(makeTempDir());
  fingerprint = tls.fingerprint;
  app = await buildServer({ core: office.core, rendererDir: null, tls });
  await app.listen({ port: 0, host: '127.0.0.1' });
  feedUrl = `https://127.0.0.1:${(app.server.address() as AddressInfo).port}/updates/`;
  keyDir = path.join(makeTempDir(), 'kunci');
  expect(await releaseCli(['keygen', '--out', keyDir])).toBe(0);
  publicKey = fs.readFileSync(path.join(keyDir, 'kinerja-release.pub'), 'utf8').trim();
});

afterAll(async () => {
  await app?.close();
  office?.close();
  removeAllTempDirs();
});

function publish(yml = latestYml, sign = true): void {
  fs.writeFileSync(path.join(updatesDir(), 'latest.yml'), yml);
  fs.rmSync(path.join(updatesDir(), 'latest.yml.sig'), { force: true });
  if (sign) fs.writeFileSync(path.join(updatesDir(), 'latest.yml.sig'), signRelease(yml, fs.readFileSync(path.join(keyDir, 'kinerja-release.key'), 'utf8')));
}

const trust = (): ReleaseTrust => ({ releaseKeys: [publicKey], fingerprint });

describe('release keys and signatures', () => {
  it('keygen makes the key once (0600); sign writes latest.yml.sig that verifies with the public key only', async () => {
    expect(fs.statSync(path.join(keyDir, 'kinerja-release.key')).mode & 0o077).toBe(0);
    await expect(releaseCli(['keygen', '--out', keyDir])).rejects.toThrow(/sudah ada/);
    const feed = makeTempDir();
    fs.writeFileSync(path.join(feed, 'latest.yml'), latestYml);
    expect(await releaseCli(['sign', '--key', path.join(keyDir, 'kinerja-release.key'), '--feed', feed])).toBe(0);
    const sig = fs.readFileSync(path.join(feed, 'latest.yml.sig'), 'utf8');
    expect(verifyRelease(latestYml, sig, [publicKey])).toBe(true);
    expect(verifyRelease(latestYml.replace('0.3.0', '0.3.1'), sig, [publicKey])).toBe(false);
    expect(verifyRelease(latestYml, sig, [generateReleaseKey().publicKey])).toBe(false);
    expect(verifyRelease(latestYml, 'bukan-tanda-tangan', [publicKey])).toBe(false);
    expect(verifyRelease(latestYml, sig, ['kunci-rusak'])).toBe(false);
    expect(releaseFacts(latestYml)).toEqual({ version: '0.3.0', sha512: [sha] });
  });
});

describe('the signed-release check over pinned TLS', () => {
  it('accepts the release the office signed, served by the pinned server', async () => {
    publish();
    expect(await checkSignedRelease(feedUrl, offered, trust())).toBeNull();
  });

  it('refuses another server (wrong fingerprint), an unsigned or re-written feed, another key, and an offer that is not the signed one', async () => {
    publish();
    const other = await ensureAutoCertificate(makeTempDir());
    expect(await checkSignedRelease(feedUrl, offered, { ...trust(), fingerprint: other.fingerprint })).toMatch(/sidik jari/);
    expect(await checkSignedRelease(feedUrl, offered, { ...trust(), fingerprint: null })).toMatch(/sidik jari/);
    expect(await checkSignedRelease(feedUrl, offered, { ...trust(), releaseKeys: [] })).toMatch(/kunci rilis kantor belum dipasang/);
    expect(await checkSignedRelease(feedUrl, offered, { ...trust(), releaseKeys: [generateReleaseKey().publicKey] })).toMatch(/tanda tangan latest.yml tidak sah/);
    // electron-updater was handed a different installer than the signed latest.yml names.
    expect(await checkSignedRelease(feedUrl, { ...offered, files: [{ sha512: 'ZmFrZQ==' }], sha512: 'ZmFrZQ==' }, trust())).toMatch(/berbeda dari rilis/);
    expect(await checkSignedRelease(feedUrl, { ...offered, version: '0.3.1' }, trust())).toMatch(/berbeda dari rilis/);

    publish(latestYml, false);
    expect(await checkSignedRelease(feedUrl, offered, trust())).toMatch(/tidak bertanda tangan/);
    // Someone edits the served latest.yml (a rogue installer's sha512) but keeps the old signature.
    publish();
    fs.writeFileSync(path.join(updatesDir(), 'latest.yml'), latestYml.replaceAll(sha, 'cm9ndWU='));
    expect(await checkSignedRelease(feedUrl, { ...offered, files: [{ sha512: 'cm9ndWU=' }], sha512: 'cm9ndWU=' }, trust())).toMatch(/tidak sah/);
  });

  it('update.json gives the pin in any spelling and adds release keys; the certificate pin matches only that certificate', async () => {
    const t = trustFromConfig(JSON.stringify({ url: feedUrl, fingerprint: fingerprint.replace(/:/g, '').toLowerCase(), releaseKeys: [publicKey] }), ['a2V5']);
    expect(t).toEqual({ fingerprint, releaseKeys: ['a2V5', publicKey] });
    expect(trustFromConfig('bukan json', [])).toEqual({ fingerprint: null, releaseKeys: [] });
    const other = await ensureAutoCertificate(makeTempDir());
    expect(matchesPin(other.cert, fingerprint)).toBe(false);
    expect(matchesPin(other.cert, other.fingerprint)).toBe(true);
    expect(matchesPin(other.cert, null)).toBe(false);
  });
});

/** electron-updater stand-in: offers one update, "downloads" it. */
class OfferingUpdater extends EventEmitter implements UpdaterBackend {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  downloads = 0;
  installs = 0;
  setFeedURL() {}
  async checkForUpdates() {
    await Promise.resolve();
    this.emit('update-available', offered);
    return null;
  }
  async downloadUpdate() {
    this.downloads++;
    this.emit('update-downloaded', offered);
    return [];
  }
  quitAndInstall() {
    this.installs++;
  }
}

describe('the update controller installs only signed releases', () => {
  const flush = () => new Promise((r) => setTimeout(r, 20));
  const prompts = () => {
    const told: string[] = [];
    const p: UpdatePrompts = { confirmDownload: async () => true, confirmInstall: async () => true, inform: (_k, m) => told.push(m) };
    return { p, told };
  };

  it('a refused release is neither downloaded nor installed, and the user is told why', async () => {
    publish(latestYml, false);
    const fake = new OfferingUpdater();
    const { p, told } = prompts();
    const c = new UpdateController(fake, p, {
      currentVersion: '0.2.0',
      availability: { enabled: true },
      feedUrl,
      verifyRelease: (info) => checkSignedRelease(feedUrl, info, trust()),
    });
    await c.check(false);
    for (let i = 0; i < 50 && c.state.status !== 'error'; i++) await flush();
    expect(fake.downloads).toBe(0);
    expect(fake.installs).toBe(0);
    expect(c.state).toMatchObject({ status: 'error', message: expect.stringMatching(/tidak bertanda tangan/) });
    expect(told.join('\n')).toMatch(/tidak bertanda tangan/);
  });

  it('a signed release is downloaded and installed; without a check configured nothing is', async () => {
    publish();
    const fake = new OfferingUpdater();
    const c = new UpdateController(fake, prompts().p, {
      currentVersion: '0.2.0',
      availability: { enabled: true },
      feedUrl,
      verifyRelease: (info) => checkSignedRelease(feedUrl, info, trust()),
    });
    await c.check(false);
    for (let i = 0; i < 50 && fake.installs === 0; i++) await flush();
    expect(fake.downloads).toBe(1);
    expect(fake.installs).toBe(1);

    const unchecked = new OfferingUpdater();
    const c2 = new UpdateController(unchecked, prompts().p, { currentVersion: '0.2.0', availability: { enabled: true }, feedUrl });
    await c2.check(false);
    await flush();
    expect(unchecked.downloads).toBe(0);
  });
});
