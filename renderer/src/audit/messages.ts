import { defineMessages } from '../i18n/define';

export const auditMessages = defineMessages(
  {
    'audit.title': 'Jejak Audit',
    'audit.intro': 'Setiap perubahan data tercatat dengan pelaku, waktu, serta isi sebelum dan sesudahnya. Setiap baris memuat hash baris sebelumnya, sehingga perubahan di luar aplikasi terdeteksi.',
    'audit.verify': 'Periksa keutuhan',
    'audit.time': 'Waktu',
    'audit.actor': 'Pelaku',
    'audit.command': 'Perintah',
    'audit.record': 'Data',
    'audit.system': 'Sistem',
    'audit.more': 'Muat lebih banyak',
    'audit.empty': 'Belum ada catatan audit.',
  },
  {
    'audit.title': 'Audit trail',
    'audit.intro': 'Every change is recorded with who, when, and the data before and after. Each row holds the hash of the previous one, so edits outside the app are detected.',
    'audit.verify': 'Check integrity',
    'audit.time': 'Time',
    'audit.actor': 'Actor',
    'audit.command': 'Command',
    'audit.record': 'Record',
    'audit.system': 'System',
    'audit.more': 'Load more',
    'audit.empty': 'No audit entries yet.',
  },
);
