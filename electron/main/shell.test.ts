import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { buildMenuTemplate, type MenuActions } from './menu';
import { resolveDataDir, resolveNativeBinding } from './paths';
import { classifyStartupError, escapeHtml, parseStartupAction, renderStartupErrorPage } from './startup-error';
import { sanitizeWindowState } from './window-state';

describe('menu in Bahasa Indonesia', () => {
  const actions: MenuActions = {
    backupNow: vi.fn(),
    showBackups: vi.fn(),
    restoreFromFile: vi.fn(),
    openDataFolder: vi.fn(),
    checkForUpdates: vi.fn(),
    about: vi.fn(),
  };
  const template = buildMenuTemplate(actions, { isPackaged: true, platform: 'win32' });
  const labels = (t: typeof template) => t.map((m) => String(m.label).replace('&', ''));
  const items = (t: typeof template) => t.flatMap((m) => (m.submenu as { label?: string; click?: () => void }[]).filter((i) => i.label));

  it('has Berkas, Edit, Tampilan, Bantuan', () => {
    expect(labels(template)).toEqual(['Berkas', 'Edit', 'Tampilan', 'Bantuan']);
  });

  it.each([
    ['Periksa pembaruan', 'checkForUpdates'],
    ['Buka folder data', 'openDataFolder'],
    ['Cadangkan sekarang', 'backupNow'],
    ['Tentang Kinerja', 'about'],
    ['Pulihkan dari berkas cadangan...', 'restoreFromFile'],
  ] as const)('"%s" calls %s', (label, action) => {
    const item = items(template).find((i) => i.label === label);
    expect(item).toBeDefined();
    item!.click!();
    expect(actions[action]).toHaveBeenCalled();
  });

  it('offers developer tools only outside a packaged app', () => {
    const roles = (t: typeof template) => JSON.stringify(t);
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(actions, { isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('keeps a visible saved position and size', () => {
    expect(sanitizeWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, screen)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
  });
  it('drops a position on a monitor that is gone', () => {
    const s = sanitizeWindowState({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, screen);
    expect(s.x).toBeUndefined();
    expect(s.width).toBe(1200);
  });
  it('fixes nonsense and tiny or oversized windows', () => {
    expect(sanitizeWindowState('rusak', screen)).toEqual({ width: 1280, height: 820, maximized: false });
    expect(sanitizeWindowState({ width: 10, height: 10 }, screen)).toMatchObject({ width: 900, height: 600 });
    expect(sanitizeWindowState({ width: 9000, height: 9000 }, screen)).toMatchObject({ width: 1920, height: 1040 });
  });
});

describe('paths', () => {
  it('puts data under userData unless KINERJA_DATA_DIR says otherwise', () => {
    expect(resolveDataDir({ env: {}, userDataDir: '/home/a/.config/Kinerja' })).toBe(path.join('/home/a/.config/Kinerja', 'data'));
    expect(resolveDataDir({ env: { KINERJA_DATA_DIR: 'relatif/data' }, userDataDir: '/x' })).toBe(path.resolve('relatif/data'));
  });
  it('loads the Electron-ABI SQLite build from resources when packaged, from the build cache otherwise', () => {
    const base = { resourcesPath: '/opt/Kinerja/resources', appPath: '/src/kinerja', env: {}, platform: 'linux', arch: 'x64' };
    expect(resolveNativeBinding({ ...base, isPackaged: true })).toBe(path.join('/opt/Kinerja/resources', 'native', 'better_sqlite3.node'));
    expect(resolveNativeBinding({ ...base, isPackaged: false })).toBe(
      path.join('/src/kinerja', 'node_modules', '.cache', 'kinerja-electron-native', 'linux-x64', 'better_sqlite3.node'),
    );
    expect(resolveNativeBinding({ ...base, isPackaged: false, env: { KINERJA_NATIVE_BINDING: '/tmp/b.node' } })).toBe(path.resolve('/tmp/b.node'));
  });
});

describe('startup error screen', () => {
  it('classifies a newer schema, a lock, corruption and a native module mismatch', () => {
    expect(classifyStartupError(new AppError('RULE_VIOLATION', 'baru', { details: { reason: 'NEWER_SCHEMA' } })).reason).toBe('NEWER_SCHEMA');
    expect(classifyStartupError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })).reason).toBe('LOCKED');
    expect(classifyStartupError(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' })).reason).toBe('CORRUPT');
    expect(classifyStartupError(new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115')).reason).toBe('NATIVE');
    expect(classifyStartupError(new Error('?')).reason).toBe('UNKNOWN');
  });

  it('lists restorable backups with action links and escapes everything', () => {
    const html = renderStartupErrorPage({
      problem: { reason: 'CORRUPT', title: 'Rusak <b>', message: 'pesan & "kutip"', technical: '<script>alert(1)</script>' },
      dataDir: 'C:\\Users\\<x>',
      supportedSchema: 2,
      backups: [
        { id: '20250101T010000Z-daily', createdAt: '2025-01-01T01:00:00Z', kind: 'daily', totalBytes: 2_000_000, schemaVersion: 2 },
        { id: '20250102T010000Z-manual', createdAt: '2025-01-02T01:00:00Z', kind: 'manual', totalBytes: 10, schemaVersion: 3 },
      ],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Rusak &lt;b&gt;');
    expect(html).toContain('app://kinerja/__aksi/pulihkan/20250101T010000Z-daily');
    // A backup from a newer schema would be refused: not offered.
    expect(html).not.toContain('20250102T010000Z-manual');
    expect(html).toContain('Buka folder data');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });

  it('reads only its own action links', () => {
    expect(parseStartupAction('app://kinerja/__aksi/pulihkan/20250101T010000Z-daily')).toEqual({ kind: 'restore-backup', id: '20250101T010000Z-daily' });
    expect(parseStartupAction('app://kinerja/__aksi/pulihkan/..%2f..%2fx')).toBeNull();
    expect(parseStartupAction('app://kinerja/__aksi/coba-lagi')).toEqual({ kind: 'retry' });
    expect(parseStartupAction('https://kinerja/__aksi/keluar')).toBeNull();
    expect(parseStartupAction('app://kinerja/__aksi/hapus-semua')).toBeNull();
  });
});
