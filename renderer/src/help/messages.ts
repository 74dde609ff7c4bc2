import { defineMessages } from '../i18n/define';

export const helpMessages = defineMessages(
  {
    'help.button': 'Bantuan',
    'help.title': 'Bantuan: {page}',
    'help.titleGeneric': 'Bantuan',
    'help.steps': 'Yang dilakukan di halaman ini',
    'help.rule': 'Aturannya',
    'help.none': 'Belum ada bantuan untuk halaman ini. Panduan lengkap per peran dapat diunduh di bawah.',
    'help.guides': 'Panduan cetak',
    'help.guidesIntro': 'Panduan per peran berisi teks bantuan yang sama untuk setiap halaman, siap dicetak.',
    'help.guide': 'Unduh panduan {role} (PDF)',
    'help.shortcut': 'Tekan F1 di halaman mana pun untuk membuka bantuan ini.',
  },
  {
    'help.button': 'Help',
    'help.title': 'Help: {page}',
    'help.titleGeneric': 'Help',
    'help.steps': 'What to do on this page',
    'help.rule': 'The rule',
    'help.none': 'No help for this page yet. The full guide per role can be downloaded below.',
    'help.guides': 'Printable guides',
    'help.guidesIntro': 'The guide per role holds the same help text for every page, ready to print.',
    'help.guide': 'Download the {role} guide (PDF)',
    'help.shortcut': 'Press F1 on any page to open this help.',
  },
);
