import { defineMessages } from '../i18n/define';

/** The form layer's own words (useCommandForm, FormModal). */
export const formMessages = defineMessages(
  {
    'form.required': 'Wajib diisi.',
    'form.draftRestored': 'Isian yang belum disimpan dari kunjungan sebelumnya dipulihkan.',
    'form.draftDiscard': 'Buang isian yang dipulihkan',
  },
  {
    'form.required': 'Required.',
    'form.draftRestored': 'Unsaved input from your previous visit was restored.',
    'form.draftDiscard': 'Discard restored input',
  },
);
