import type { IndicatorInput } from '../../../shared/skp/commands';

/**
 * The demo office's plans (Dinas Pendidikan dan Kebudayaan Kota Langsa), written the way such an
 * office writes them: the Kepala Dinas's RHK come from the Perjanjian Kinerja, every lower RHK
 * supports one RHK of the appraiser (`supports`: index among the appraiser's Utama RHK).
 */
export interface DemoRhk {
  text: string;
  /** Which of the appraiser's Utama RHK this one supports; absent: not linked (the cascade view flags it). */
  supports?: number;
  pk?: string;
  indicators: IndicatorInput[];
}

export interface DemoPlan {
  approach?: 'kuantitatif' | 'kualitatif';
  utama: DemoRhk[];
  tambahan?: DemoRhk[];
}

/** The usual three IKI of a kuantitatif RHK: how many, how well, by when. */
function kkw(count: string, min: number, max: number | null, unit: string, quality: string, qualityMin = 90, when = 'Ketepatan waktu penyelesaian sesuai jadwal'): IndicatorInput[] {
  return [
    { aspek: 'kuantitas', text: count, targetMin: min, targetMax: max, targetUnit: unit },
    { aspek: 'kualitas', text: quality, targetMin: qualityMin, targetMax: 100, targetUnit: 'persen' },
    { aspek: 'waktu', text: when, targetMin: 12, targetUnit: 'bulan' },
  ];
}

const pk = (n: number) => `Perjanjian Kinerja Tahun 2026, Sasaran Strategis ${n}`;

