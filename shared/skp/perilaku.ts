/**
 * The seven BerAKHLAK core values with their three behaviour guides (panduan perilaku), as printed
 * in the PERILAKU KERJA table of the SKP (docs/spec/regulation.md §3). Order is the official one.
 */
export const perilakuValues = [
  {
    code: 'berorientasi_pelayanan',
    name: 'Berorientasi Pelayanan',
    guides: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    code: 'akuntabel',
    name: 'Akuntabel',
    guides: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    code: 'kompeten',
    name: 'Kompeten',
    guides: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    code: 'harmonis',
    name: 'Harmonis',
    guides: [
      'Menghargai setiap orang apa pun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    code: 'loyal',
    name: 'Loyal',
    guides: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    code: 'adaptif',
    name: 'Adaptif',
    guides: ['Cepat menyesuaikan diri menghadapi perubahan', 'Terus berinovasi dan mengembangkan kreativitas', 'Bertindak proaktif'],
  },
  {
    code: 'kolaboratif',
    name: 'Kolaboratif',
    guides: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
] as const;

export type PerilakuCode = (typeof perilakuValues)[number]['code'];
export const perilakuCodes = perilakuValues.map((v) => v.code) as [PerilakuCode, ...PerilakuCode[]];
