/**
 * The "Bantuan" texts (docs/spec/operations.md §8): for every page, what to do there and the rule behind it,
 * in Bahasa Indonesia. One source for both the Bantuan panel in the app (renderer/src/help) and
 * the printed guide per role (electron/core/help/guide.ts), so the two never disagree. Terms from
 * docs/spec/terms.md; rules from PermenPANRB 6/2022, PP 30/2019, SE MenPANRB 3/2023 and PP 17/2020.
 */

/** The three printed guides. */
export const guideRoles = ['pegawai', 'penilai', 'pengelola'] as const;
export type GuideRole = (typeof guideRoles)[number];

export const guideRoleLabels: Record<GuideRole, string> = {
  pegawai: 'Pegawai',
  penilai: 'Pejabat Penilai Kinerja',
  pengelola: 'Pengelola Kinerja',
};

export interface HelpTopic {
  /** The page's routes as the app declares them (`/skp/:skpId`); the first is the page itself. */
  routes: string[];
  /** The page's name as in the menu. */
  title: string;
  /** What to do on this page, in order. */
  steps: string[];
  /** The rule behind it, in words, naming the regulation. */
  rule: string;
  /** The guides that include this page. */
  roles: GuideRole[];
}

const all: GuideRole[] = ['pegawai', 'penilai', 'pengelola'];