/** Leaders, by position name. */
export const leaderPlans: Record<string, DemoPlan> = {
  'Kepala Dinas Pendidikan dan Kebudayaan': {
    utama: [
      {
        text: 'Meningkatnya mutu dan pemerataan layanan pendidikan dasar di Kota Langsa',
        pk: pk(1),
        indicators: [
          { perspektif: 'penerima_layanan', text: 'Angka Partisipasi Murni SD/MI', targetMin: 98, targetUnit: 'persen' },
          { perspektif: 'proses_bisnis', text: 'Persentase satuan pendidikan dengan capaian literasi Rapor Pendidikan kategori baik', targetMin: 70, targetUnit: 'persen' },
        ],
      },
      {
        text: 'Meningkatnya kompetensi dan profesionalisme pendidik dan tenaga kependidikan',
        pk: pk(2),
        indicators: [
          { perspektif: 'penerima_layanan', text: 'Persentase guru yang memiliki sertifikat pendidik', targetMin: 85, targetUnit: 'persen' },
          { perspektif: 'penguatan_internal', text: 'Persentase guru yang mengikuti pengembangan keprofesian berkelanjutan', targetMin: 75, targetUnit: 'persen' },
        ],
      },
      {
        text: 'Terlestarikannya cagar budaya dan kesenian tradisional Aceh di Kota Langsa',
        pk: pk(3),
        indicators: [
          { perspektif: 'penerima_layanan', text: 'Jumlah objek cagar budaya yang ditetapkan', targetMin: 5, targetUnit: 'objek' },
          { perspektif: 'proses_bisnis', text: 'Jumlah sanggar seni yang dibina', targetMin: 12, targetUnit: 'sanggar' },
        ],
      },
      {
        text: 'Meningkatnya akuntabilitas kinerja dan tata kelola keuangan Dinas',
        pk: pk(4),
        indicators: [
          { perspektif: 'penguatan_internal', text: 'Nilai SAKIP Dinas Pendidikan dan Kebudayaan', targetMin: 75, targetUnit: 'poin' },
          { perspektif: 'anggaran', text: 'Persentase realisasi anggaran Dinas', targetMin: 95, targetUnit: 'persen' },
        ],
      },
    ],
    tambahan: [
      {
        text: 'Terlaksananya koordinasi program Merdeka Belajar dengan Dinas Pendidikan Aceh',
        indicators: [{ perspektif: 'proses_bisnis', text: 'Jumlah rapat koordinasi yang diikuti dan ditindaklanjuti', targetMin: 4, targetUnit: 'kali' }],
      },
    ],
  },
  Sekretaris: {
    utama: [
      {
        text: 'Terwujudnya tata kelola kesekretariatan, keuangan dan perencanaan Dinas yang akuntabel',
        supports: 3,
        indicators: kkw('Jumlah dokumen perencanaan, keuangan dan laporan kinerja yang diselesaikan', 8, 10, 'dokumen', 'Persentase dokumen yang diterima tanpa revisi'),
      },
      {
        text: 'Terkoordinasinya pelaksanaan program kebudayaan (Plt. Kepala Bidang Kebudayaan)',
        supports: 2,
        indicators: kkw('Jumlah kegiatan pelestarian budaya yang dikoordinasikan', 6, null, 'kegiatan', 'Persentase kegiatan yang terlaksana sesuai rencana'),
      },
    ],
    tambahan: [
      {
        text: 'Terlaksananya pembinaan disiplin pegawai di lingkungan Dinas',
        indicators: [{ aspek: 'kuantitas', text: 'Jumlah apel dan pembinaan pegawai yang dipimpin', targetMin: 12, targetUnit: 'kali' }],
      },
    ],
  },
  'Kepala Subbagian Umum dan Kepegawaian': {
    utama: [
      {
        text: 'Terlaksananya layanan umum, kepegawaian dan rumah tangga Dinas',
        supports: 0,
        indicators: kkw('Jumlah layanan administrasi kepegawaian yang diselesaikan', 250, 300, 'layanan', 'Persentase layanan yang selesai tanpa pengaduan'),
      },
      {
        text: 'Terpeliharanya barang milik daerah di lingkungan Dinas',
        supports: 0,
        indicators: kkw('Jumlah barang milik daerah yang diinventarisasi', 400, null, 'unit', 'Persentase data inventaris yang sesuai kondisi fisik', 95),
      },
    ],
  },
  'Kepala Subbagian Keuangan': {
    utama: [
      {
        text: 'Tersusunnya laporan keuangan Dinas yang tepat waktu dan sesuai standar',
        supports: 0,
        indicators: kkw('Jumlah laporan keuangan bulanan dan semesteran', 14, null, 'laporan', 'Persentase laporan tanpa koreksi BPKD'),
      },
    ],
  },
  'Kepala Subbagian Perencanaan dan Pelaporan': {
    utama: [
      {
        text: 'Tersusunnya dokumen perencanaan dan laporan kinerja Dinas',
        supports: 0,
        indicators: kkw('Jumlah dokumen Renja, RKA, Perjanjian Kinerja dan LKjIP', 5, null, 'dokumen', 'Persentase dokumen yang selaras dengan Renstra'),
      },
    ],
  },
  'Kepala Bidang Pembinaan Sekolah Dasar': {
    utama: [
      {
        text: 'Meningkatnya mutu layanan pembinaan sekolah dasar',
        supports: 0,
        indicators: kkw('Jumlah SD yang dibina dalam peningkatan mutu', 48, null, 'sekolah', 'Persentase SD dengan capaian literasi kategori baik', 70),
      },
      {
        text: 'Terpenuhinya sarana dan prasarana SD sesuai standar nasional',
        supports: 0,
        indicators: kkw('Jumlah ruang kelas SD yang direhabilitasi', 24, null, 'ruang kelas', 'Persentase pekerjaan rehabilitasi yang sesuai spesifikasi', 95),
      },
    ],
  },
  'Kepala Bidang Pembinaan Sekolah Menengah Pertama': {
    utama: [
      {
        text: 'Meningkatnya mutu layanan pembinaan sekolah menengah pertama',
        supports: 0,
        indicators: kkw('Jumlah SMP yang dibina dalam peningkatan mutu', 16, null, 'sekolah', 'Persentase SMP dengan capaian numerasi kategori baik', 65),
      },
      {
        text: 'Terpenuhinya sarana dan prasarana SMP sesuai standar nasional',
        supports: 0,
        indicators: kkw('Jumlah laboratorium dan ruang kelas SMP yang dibangun atau direhabilitasi', 10, null, 'ruang', 'Persentase pekerjaan yang sesuai spesifikasi', 95),
      },
    ],
  },
  'Kepala Bidang Guru dan Tenaga Kependidikan': {
    utama: [
      {
        text: 'Meningkatnya kompetensi dan kesejahteraan pendidik dan tenaga kependidikan',
        supports: 1,
        indicators: kkw('Jumlah guru yang mengikuti pelatihan dan pendampingan', 600, 700, 'orang', 'Persentase usulan tunjangan profesi yang terverifikasi tepat', 98),
      },
    ],
  },
  'Kepala Seksi Kurikulum dan Penilaian SD': {
    utama: [
      {
        text: 'Terlaksananya pendampingan implementasi Kurikulum Merdeka di SD',
        supports: 0,
        indicators: kkw('Jumlah SD yang didampingi implementasi Kurikulum Merdeka', 48, null, 'sekolah', 'Persentase SD yang menyusun kurikulum operasional satuan pendidikan'),
      },
      {
        text: 'Terlaksananya asesmen dan penilaian hasil belajar SD',
        supports: 0,
        indicators: kkw('Jumlah SD yang mengikuti Asesmen Nasional', 48, null, 'sekolah', 'Persentase keikutsertaan peserta didik terpilih', 98),
      },
    ],
  },
  'Kepala Seksi Peserta Didik dan Pembangunan Karakter SD': {
    utama: [
      {
        text: 'Terkelolanya data peserta didik dan program penguatan karakter SD',
        supports: 0,
        indicators: kkw('Jumlah SD yang melaksanakan program penguatan karakter', 40, null, 'sekolah', 'Persentase data peserta didik SD yang valid di Dapodik', 98),
      },
    ],
  },
  'Kepala Seksi Sarana dan Prasarana SD': {
    utama: [
      {
        text: 'Tersedianya sarana dan prasarana SD sesuai standar',
        supports: 1,
        indicators: kkw('Jumlah usulan rehabilitasi ruang kelas SD yang diverifikasi', 30, null, 'usulan', 'Persentase usulan yang didukung data kondisi bangunan'),
      },
    ],
  },
  'Kepala Seksi Kurikulum dan Penilaian SMP': {
    utama: [
      {
        text: 'Terlaksananya pendampingan implementasi Kurikulum Merdeka di SMP',
        supports: 0,
        indicators: kkw('Jumlah SMP yang didampingi implementasi Kurikulum Merdeka', 16, null, 'sekolah', 'Persentase SMP yang melaksanakan projek penguatan profil pelajar Pancasila'),
      },
    ],
  },
  'Kepala Seksi Peserta Didik dan Pembangunan Karakter SMP': {
    utama: [
      {
        text: 'Terlaksananya pembinaan kesiswaan dan karakter peserta didik SMP',
        supports: 0,
        indicators: kkw('Jumlah kegiatan pembinaan kesiswaan tingkat kota', 8, null, 'kegiatan', 'Persentase SMP yang berpartisipasi'),
      },
    ],
  },
  'Kepala Seksi GTK PAUD dan Pendidikan Masyarakat': {
    utama: [
      {
        text: 'Terlaksananya pengembangan kompetensi pendidik PAUD dan pendidikan masyarakat',
        supports: 0,
        indicators: kkw('Jumlah pendidik PAUD yang mengikuti pelatihan', 120, null, 'orang', 'Persentase peserta yang lulus uji kompetensi pelatihan', 85),
      },
    ],
  },
  'Kepala Seksi GTK Sekolah Dasar': {
    utama: [
      {
        text: 'Terlaksananya pemetaan dan pengembangan kompetensi guru SD',
        supports: 0,
        indicators: kkw('Jumlah guru SD yang dipetakan kompetensinya', 350, 400, 'orang', 'Persentase data kompetensi yang dimutakhirkan di aplikasi'),
      },
    ],
  },
  'Kepala Seksi GTK Sekolah Menengah Pertama': {
    utama: [
      {
        text: 'Terlaksananya pemetaan dan pengembangan kompetensi guru SMP',
        supports: 0,
        indicators: kkw('Jumlah guru SMP yang dipetakan kompetensinya', 180, 200, 'orang', 'Persentase data kompetensi yang dimutakhirkan di aplikasi'),
      },
    ],
  },
  'Kepala Seksi Cagar Budaya dan Permuseuman': {
    utama: [
      {
        text: 'Terinventarisasinya objek diduga cagar budaya di Kota Langsa',
        supports: 1,
        indicators: kkw('Jumlah objek diduga cagar budaya yang didokumentasikan', 15, null, 'objek', 'Persentase objek yang dilengkapi kajian Tim Ahli Cagar Budaya', 80),
      },
    ],
  },
  'Kepala Seksi Kesenian dan Tradisi': {
    utama: [
      {
        text: 'Terlaksananya pembinaan sanggar seni dan festival budaya daerah',
        supports: 1,
        indicators: kkw('Jumlah sanggar seni yang dibina', 12, null, 'sanggar', 'Persentase sanggar yang tampil dalam festival budaya kota', 75),
      },
    ],
  },
};

