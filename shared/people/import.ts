/**
 * Columns of the employee spreadsheet (import template and export), one definition so the headers,
 * the parser, the template and the error report (row, column, reason) all use the same words.
 */
export const importKeys = [
  'nip',
  'name',
  'frontTitle',
  'backTitle',
  'kind',
  'sex',
  'birthDate',
  'golongan',
  'tmtGolongan',
  'phone',
  'email',
  'status',
  'unit',
  'position',
  'positionType',
  'positionLevel',
  'positionStart',
] as const;
export type ImportKey = (typeof importKeys)[number];

export interface ImportColumn {
  key: ImportKey;
  header: string;
  /** Other spellings accepted on import (compared after lower-casing and removing non-letters). */
  aliases: string[];
  required: boolean;
  /** Shown in the template's "Petunjuk" sheet. */
  hint: string;
  example: string;
}

export const importColumns: readonly ImportColumn[] = [
  { key: 'nip', header: 'NIP', aliases: ['nipbaru', 'nomorindukpegawai'], required: true, hint: '18 angka, tanpa spasi atau dengan spasi (19860926 201505 1 001). Format sel sebagai Teks agar angka terakhir tidak hilang.', example: '198609262015051001' },
  { key: 'name', header: 'Nama', aliases: ['namapegawai', 'namalengkap', 'namatanpagelar'], required: true, hint: 'Nama tanpa gelar. Bila gelar ditulis di sini (Dr. Ahmad, S.Pd.), gelar dipisahkan otomatis.', example: 'Teuku Ahmad Fauzi' },
  { key: 'frontTitle', header: 'Gelar Depan', aliases: ['gelardepan'], required: false, hint: 'Misalnya Dr., Drs., Ir., H., Hj.', example: 'Drs.' },
  { key: 'backTitle', header: 'Gelar Belakang', aliases: ['gelarbelakang'], required: false, hint: 'Misalnya S.Pd., M.Pd.', example: 'M.Pd.' },
  { key: 'kind', header: 'Jenis Pegawai', aliases: ['jenispegawai', 'jenisasn', 'statuskepegawaian', 'pnspppk'], required: false, hint: 'PNS atau PPPK. Kosong berarti PNS.', example: 'PNS' },
  { key: 'sex', header: 'Jenis Kelamin', aliases: ['jeniskelamin', 'jk', 'lp'], required: false, hint: 'L atau P. Boleh kosong: diambil dari NIP (angka ke-15).', example: 'L' },
  { key: 'birthDate', header: 'Tanggal Lahir', aliases: ['tanggallahir', 'tgllahir'], required: false, hint: 'Boleh kosong: diambil dari NIP. Bila diisi harus sama dengan NIP.', example: '1986-09-26' },
  { key: 'golongan', header: 'Golongan Ruang', aliases: ['golongan', 'gol', 'golruang', 'pangkatgolongan', 'pangkatgolonganruang'], required: false, hint: 'PNS: I/a sampai IV/e. PPPK: I sampai XVII.', example: 'III/c' },
  { key: 'tmtGolongan', header: 'TMT Golongan', aliases: ['tmtgolongan', 'tmtpangkat', 'tmtgol'], required: false, hint: 'Tanggal mulai golongan (TTTT-BB-HH atau HH-BB-TTTT).', example: '2019-04-01' },
  { key: 'phone', header: 'Telepon', aliases: ['telepon', 'telp', 'nohp', 'nomorhp', 'hp', 'nomortelepon'], required: false, hint: 'Nomor telepon atau HP.', example: '081234567890' },
  { key: 'email', header: 'Email', aliases: ['email', 'surel', 'alamatemail'], required: false, hint: 'Alamat email.', example: 'ahmad@langsakota.go.id' },
  { key: 'status', header: 'Status', aliases: ['status', 'statuspegawai'], required: false, hint: 'Aktif, Cuti, Pindah atau Pensiun. Kosong berarti Aktif untuk pegawai baru.', example: 'Aktif' },
  { key: 'unit', header: 'Unit Kerja', aliases: ['unitkerja', 'unit', 'satuankerja'], required: false, hint: 'Nama atau kode unit kerja yang sudah ada di menu Unit Kerja.', example: 'Subbagian Umum dan Kepegawaian' },
  { key: 'position', header: 'Jabatan', aliases: ['jabatan', 'namajabatan'], required: false, hint: 'Nama jabatan di unit kerja tersebut. Jabatan pelaksana/fungsional yang belum ada dibuat otomatis bila Jenis Jabatan diisi.', example: 'Pengadministrasi Perkantoran' },
  { key: 'positionType', header: 'Jenis Jabatan', aliases: ['jenisjabatan'], required: false, hint: 'Pelaksana, Fungsional Keahlian, Fungsional Keterampilan, Pengawas, Administrator, JPT Pratama.', example: 'Pelaksana' },
  { key: 'positionLevel', header: 'Jenjang Jabatan', aliases: ['jenjangjabatan', 'jenjang'], required: false, hint: 'Untuk jabatan fungsional: Ahli Pertama/Muda/Madya/Utama, Pemula/Terampil/Mahir/Penyelia.', example: '' },
  { key: 'positionStart', header: 'TMT Jabatan', aliases: ['tmtjabatan'], required: false, hint: 'Tanggal mulai memegang jabatan. Kosong berarti hari ini.', example: '2024-01-02' },
];

export const columnByKey: Record<ImportKey, ImportColumn> = Object.fromEntries(importColumns.map((c) => [c.key, c])) as Record<
  ImportKey,
  ImportColumn
>;

/** "Tanggal Lahir" -> "tanggallahir": how headers are compared. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const byHeader = new Map<string, ImportKey>();
for (const c of importColumns) {
  byHeader.set(headerKey(c.header), c.key);
  for (const a of c.aliases) if (!byHeader.has(a)) byHeader.set(a, c.key);
}

/** The column a header names, or null for columns the import ignores (No., Pangkat, Pejabat Penilai). */
export function keyOfHeader(header: string): ImportKey | null {
  return byHeader.get(headerKey(header)) ?? null;
}

/** Extra columns the export writes for reading; import ignores them. */
export const exportOnlyHeaders = {
  pangkat: 'Pangkat',
  appraiserName: 'Pejabat Penilai',
  appraiserNip: 'NIP Pejabat Penilai',
} as const;

/** A bad cell of an import: the spreadsheet row number (header is row 1), the column header, why. */
export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
}

export const maxImportRows = 20_000;
