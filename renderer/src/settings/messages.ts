import { defineMessages } from '../i18n/define';

export const settingsMessages = defineMessages(
  {
    'settings.title': 'Pengaturan',
    'settings.display': 'Tampilan',
    'settings.theme': 'Tema',
    'settings.language': 'Bahasa',
    'settings.account': 'Akun saya',
    'settings.server': 'Sambungan',
    'settings.transportIpc': 'Aplikasi desktop (basis data lokal)',
    'settings.transportHttp': 'Peramban, melalui server kantor',
  },
  {
    'settings.title': 'Settings',
    'settings.display': 'Display',
    'settings.theme': 'Theme',
    'settings.language': 'Language',
    'settings.account': 'My account',
    'settings.server': 'Connection',
    'settings.transportIpc': 'Desktop app (local database)',
    'settings.transportHttp': 'Browser, through the office server',
  },
);