/** Staff, by position name: one Utama supporting the appraiser's RHK, sometimes a second one. */
export const staffPlans: Record<string, DemoPlan> = {
  'Analis SDM Aparatur': {
    utama: [
      {
        text: 'Tersusunnya analisis kebutuhan dan data kepegawaian Dinas',
        supports: 0,
        indicators: kkw('Jumlah dokumen analisis jabatan dan kebutuhan pegawai', 4, null, 'dokumen', 'Persentase data pegawai yang mutakhir di aplikasi', 98),
      },
    ],
    tambahan: [
      {
        text: 'Terkelolanya aplikasi Kinerja di lingkungan Dinas',
        indicators: [{ aspek: 'kuantitas', text: 'Jumlah akun pegawai yang dibuat dan dipelihara', targetMin: 60, targetUnit: 'akun' }],
      },
    ],
  },
  'Pengadministrasi Perkantoran': {
    utama: [
      {
        text: 'Terlaksananya pengadministrasian surat masuk dan surat keluar',
        supports: 0,
        indicators: kkw('Jumlah surat masuk dan keluar yang diagendakan', 1200, 1500, 'surat', 'Persentase surat yang terdistribusi tanpa kesalahan', 95),
      },
    ],
  },
  'Pengelola Layanan Operasional': {
    utama: [
      {
        text: 'Terpeliharanya kebersihan dan kelengkapan ruang kerja kantor',
        supports: 1,
        indicators: kkw('Jumlah laporan pemeliharaan sarana kantor', 12, null, 'laporan', 'Persentase keluhan sarana kantor yang ditindaklanjuti'),
      },
    ],
  },
  'Penata Laporan Keuangan': {
    utama: [
      {
        text: 'Tersusunnya laporan realisasi anggaran bulanan',
        supports: 0,
        indicators: kkw('Jumlah laporan realisasi anggaran', 12, null, 'laporan', 'Persentase laporan yang sesuai dengan SIPD'),
      },
    ],
  },
  'Bendahara Pengeluaran': {
    utama: [
      {
        text: 'Terlaksananya penatausahaan belanja dan pertanggungjawaban (SPJ) Dinas',
        supports: 0,
        indicators: [
          { aspek: 'kuantitas', text: 'Jumlah SPJ belanja yang diverifikasi', targetMin: 900, targetMax: 1000, targetUnit: 'SPJ' },
          { aspek: 'kualitas', text: 'Persentase SPJ tanpa temuan pemeriksaan', targetMin: 98, targetUnit: 'persen' },
          { aspek: 'waktu', text: 'Penyampaian SPJ fungsional paling lambat tanggal 10 bulan berikutnya', targetMin: 12, targetUnit: 'bulan' },
          { aspek: 'biaya', text: 'Selisih kas tunai pada pemeriksaan kas', targetMin: 0, targetUnit: 'rupiah' },
        ],
      },
    ],
  },
  'Analis Keuangan Pusat dan Daerah': {
    utama: [
      {
        text: 'Tersusunnya analisis realisasi anggaran per program',
        supports: 0,
        indicators: kkw('Jumlah dokumen analisis realisasi anggaran', 4, null, 'dokumen', 'Persentase rekomendasi yang ditindaklanjuti', 80),
      },
    ],
  },
  Perencana: {
    utama: [
      {
        text: 'Tersusunnya rancangan Renja dan RKA Dinas',
        supports: 0,
        indicators: kkw('Jumlah dokumen perencanaan yang disusun', 3, null, 'dokumen', 'Persentase program yang selaras dengan RPJMD'),
      },
    ],
  },
  'Pranata Komputer': {
    utama: [
      {
        text: 'Terkelolanya jaringan dan sistem informasi Dinas',
        supports: 0,
        indicators: kkw('Jumlah gangguan jaringan dan aplikasi yang ditangani', 60, null, 'gangguan', 'Persentase gangguan selesai dalam satu hari kerja', 90),
      },
    ],
  },
  'Pengolah Data dan Informasi': {
    utama: [
      {
        text: 'Tersajinya data pokok pendidikan yang mutakhir',
        supports: 0,
        indicators: kkw('Jumlah satuan pendidikan yang datanya diverifikasi', 70, null, 'sekolah', 'Persentase data Dapodik yang valid', 97),
      },
    ],
  },
  'Pengawas Sekolah': {
    approach: 'kualitatif',
    utama: [
      {
        text: 'Terlaksananya supervisi akademik dan manajerial di sekolah binaan',
        supports: 0,
        indicators: [
          { aspek: 'kuantitas', text: 'Supervisi akademik di seluruh SD binaan', targetText: 'Setiap SD binaan disupervisi sedikitnya dua kali setahun' },
          { aspek: 'kualitas', text: 'Rekomendasi supervisi yang ditindaklanjuti kepala sekolah', targetText: 'Rekomendasi tertulis diterima dan ditindaklanjuti kepala sekolah' },
        ],
      },
    ],
  },
  'Pengadministrasi Perkantoran Bidang SD': {
    utama: [
      {
        text: 'Terlaksananya administrasi persuratan Bidang Pembinaan SD',
        supports: 0,
        indicators: kkw('Jumlah surat dan dokumen bidang yang diadministrasikan', 400, 500, 'dokumen', 'Persentase dokumen yang terarsip rapi'),
      },
    ],
  },
  'Analis Kurikulum': {
    utama: [
      {
        text: 'Tersusunnya analisis implementasi kurikulum di SD',
        supports: 0,
        indicators: kkw('Jumlah laporan analisis implementasi kurikulum', 4, null, 'laporan', 'Persentase rekomendasi yang digunakan dalam pendampingan sekolah', 80),
      },
    ],
  },
  'Pengelola Data Peserta Didik': {
    utama: [
      {
        text: 'Termutakhirkannya data peserta didik SD',
        supports: 0,
        indicators: kkw('Jumlah SD yang data peserta didiknya dimutakhirkan', 48, null, 'sekolah', 'Persentase data NISN yang valid', 98),
      },
    ],
  },
  'Pengelola Sarana dan Prasarana': {
    utama: [
      {
        text: 'Terinventarisasinya kondisi ruang kelas SD',
        supports: 0,
        indicators: kkw('Jumlah ruang kelas SD yang didata kondisinya', 300, null, 'ruang kelas', 'Persentase data kondisi yang dilengkapi foto'),
      },
    ],
  },
  'Pengawas Sekolah SMP': {
    approach: 'kualitatif',
    utama: [
      {
        text: 'Terlaksananya supervisi akademik dan manajerial di SMP binaan',
        supports: 0,
        indicators: [
          { aspek: 'kuantitas', text: 'Supervisi akademik di seluruh SMP binaan', targetText: 'Setiap SMP binaan disupervisi sedikitnya dua kali setahun' },
          { aspek: 'kualitas', text: 'Pendampingan penyusunan rencana peningkatan mutu sekolah', targetText: 'Setiap SMP binaan memiliki rencana peningkatan mutu berbasis Rapor Pendidikan' },
        ],
      },
    ],
  },
  'Pengadministrasi Perkantoran Bidang SMP': {
    utama: [
      {
        text: 'Terlaksananya administrasi persuratan Bidang Pembinaan SMP',
        supports: 0,
        indicators: kkw('Jumlah surat dan dokumen bidang yang diadministrasikan', 300, 400, 'dokumen', 'Persentase dokumen yang terarsip rapi'),
      },
    ],
  },
  'Analis Kurikulum SMP': {
    utama: [
      {
        text: 'Tersusunnya analisis implementasi kurikulum di SMP',
        supports: 0,
        indicators: kkw('Jumlah laporan analisis implementasi kurikulum', 4, null, 'laporan', 'Persentase rekomendasi yang digunakan dalam pendampingan sekolah', 80),
      },
    ],
  },
  'Pengelola Data Peserta Didik SMP': {
    utama: [
      {
        text: 'Termutakhirkannya data peserta didik SMP',
        supports: 0,
        indicators: kkw('Jumlah SMP yang data peserta didiknya dimutakhirkan', 16, null, 'sekolah', 'Persentase data NISN yang valid', 98),
      },
    ],
  },
  'Pengelola Sarana dan Prasarana SMP': {
    utama: [
      {
        text: 'Terinventarisasinya kebutuhan sarana laboratorium SMP',
        supports: 1,
        indicators: kkw('Jumlah SMP yang didata kebutuhan laboratoriumnya', 16, null, 'sekolah', 'Persentase data kebutuhan yang diverifikasi di lapangan'),
      },
    ],
  },
  'Pengadministrasi Perkantoran Bidang GTK': {
    utama: [
      {
        text: 'Terlaksananya administrasi usulan tunjangan dan kenaikan pangkat guru',
        supports: 0,
        indicators: kkw('Jumlah berkas usulan guru yang diadministrasikan', 500, 600, 'berkas', 'Persentase berkas lengkap saat diteruskan', 95),
      },
    ],
  },
  'Analis Pendidik dan Tenaga Kependidikan PAUD': {
    utama: [
      {
        text: 'Tersusunnya data kebutuhan pelatihan pendidik PAUD',
        supports: 0,
        indicators: kkw('Jumlah lembaga PAUD yang dipetakan kebutuhan pelatihannya', 60, null, 'lembaga', 'Persentase data yang diverifikasi penilik'),
      },
    ],
  },
  'Analis Pendidik dan Tenaga Kependidikan SD': {
    utama: [
      {
        text: 'Terverifikasinya usulan tunjangan profesi guru SD',
        supports: 0,
        indicators: kkw('Jumlah usulan tunjangan profesi guru SD yang diverifikasi', 350, 400, 'usulan', 'Persentase usulan yang terbit SKTP-nya', 98),
      },
    ],
  },
  'Analis Pendidik dan Tenaga Kependidikan SMP': {
    utama: [
      {
        text: 'Terverifikasinya usulan tunjangan profesi guru SMP',
        supports: 0,
        indicators: kkw('Jumlah usulan tunjangan profesi guru SMP yang diverifikasi', 180, 200, 'usulan', 'Persentase usulan yang terbit SKTP-nya', 98),
      },
    ],
  },
  'Pamong Budaya': {
    utama: [
      {
        text: 'Tersusunnya kajian nilai budaya dan tradisi masyarakat Langsa',
        supports: 1,
        indicators: kkw('Jumlah naskah kajian nilai budaya', 2, null, 'naskah', 'Persentase kajian yang diseminarkan', 100),
      },
    ],
  },
  'Pengelola Cagar Budaya': {
    utama: [
      {
        text: 'Terdokumentasinya objek diduga cagar budaya',
        supports: 0,
        indicators: kkw('Jumlah objek yang difoto, diukur dan dideskripsikan', 15, null, 'objek', 'Persentase dokumentasi yang memenuhi format registrasi nasional', 85),
      },
    ],
  },
  'Pengelola Kesenian dan Tradisi': {
    utama: [
      {
        text: 'Terfasilitasinya pembinaan sanggar seni tari dan musik tradisional',
        supports: 0,
        indicators: kkw('Jumlah sanggar seni yang difasilitasi pembinaannya', 6, null, 'sanggar', 'Persentase sanggar yang aktif berlatih setiap bulan', 80),
      },
    ],
  },
};

