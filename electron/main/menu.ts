import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, in Bahasa Indonesia. A pure function from the actions to Electron's menu
 * template, so the labels and wiring are tested without Electron.
 */

export interface MenuActions {
  backupNow(): void;
  showBackups(): void;
  restoreFromFile(): void;
  openDataFolder(): void;
  checkForUpdates(): void;
  about(): void;
}

export function buildMenuTemplate(actions: MenuActions, opts: { isPackaged: boolean; platform: string }): MenuItemConstructorOptions[] {
  const berkas: MenuItemConstructorOptions = {
    label: '&Berkas',
    submenu: [
      { label: 'Cadangkan sekarang', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backupNow() },
      { label: 'Daftar cadangan...', click: () => actions.showBackups() },
      { label: 'Pulihkan dari berkas cadangan...', click: () => actions.restoreFromFile() },
      { type: 'separator' },
      { label: 'Buka folder data', click: () => actions.openDataFolder() },
      { type: 'separator' },
      { label: 'Keluar', role: 'quit', accelerator: opts.platform === 'darwin' ? 'Cmd+Q' : 'Alt+F4' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Urungkan', role: 'undo' },
      { label: 'Ulangi', role: 'redo' },
      { type: 'separator' },
      { label: 'Potong', role: 'cut' },
      { label: 'Salin', role: 'copy' },
      { label: 'Tempel', role: 'paste' },
      { label: 'Pilih semua', role: 'selectAll' },
    ],
  };
  const tampilan: MenuItemConstructorOptions = {
    label: '&Tampilan',
    submenu: [
      { label: 'Muat ulang', role: 'reload' },
      { type: 'separator' },
      { label: 'Ukuran asli', role: 'resetZoom' },
      { label: 'Perbesar', role: 'zoomIn' },
      { label: 'Perkecil', role: 'zoomOut' },
      { type: 'separator' },
      { label: 'Layar penuh', role: 'togglefullscreen' },
      // Developer tools only in development: in an office they are a way around every rule.
      ...(opts.isPackaged ? [] : [{ type: 'separator' } as const, { label: 'Alat pengembang', role: 'toggleDevTools' } as const]),
    ],
  };
  const bantuan: MenuItemConstructorOptions = {
    label: 'B&antuan',
    submenu: [
      { label: 'Periksa pembaruan', click: () => actions.checkForUpdates() },
      { type: 'separator' },
      { label: 'Tentang Kinerja', click: () => actions.about() },
    ],
  };
  return [berkas, edit, tampilan, bantuan];
}
