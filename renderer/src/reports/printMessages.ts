import { defineMessages } from '../i18n/define';

/** Printing many evaluation documents at once, and the Laporan Penilaian SKP download. */
export const printMessages = defineMessages(
  {
    'print.title': 'Cetak dan unduh',
    'print.all': 'Cetak semua (PDF)',
    'print.finalOnly': 'Hanya penilaian final',
    'print.unit': 'Unit kerja yang dicetak',
    'print.wholeOffice': 'Seluruh kantor',
    'print.help': 'Satu berkas PDF berisi Dokumen Evaluasi Kinerja Pegawai setiap pegawai pada periode ini, masing-masing pada halamannya sendiri. Draf ditandai DRAF.',
    'print.helpMine': 'Satu berkas PDF berisi Dokumen Evaluasi Kinerja Pegawai setiap pegawai yang Anda nilai pada periode ini. Draf ditandai DRAF.',
    'print.nothingFinal': 'Belum ada penilaian final pada periode ini.',
    'print.nothing': 'Belum ada penilaian pada periode ini.',
    'laporan.download': 'Unduh Laporan Penilaian SKP (Excel)',
    'laporan.help': 'Bentuk unduhan e-Kinerja BKN: satu baris per SKP yang disetujui pada periode ini, dengan hasil penilaian yang sudah final.',
  },
  {
    'print.title': 'Print and download',
    'print.all': 'Print all (PDF)',
    'print.finalOnly': 'Final evaluations only',
    'print.unit': 'Work unit to print',
    'print.wholeOffice': 'Whole office',
    'print.help': 'One PDF file with the Dokumen Evaluasi Kinerja Pegawai of every employee for this period, each on its own pages. Drafts are marked DRAF.',
    'print.helpMine': 'One PDF file with the Dokumen Evaluasi Kinerja Pegawai of every employee you appraise for this period. Drafts are marked DRAF.',
    'print.nothingFinal': 'No final evaluation for this period yet.',
    'print.nothing': 'No evaluation for this period yet.',
    'laporan.download': 'Download the Laporan Penilaian SKP (Excel)',
    'laporan.help': 'In the shape of the e-Kinerja BKN download: one row per approved plan in this period, with the evaluation results already final.',
  },
);