/** Extra duties some staff take on (Tambahan RHK, not linked upwards). */
export const tambahanPool: DemoRhk[] = [
  {
    text: 'Terlaksananya tugas sebagai panitia Penerimaan Peserta Didik Baru tingkat kota',
    indicators: [{ aspek: 'kuantitas', text: 'Jumlah hari pelayanan posko PPDB', targetMin: 10, targetUnit: 'hari' }],
  },
  {
    text: 'Terlaksananya tugas sebagai anggota tim pengelola website Dinas',
    indicators: [{ aspek: 'kuantitas', text: 'Jumlah berita kegiatan yang diunggah', targetMin: 24, targetUnit: 'berita' }],
  },
  {
    text: 'Terlaksananya tugas sebagai sekretariat peringatan Hari Pendidikan Nasional',
    indicators: [{ aspek: 'kuantitas', text: 'Jumlah laporan kegiatan yang disusun', targetMin: 1, targetUnit: 'laporan' }],
  },
];

/** The appraiser's Ekspektasi Khusus Pimpinan, by BerAKHLAK value. */
export const expectationPool = {
  berorientasi_pelayanan: 'Melayani guru dan sekolah yang datang ke kantor dengan ramah dan menyelesaikan urusan pada hari yang sama bila memungkinkan.',
  akuntabel: 'Menyampaikan laporan capaian kinerja bulanan tepat waktu beserta bukti dukungnya.',
  kompeten: 'Mengikuti sedikitnya satu pelatihan atau bimbingan teknis sesuai tugas dan membagikan hasilnya kepada rekan kerja.',
  harmonis: 'Menjaga suasana kerja yang saling menghargai di dalam tim.',
  loyal: 'Menjaga kerahasiaan data pribadi guru dan peserta didik.',
  adaptif: 'Menggunakan aplikasi Kinerja dan layanan daring Dinas dalam pekerjaan sehari-hari.',
  kolaboratif: 'Aktif berkoordinasi dengan seksi lain dalam kegiatan bersama Dinas.',
} as const;

export const demoAnnex = {
  dukungan_sumber_daya: [
    'Anggaran kegiatan pada DPA Dinas Pendidikan dan Kebudayaan Kota Langsa Tahun 2026',
    'Perangkat komputer, jaringan internet dan aplikasi pendukung (Dapodik, SIPD, Kinerja)',
    'Dukungan data dari satuan pendidikan dan unit kerja terkait',
  ],
  skema_pertanggungjawaban: [
    'Laporan capaian kinerja bulanan beserta bukti dukung kepada Pejabat Penilai Kinerja',
    'Dialog kinerja dengan Pejabat Penilai Kinerja setiap triwulan',
  ],
  konsekuensi: [
    'Capaian kinerja menjadi dasar penilaian kinerja dan pemberian Tambahan Penghasilan Pegawai',
    'Target yang tidak tercapai dibahas dalam dialog kinerja untuk menyusun rencana perbaikan',
  ],
};

export const returnNotes = [
  'Target kuantitas lebih rendah dari realisasi tahun lalu; sesuaikan dengan data tahun 2025 lalu ajukan kembali.',
  'Indikator kualitas belum terukur. Gunakan persentase atau jumlah yang dapat dibuktikan dengan dokumen.',
];