export const helpTopics: HelpTopic[] = [
  {
    routes: ['/'],
    title: 'Beranda',
    steps: [
      'Lihat apa yang menunggu Anda hari ini: SKP yang perlu dibuat atau diajukan, realisasi yang perlu dilaporkan, dan permintaan dari rekan kerja.',
      'Klik sebuah pengingat untuk langsung membuka halaman tempat pekerjaan itu diselesaikan.',
    ],
    rule: 'Manajemen kinerja berjalan dalam satu siklus tahunan: perencanaan, pelaksanaan dengan pemantauan dan pembinaan, penilaian, lalu tindak lanjut (PermenPANRB Nomor 6 Tahun 2022).',
    roles: all,
  },
  {
    routes: ['/tahun-saya'],
    title: 'Tahun Saya',
    steps: [
      'Lihat perjalanan kinerja Anda dalam satu tahun: SKP, realisasi per periode, umpan balik, dialog, penilaian, dan keberatan.',
      'Pilih tahun lain di pemilih tahun bila ingin melihat tahun yang sudah lalu.',
    ],
    rule: 'Penilaian kinerja dilakukan secara periodik (bulanan atau triwulanan sesuai pengaturan tahun) dan satu kali penilaian tahunan (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/skp'],
    title: 'SKP',
    steps: [
      'Buat SKP untuk tahun penilaian yang berjalan, atau buka SKP yang sudah ada.',
      'Pilih pendekatan hasil kerja: kuantitatif (indikator dan target berupa angka) atau kualitatif (berupa uraian).',
    ],
    rule: 'Setiap pegawai menyusun Sasaran Kinerja Pegawai (SKP) bersama Pejabat Penilai Kinerja dalam dialog kinerja pada awal tahun, paling lambat akhir Januari (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai'],
  },
  {
    routes: ['/skp/:skpId'],
    title: 'Rincian SKP',
    steps: [
      'Isi Rencana Hasil Kerja (RHK) utama dan tambahan; setiap RHK menyebut RHK pimpinan yang diintervensi.',
      'Tulis Indikator Kinerja Individu (IKI) dengan aspek (kuantitas, kualitas, waktu, biaya) dan targetnya, lalu perilaku kerja dan lampiran.',
      'Ajukan SKP kepada Pejabat Penilai; Pejabat Penilai menyetujui atau mengembalikannya dengan catatan.',
    ],
    rule: 'RHK pegawai harus mendukung RHK pimpinan (cascading), dan perilaku kerja mengikuti tujuh nilai dasar BerAKHLAK dengan ekspektasi khusus pimpinan (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/realisasi', '/skp/:skpId/realisasi', '/skp/:skpId/realisasi/:period'],
    title: 'Realisasi',
    steps: [
      'Pilih periode, lalu isi realisasi setiap indikator dan lampirkan bukti dukung.',
      'Kirim laporan periode itu kepada Pejabat Penilai setelah periodenya berakhir; selama penilaian belum dimulai, laporan masih dapat ditarik kembali.',
    ],
    rule: 'Pegawai mencatat hasil kerja dan bukti dukung selama tahun berjalan sebagai dasar pemantauan dan penilaian oleh Pejabat Penilai (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/umpan-balik'],
    title: 'Umpan Balik',
    steps: [
      'Baca dan balas umpan balik dari Pejabat Penilai, atau mulai percakapan baru tentang hasil kerja dan perilaku kerja.',
      'Pejabat Penilai memberi umpan balik kepada setiap pegawai yang dinilainya, tidak hanya saat penilaian.',
    ],
    rule: 'Pejabat Penilai memberikan umpan balik berkelanjutan atas capaian dan perilaku kerja; umpan balik ini menjadi dasar rating perilaku kerja (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/dialog'],
    title: 'Dialog Kinerja',
    steps: [
      'Jadwalkan atau terima permintaan dialog kinerja, lalu catat notula dan kesepakatannya.',
      'Dialog dipakai saat menyusun SKP, saat memantau kemajuan, dan saat membahas hasil penilaian.',
    ],
    rule: 'Dialog kinerja antara pegawai dan Pejabat Penilai dilakukan pada perencanaan, pemantauan, dan penilaian, agar pegawai didengar dan target disepakati bersama (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/keberatan'],
    title: 'Keberatan',
    steps: [
      'Pegawai yang tidak menerima hasil penilaian mengajukan keberatan dengan alasan yang jelas.',
      'Atasan Pejabat Penilai mendengar pegawai dan Pejabat Penilai, lalu memutus keberatan; putusannya final.',
    ],
    rule: 'Keberatan diajukan kepada Atasan Pejabat Penilai Kinerja paling lambat 14 hari sejak hasil penilaian diterima, dan keputusan atasan bersifat final (PP Nomor 30 Tahun 2019 Pasal 59).',
    roles: ['pegawai', 'penilai'],
  },
  {
    routes: ['/persetujuan-skp'],
    title: 'Persetujuan SKP',
    steps: [
      'Periksa SKP yang diajukan pegawai yang Anda nilai.',
      'Setujui SKP yang sudah tepat, atau kembalikan dengan catatan apa yang perlu diperbaiki.',
    ],
    rule: 'SKP ditetapkan setelah disepakati pegawai dan Pejabat Penilai Kinerja, yaitu atasan langsung pegawai (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['penilai'],
  },
  {
    routes: ['/pemantauan-skp'],
    title: 'Pemantauan SKP',
    steps: [
      'Lihat berapa SKP yang belum dibuat, masih draf, diajukan, dikembalikan, atau sudah disetujui.',
      'Klik sebuah kotak status untuk menyaring daftar, lalu buka SKP pegawai yang perlu ditindaklanjuti.',
    ],
    rule: 'Pimpinan dan Pengelola Kinerja memantau agar setiap pegawai memiliki SKP yang disetujui pada awal tahun penilaian (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['penilai', 'pengelola'],
  },
  {
    routes: ['/cascading'],
    title: 'Pohon Kaskade',
    steps: [
      'Telusuri pohon dari Kepala Dinas ke bawah: setiap pegawai di bawah Pejabat Penilainya, dengan RHK-nya.',
      'RHK yang belum terhubung ke RHK pimpinan ditandai; minta pegawai yang bersangkutan memperbaikinya.',
    ],
    rule: 'Setiap RHK pegawai (selain JPT) harus mengintervensi RHK pimpinannya, sehingga kinerja pegawai mendukung kinerja organisasi (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['penilai', 'pengelola'],
  },
  {
    routes: ['/tim'],
    title: 'Tim Saya',
    steps: [
      'Lihat setiap pegawai yang Anda nilai: status SKP, laporan realisasi, dan penilaian periode berjalan.',
      'Buka SKP, realisasi, atau penilaian seorang pegawai langsung dari barisnya.',
    ],
    rule: 'Pejabat Penilai Kinerja memantau, membina, dan menilai kinerja pegawai yang menjadi bawahannya langsung (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['penilai'],
  },
  {
    routes: ['/penilaian', '/penilaian/:skpId/:period'],
    title: 'Penilaian',
    steps: [
      'Pilih periode, lalu nilai setiap pegawai: rating hasil kerja dan rating perilaku kerja.',
      'Predikat kinerja pegawai dihitung dari kedua rating itu; tulis catatan dan rekomendasi, lalu finalkan.',
    ],
    rule: 'Rating hasil kerja dan rating perilaku kerja masing-masing Di Atas, Sesuai, atau Di Bawah Ekspektasi; keduanya menentukan predikat Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, atau Sangat Kurang (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['penilai'],
  },
  {
    routes: ['/kurva-distribusi'],
    title: 'Kurva Distribusi',
    steps: [
      'Bandingkan sebaran predikat pegawai di unit dengan pola yang ditentukan oleh capaian kinerja organisasi.',
      'Pelanggaran pola ditampilkan sebagai peringatan untuk ditinjau kembali sebelum penilaian difinalkan.',
    ],
    rule: 'Capaian kinerja organisasi (Istimewa sampai Sangat Kurang) menentukan kurva distribusi predikat kinerja pegawai di unit itu (SE MenPANRB Nomor 3 Tahun 2023).',
    roles: ['penilai', 'pengelola'],
  },
  {
    routes: ['/dasbor'],
    title: 'Dasbor Kinerja',
    steps: [
      'Lihat ringkasan kantor: SKP, realisasi, penilaian, dan keberatan per periode.',
      'Unduh Laporan Penilaian SKP untuk BKPSDM dan sistem kepegawaian nasional.',
    ],
    rule: 'Instansi melaporkan hasil penilaian kinerja pegawainya melalui sistem informasi kinerja (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/pegawai', '/pegawai/:id'],
    title: 'Pegawai',
    steps: [
      'Cari, tambah, atau ubah data pegawai: NIP, pangkat/golongan ruang, jabatan, dan unit kerja.',
      'Buka seorang pegawai untuk membuat akunnya atau mengatur ulang kata sandinya.',
    ],
    rule: 'NIP terdiri atas 18 angka: tanggal lahir, TMT CPNS, jenis kelamin, dan nomor urut; data pegawai yang benar menentukan siapa menilai siapa (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/pegawai/impor'],
    title: 'Impor Pegawai',
    steps: [
      'Unduh templat, isi data pegawai di Excel (NIP sebagai teks), lalu unggah berkasnya.',
      'Periksa pratinjau; impor hanya disimpan bila semua baris benar, lalu buat akun untuk pegawai baru.',
    ],
    rule: 'Setiap PNS memiliki NIP 18 angka yang unik dan sah; data pegawai menjadi dasar SKP dan penilaian kinerja (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/unit-kerja'],
    title: 'Unit Kerja',
    steps: [
      'Susun pohon unit kerja kantor: bidang, sekretariat, subbagian, seksi, dan satuan pendidikan.',
      'Tetapkan jabatan kepala setiap unit agar Pejabat Penilai dapat ditentukan.',
    ],
    rule: 'Pejabat Penilai Kinerja adalah atasan langsung pegawai menurut susunan organisasi, dan atasannya adalah Atasan Pejabat Penilai (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/jabatan'],
    title: 'Jabatan',
    steps: [
      'Kelola jabatan kantor dan kepada jabatan mana setiap jabatan melapor.',
      'Pelaksana tugas (Plt/Plh) dicatat dengan tanggal mulai dan selesai.',
    ],
    rule: 'Jabatan terdiri atas jabatan manajerial (JPT, Administrator, Pengawas) dan nonmanajerial (Fungsional, Pelaksana); rantai penilai mengikuti pohon jabatan (UU Nomor 20 Tahun 2023).',
    roles: ['pengelola'],
  },
  {
    routes: ['/masalah-penilai'],
    title: 'Masalah Penilai',
    steps: [
      'Lihat pegawai yang belum memiliki Pejabat Penilai atau Atasan Pejabat Penilai yang jelas.',
      'Perbaiki jabatan, kepala unit, atau penilai khusus agar setiap pegawai dapat dinilai.',
    ],
    rule: 'Setiap pegawai dinilai oleh Pejabat Penilai Kinerja dan keberatannya diputus oleh Atasan Pejabat Penilai; keduanya harus ada (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/tahun-penilaian'],
    title: 'Tahun Penilaian',
    steps: [
      'Buka tahun penilaian baru dan pilih periode penilaiannya (bulanan atau triwulanan) serta batas waktunya.',
      'Tutup tahun setelah penilaian tahunan selesai; tahun berikutnya dapat dibuka pada bulan Desember.',
    ],
    rule: 'Penilaian kinerja dilakukan secara periodik dan tahunan; SKP disusun pada awal tahun, paling lambat akhir Januari (PermenPANRB Nomor 6 Tahun 2022).',
    roles: ['pengelola'],
  },
  {
    routes: ['/akun'],
    title: 'Akun Pengguna',
    steps: [
      'Buat akun untuk pegawai yang belum punya, cetak slip kata sandi sementara, dan serahkan kepada pegawai.',
      'Atur ulang kata sandi yang hilang, atau nonaktifkan akun pegawai yang pindah atau pensiun.',
    ],
    rule: 'Sistem informasi kinerja hanya dipakai oleh pegawai yang berhak, dengan kata sandi sementara yang wajib diganti saat pertama masuk (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/audit'],
    title: 'Jejak Audit',
    steps: [
      'Lihat siapa melakukan apa, kepada siapa, dan kapan; saring menurut orang, kegiatan, tanggal, atau hasil.',
      'Buka sebuah baris untuk melihat isi sebelum dan sesudah perubahan.',
    ],
    rule: 'Penilaian kinerja harus objektif, terukur, akuntabel, dan transparan; setiap perubahan tercatat dan dapat diperiksa (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/cadangan'],
    title: 'Cadangan',
    steps: [
      'Buat cadangan basis data beserta bukti dukung secara berkala, dan simpan di tempat lain.',
      'Pulihkan dari cadangan bila komputer rusak atau data terhapus.',
    ],
    rule: 'Dokumen penilaian kinerja dan bukti dukungnya adalah arsip instansi yang harus tetap tersedia (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/sinkronisasi'],
    title: 'Sinkronisasi',
    steps: [
      'Daftarkan kantor ke instans pusat (BKPSDM) dengan kode pendaftaran, lalu sinkronkan melalui jaringan atau flashdisk.',
      'Periksa status: sinkron berhasil bila data di kantor dan di pusat sama.',
    ],
    rule: 'Hasil penilaian kinerja pegawai dihimpun oleh instansi pembina kepegawaian daerah (BKPSDM) melalui sistem informasi kinerja (PP Nomor 30 Tahun 2019).',
    roles: ['pengelola'],
  },
  {
    routes: ['/kantor'],
    title: 'Kantor',
    steps: [
      'Daftarkan kantor (OPD) dengan namanya, lalu berikan kode pendaftaran yang muncul (sekali pakai, berlaku 24 jam) dan alamat server pusat kepada Pengelola Kinerja kantor itu.',
      'Pantau setiap kantor: sinkron terakhir, perubahan yang menunggu, versi aplikasi, dan keadaan data (Tersinkron bila data kantor dan pusat terbukti sama). Kantor yang tidak sinkron lebih dari 7 hari ditandai merah.',
      'Bila komputer kantor hilang atau kunci bocor, pilih Ganti kunci (kantor mendaftar ulang dengan kode baru) atau Cabut.',
    ],
    rule: 'Instansi pembina kepegawaian daerah (BKPSDM) menghimpun hasil penilaian kinerja seluruh perangkat daerah melalui sistem informasi kinerja (PP Nomor 30 Tahun 2019).',
    // Admin Pusat has no printed guide of its own yet.
    roles: [],
  },
  {
    routes: ['/impor-bundel'],
    title: 'Impor Bundel USB',
    steps: [
      'Unggah bundel kiriman kantor (berkas .kinerja yang dibawa dengan flashdisk), lalu tekan Impor bundel.',
      'Unduh bundel balasan dan bawa kembali ke kantor itu untuk diimpor di Sinkronisasi. Bundel yang sama diimpor dua kali tidak mengubah apa pun.',
    ],
    rule: 'Kantor tanpa jaringan ke pusat tetap wajib menyampaikan data penilaian kinerja kepada BKPSDM; bundel bertanda tangan menjamin isinya utuh dan berasal dari kantor yang terdaftar (PP Nomor 30 Tahun 2019).',
    roles: [],
  },
  {
    routes: ['/pengaturan'],
    title: 'Pengaturan',
    steps: [
      'Pilih bahasa dan tampilan (terang atau gelap).',
      'Pengelola Kinerja juga mengatur profil kantor dan kop surat dokumen.',
    ],
    rule: 'Dokumen SKP dan evaluasi kinerja memuat identitas instansi dan pejabat yang menandatanganinya (PermenPANRB Nomor 6 Tahun 2022).',
    roles: all,
  },
  {
    routes: ['/kata-sandi'],
    title: 'Ganti Kata Sandi',
    steps: ['Masukkan kata sandi lama, lalu kata sandi baru dua kali.', 'Pilih kata sandi yang panjang dan tidak dipakai di tempat lain.'],
    rule: 'Akun sistem informasi kinerja bersifat pribadi: penilaian dan persetujuan atas nama Anda hanya boleh Anda lakukan sendiri (PP Nomor 30 Tahun 2019).',
    roles: all,
  },
];

function matches(route: string, pathname: string): boolean {
  const a = route.split('/');
  const b = pathname.replace(/\/+$/, '').split('/');
  if (route === '/') return pathname === '/' || pathname === '';
  return a.length === b.length && a.every((part, i) => part.startsWith(':') || part === b[i]);
}

/** The help of the page at `pathname` (`/skp/0190.../realisasi/3`), or null for a path without one. */
export function helpFor(pathname: string): HelpTopic | null {
  // A fixed path wins over a pattern (`/pegawai/impor` before `/pegawai/:id`), as in the router.
  const path = pathname.replace(/\/+$/, '') || '/';
  return helpTopics.find((t) => t.routes.includes(path)) ?? helpTopics.find((t) => t.routes.some((r) => matches(r, path))) ?? null;
}

/** The pages of one role's guide, in the menu's order. */
export function guideTopics(role: GuideRole): HelpTopic[] {
  return helpTopics.filter((t) => t.roles.includes(role));
}
