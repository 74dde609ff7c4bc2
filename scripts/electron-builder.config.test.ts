import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFiles, resolveFontsDir } from '../electron/core/documents/fonts';
import { nativeBindingFileName, nativeCacheDir } from '../electron/main/paths';
import pkg from '../package.json' with { type: 'json' };

/**
 * Packaging cannot run on this machine (no Electron binary, no Windows), so this test keeps
 * electron-builder.yml from rotting: it loads the file with electron-builder's own loader, validates
 * it against electron-builder's own JSON schema, and checks what the offices depend on.
 */

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);
// Internal modules of electron-builder, resolved the way electron-builder itself does.
const configModule = require(require.resolve('app-builder-lib/out/util/config/config.js', { paths: [root] })) as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

async function loadConfig() {
  return (await configModule.getConfig(root, path.join(root, 'electron-builder.yml'), null)) as {
    appId: string;
    productName: string;
    asar: boolean;
    npmRebuild: boolean;
    files: (string | { filter: string[] })[];
    directories: { buildResources: string; output: string };
    extraResources: { from: string; to: string }[];
    win: { target: { target: string; arch: string[] }[]; icon: string };
    nsis: Record<string, unknown>;
    linux: { target: string[]; icon: string; category: string };
    publish: { provider: string; url: string }[];
  };
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const config = await loadConfig();
    await expect(configModule.validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('would catch a misspelt option (the validator is really active)', async () => {
    const config = await loadConfig();
    await expect(
      configModule.validateConfiguration({ ...config, nsis: { ...config.nsis, perMachne: true } }, { isEnabled: false, add: () => undefined }),
    ).rejects.toThrow(/nsis/);
  });

  it('names the app and keeps asar on', async () => {
    const config = await loadConfig();
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Kinerja');
    expect(config.asar).toBe(true);
    expect(config.directories.buildResources).toBe('build');
  });

  it('builds Windows NSIS with the per-machine choice in Indonesian', async () => {
    const config = await loadConfig();
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      installerLanguages: ['id_ID'],
      language: '1057',
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds Linux AppImage and deb', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
  });

  it('publishes to a generic provider (the office LAN server)', async () => {
    const config = await loadConfig();
    expect(config.publish).toHaveLength(1);
    expect(config.publish[0]!.provider).toBe('generic');
    expect(config.publish[0]!.url).toMatch(/^https?:\/\/[^/]+(:\d+)?\/updates\/$/);
  });

  it('ships the bundles, the renderer and the Electron-ABI SQLite build, never the Node one', async () => {
    const config = await loadConfig();
    expect(pkg.main).toBe('dist-electron/main.cjs');
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist-electron/**', 'dist/renderer/**', '!node_modules/better-sqlite3/build/**']));
    expect(config.npmRebuild).toBe(false);
    // The same folder scripts/electron-native.mjs fills and main.ts reads in development.
    const expected = path.relative(root, path.join(nativeCacheDir(root, '${platform}', '${arch}'), nativeBindingFileName)).split(path.sep).join('/');
    // The native module, and the document fonts where resolveFontsDir looks in a packaged app.
    expect(config.extraResources).toEqual([
      { from: expected, to: 'native/better_sqlite3.node' },
      { from: 'resources/fonts', to: 'fonts' },
    ]);
    expect(resolveFontsDir({ env: {}, resourcesPath: path.join(root, 'resources'), searchFrom: [] })).toBe(path.join(root, 'resources', 'fonts'));
    for (const file of Object.values(fontFiles)) expect(fs.existsSync(path.join(root, 'resources/fonts', file)), file).toBe(true);
  });

  it('has icons of our own in build/', async () => {
    const config = await loadConfig();
    expect(pngSize(path.join(root, 'build/icon.png'))).toEqual({ width: 512, height: 512 });
    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(root, config.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('runs the native build before packaging', () => {
    expect(pkg.scripts.dist).toContain('scripts/dist.mjs');
    expect(pkg.scripts.start).toContain('scripts/electron-start.mjs');
    const dist = fs.readFileSync(path.join(root, 'scripts/dist.mjs'), 'utf8');
    expect(dist).toContain('electron-native.mjs');
    expect(dist).toContain('electron-builder.yml');
  });
});
