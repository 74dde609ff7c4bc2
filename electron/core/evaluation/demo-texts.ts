import type { Predikat, Rating } from '../../../shared/evaluation/predikat';
import type { PerilakuCode } from '../../../shared/skp/perilaku';

/**
 * What people write in the demo office's year: appraisers' feedback, employees' replies, notes of
 * evaluations, dialogue minutes and the appeal. Written the way officials in Langsa write them:
 * plain, polite, concrete. `{rhk}` is the RHK in lower case, `{sapaan}` Bapak or Ibu.
 */

export const rhkComments: Record<Rating, string[]> = {
  diatas: [
    'Capaian {rhk} periode ini melampaui rencana. Terima kasih, bukti dukungnya juga lengkap.',
    'Laporan {rhk} rapi dan tepat waktu. Pertahankan, dan bagikan cara kerjanya kepada rekan di unit.',
  ],
  sesuai: [
    'Progres {rhk} sudah sesuai rencana. Mohon bukti dukung diunggah paling lambat tanggal 5 bulan berikutnya.',
    'Untuk {rhk}, lampirkan juga rekap dari aplikasi agar mudah diverifikasi.',
    'Koordinasikan {rhk} dengan subbagian terkait supaya datanya tidak berbeda.',
    'Sudah baik. Pada periode berikutnya sertakan foto kegiatan sebagai bukti dukung {rhk}.',
  ],
  dibawah: [
    'Capaian {rhk} masih di bawah rencana periode ini. Apa kendalanya? Bila perlu kita bahas dalam dialog kinerja.',
    'Target {rhk} tertinggal. Tolong susun langkah penyelesaiannya dan laporkan pekan depan.',
  ],
};

export const replies: string[] = [
  'Baik, {sapaan}. Bukti dukungnya sudah saya lengkapi.',
  'Terima kasih atas masukannya, {sapaan}. Kendalanya data dari sekolah terlambat masuk; pekan depan saya tindak lanjuti.',
  'Siap, {sapaan}. Akan saya koordinasikan dengan rekan di subbagian terkait.',
  'Baik, {sapaan}. Rekap dari aplikasi saya lampirkan pada laporan berikutnya.',
  'Terima kasih, {sapaan}. Saya mohon waktu untuk membahas pembagian tugasnya dalam dialog kinerja.',
];

export const perilakuComments: Record<PerilakuCode, string[]> = {
  berorientasi_pelayanan: ['Layanan kepada sekolah yang datang ke kantor cepat dan ramah. Pertahankan.', 'Beberapa permintaan data dari sekolah terlambat dijawab; tetapkan batas waktu balasan.'],
  akuntabel: ['Pencatatan penggunaan barang milik daerah tertib.', 'Mohon daftar hadir kegiatan selalu dilampirkan pada laporan.'],
  kompeten: ['Terima kasih sudah membimbing rekan baru memakai aplikasi.', 'Ikuti pelatihan penyusunan laporan yang dibuka BKPSDM bulan depan.'],
  harmonis: ['Suasana kerja di seksi terjaga baik; rekan merasa terbantu.', 'Perbedaan pendapat dalam rapat kemarin sebaiknya diselesaikan langsung dengan tenang.'],
  loyal: ['Kerahasiaan data pegawai terjaga dengan baik.', 'Hindari membagikan dokumen dinas di grup percakapan umum.'],
  adaptif: ['Cepat menyesuaikan diri dengan aplikasi pelaporan yang baru.', 'Usulan perbaikan format laporan bulanan bagus; silakan ajukan secara tertulis.'],
  kolaboratif: ['Aktif membantu bidang lain saat persiapan asesmen nasional.', 'Libatkan rekan di seksi lain lebih awal ketika kegiatan membutuhkan data bersama.'],
};

export const rhkNotes: Record<Rating, string[]> = {
  diatas: ['Realisasi melampaui target periode; bukti dukung lengkap.', 'Hasil kerja melebihi rencana dan tepat waktu.'],
  sesuai: ['Realisasi sesuai target periode.', 'Sesuai rencana; bukti dukung memadai.'],
  dibawah: ['Realisasi di bawah target periode; perlu pendampingan.', 'Belum mencapai target; laporan terlambat disampaikan.'],
};

