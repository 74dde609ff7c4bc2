import type { MessageBoxSyncOptions } from 'electron';

/**
 * Closing the window (or quitting, or installing an update) while a form has unsaved changes. The
 * renderer refuses the unload (its beforeunload handler, see useLeaveGuard); Electron then asks
 * main through `will-prevent-unload` and, unless told otherwise, silently keeps the window open.
 * So main asks the user, in Indonesian, and lets the window go only on an explicit choice.
 */
export const unsavedChangesDialog: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Perubahan belum disimpan',
  message: 'Ada perubahan yang belum disimpan.',
  detail: 'Bila jendela ditutup sekarang, perubahan itu hilang. Kembali ke halaman untuk menyimpannya lebih dulu.',
  buttons: ['Kembali dan simpan', 'Tutup tanpa menyimpan'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};

/** The index of the button that discards the changes; Escape and Enter keep the window open. */
const discardButton = 1;

/** True when the user chose to close anyway (main then calls event.preventDefault()). */
export function leaveDespiteUnsaved(response: number): boolean {
  return response === discardButton;
}
