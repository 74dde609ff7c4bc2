import { defineMessages } from '../i18n/define';

/** Leaving a form with unsaved input, and drafts kept in the browser. */
export const guardMessages = defineMessages(
  {
    'guard.title': 'Perubahan belum disimpan',
    'guard.message': 'Ada isian di halaman ini yang belum disimpan. Bila Anda pergi sekarang, isian itu hilang.',
    'guard.stay': 'Tetap di halaman ini',
    'guard.leave': 'Tinggalkan tanpa menyimpan',
    'guard.saveAndLeave': 'Simpan lalu pergi',
    'draft.restored': 'Isian yang belum disimpan dari kunjungan sebelumnya dipulihkan. Simpan bila ingin memakainya, atau buang.',
    'draft.discard': 'Buang isian yang dipulihkan',
  },
  {
    'guard.title': 'Unsaved changes',
    'guard.message': 'Something on this page has not been saved. If you leave now, it is lost.',
    'guard.stay': 'Stay on this page',
    'guard.leave': 'Leave without saving',
    'guard.saveAndLeave': 'Save and leave',
    'draft.restored': 'Unsaved input from your previous visit was restored. Save it to keep it, or discard it.',
    'draft.discard': 'Discard restored input',
  },
);