export const evaluationNotes: Record<Predikat, string[]> = {
  sangat_baik: [
    'Kinerja sangat baik dan konsisten. Direkomendasikan sebagai calon pegawai berprestasi dan diikutsertakan pada pelatihan lanjutan.',
    'Hasil kerja melampaui ekspektasi dengan perilaku kerja teladan. Diusulkan mendapat penghargaan dan menjadi mentor bagi rekan di unit.',
  ],
  baik: [
    'Kinerja sesuai ekspektasi. Pertahankan ketepatan waktu pelaporan dan tingkatkan kelengkapan bukti dukung.',
    'Hasil kerja sesuai rencana. Dianjurkan mengikuti pelatihan pengelolaan data untuk mendukung tugas tahun depan.',
    'Kinerja baik. Perlu lebih aktif berkoordinasi dengan unit lain pada kegiatan lintas bidang.',
  ],
  butuh_perbaikan: [
    'Capaian RHK utama belum memenuhi target. Disepakati pendampingan oleh Pejabat Penilai setiap dua pekan dan pelatihan teknis pada periode berikutnya.',
  ],
  kurang: [
    'Terdapat ketidakhadiran tanpa keterangan selama lima hari kerja. Diberikan pembinaan; perilaku kerja dipantau setiap bulan.',
  ],
  sangat_kurang: ['Hasil dan perilaku kerja di bawah ekspektasi. Diberikan masa perbaikan enam bulan dengan pendampingan.'],
};

export const descriptiveRealisasi: string[] = [
  'Telah dilaksanakan sesuai rencana; rincian kegiatan terlampir dalam laporan periode ini.',
  'Terlaksana dengan hasil yang disepakati bersama satuan pendidikan; notulen dan daftar hadir terlampir.',
  'Sebagian besar tahapan selesai; sisa pekerjaan dijadwalkan pada periode berikutnya.',
];

export const realisasiNotes: string[] = [
  'Laporan disampaikan tepat waktu.',
  'Data diverifikasi bersama operator sekolah.',
  'Termasuk kegiatan tambahan atas permintaan Kepala Bidang.',
  'Rekap diambil dari aplikasi Dapodik.',
];

export const pemantauanDialogue = {
  note: 'Saya ingin membahas kemajuan RHK semester ini dan beban kerja di unit.',
  agenda: 'Kemajuan RHK semester pertama, kendala pelaporan, rencana semester kedua',
  discussion:
    'Realisasi RHK utama sampai Juni dibahas satu per satu bersama bukti dukungnya. Dua indikator tertinggal karena data dari sekolah terlambat masuk. Pejabat Penilai menjelaskan prioritas unit untuk semester kedua.',
  concerns: 'Saya merasa kewalahan pada akhir bulan karena permintaan data datang bersamaan dari beberapa bidang.',
  agreed: 'Permintaan data lintas bidang disalurkan lewat Kepala Seksi; laporan bulanan disampaikan paling lambat tanggal 5.',
  actions: [
    { text: 'Menyusun jadwal permintaan data lintas bidang', owner: 'penilai' as const },
    { text: 'Melengkapi bukti dukung triwulan kedua', owner: 'pegawai' as const },
  ],
};

export const evaluasiDialogue = {
  agenda: 'Tindak lanjut hasil evaluasi: RHK yang belum mencapai target dan rencana perbaikan',
  discussion:
    'Pejabat Penilai menjelaskan alasan predikat Butuh Perbaikan: RHK utama tertinggal dari target dan dua laporan terlambat. Pegawai menjelaskan kendala teknis pada aplikasi dan pembagian tugas.',
  concerns: 'Saya baru memegang tugas ini sejak awal tahun dan belum pernah dilatih memakai aplikasinya.',
  agreed: 'Pendampingan setiap dua pekan oleh Pejabat Penilai; pegawai diikutkan pelatihan aplikasi.',
  actions: [
    { text: 'Mendaftarkan pegawai pada pelatihan aplikasi BKPSDM', owner: 'penilai' as const },
    { text: 'Menyampaikan laporan mingguan kemajuan RHK', owner: 'pegawai' as const },
    { text: 'Pertemuan pendampingan dua pekanan', owner: 'bersama' as const },
  ],
};

export const appealTexts = {
  reasons:
    'Saya keberatan atas predikat Butuh Perbaikan. Keterlambatan laporan pada periode ini disebabkan gangguan aplikasi yang sudah saya laporkan kepada Subbagian Perencanaan (bukti tangkapan layar terlampir pada realisasi). Di luar itu, seluruh target kuantitas tercapai. Saya mohon hasil kerja saya dinilai Sesuai Ekspektasi.',
  appraiserExplanation:
    'Gangguan aplikasi memang terjadi, tetapi hanya tiga hari. Laporan tetap terlambat dua pekan dan dua kegiatan tidak disertai bukti dukung. Penilaian saya berdasarkan bukti yang ada pada saat evaluasi.',
};

export const requestNotes = {
  perencanaan: 'Mohon waktu untuk membahas rancangan SKP saya sebelum diajukan, terutama target kuantitasnya.',
  pemantauanByEmployee: 'Mohon waktu membahas realisasi bulan ini; ada kegiatan yang bergeser jadwalnya dan saya ingin menyepakati penyesuaiannya.',
  pemantauanByAppraiser: 'Saya ingin mendengar kendala Saudara pada realisasi bulan ini sebelum evaluasi.',
};
