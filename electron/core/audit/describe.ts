import type Database from 'better-sqlite3';

/**
 * The audit trail in words (docs/spec/operations.md §2): "Budi Santoso menyetujui SKP 2026 milik Safrina Lubis",
 * never a command name or a table and id. The verb comes from the command, the object from the
 * record it acted on (its kind, year, period and whose it is), looked up in the database.
 */

/** What each command does, as a verb phrase; `{o}` is the object. */
const verbs: Record<string, string> = {
  'setup.create': 'menyiapkan kantor {o}',
  'auth.login': 'masuk ke aplikasi',
  'auth.login:gagal': 'gagal masuk (kata sandi salah)',
  'auth.logout': 'keluar dari aplikasi',
  'auth.changePassword': 'mengganti kata sandinya',
  'auth.changePassword:gagal': 'gagal mengganti kata sandi',
  'auth.createAccount': 'membuat {o}',
  'auth.resetPassword': 'mengatur ulang kata sandi {o}',
  'auth.setPengelola': 'mengubah peran {o}',
  'accounts.create': 'membuat {o}',
  'accounts.createMissing': 'membuat sekaligus {o}',
  'accounts.resetPassword': 'mengatur ulang kata sandi {o}',
  'accounts.deactivate': 'menonaktifkan {o}',
  'accounts.reactivate': 'mengaktifkan kembali {o}',
  'org.updateOffice': 'mengubah profil kantor {o}',
  'org.createUnit': 'menambah {o}',
  'org.updateUnit': 'mengubah {o}',
  'org.removeUnit': 'menghapus {o}',
  'org.createPosition': 'menambah {o}',
  'org.updatePosition': 'mengubah {o}',
  'org.removePosition': 'menghapus {o}',
  'people.create': 'menambah {o}',
  'people.update': 'mengubah {o}',
  'people.assign': 'menetapkan {o}',
  'people.endAssignment': 'mengakhiri {o}',
  'people.cancelAssignment': 'membatalkan {o}',
  'people.setOverride': 'menetapkan {o}',
  'people.removeOverride': 'menghapus {o}',
  'people.import': 'mengimpor data pegawai ({o})',
  'year.open': 'membuka {o}',
  'year.update': 'mengubah {o}',
  'year.close': 'menutup {o}',
  'skp.create': 'membuat {o}',
  'skp.setApproach': 'mengubah pendekatan {o}',
  'skp.saveRhk': 'menyimpan RHK pada {o}',
  'skp.removeRhk': 'menghapus RHK dari {o}',
  'skp.saveAnnex': 'menyimpan lampiran {o}',
  'skp.setExpectations': 'menyimpan Ekspektasi Khusus Pimpinan pada {o}',
  'skp.submit': 'mengajukan {o}',
  'skp.return': 'mengembalikan {o}',
  'skp.approve': 'menyetujui {o}',
  'skp.approveMany': 'menyetujui sekaligus {o}',
  'skp.amend': 'membuka perubahan (adendum) {o}',
  'realisasi.save': 'menyimpan {o}',
  'realisasi.submit': 'mengirim {o}',
  'realisasi.addEvidence': 'menambah {o}',
  'realisasi.removeEvidence': 'menghapus {o}',
  'feedback.post': 'memberi {o}',
  'feedback.markRead': 'membaca {o}',
  'dialogue.request': 'meminta {o}',
  'dialogue.schedule': 'menjadwalkan {o}',
  'dialogue.record': 'mencatat hasil {o}',
  'dialogue.confirm': 'mengonfirmasi {o}',
  'dialogue.cancel': 'membatalkan {o}',
  'dialogue.completeAction': 'menyelesaikan tindak lanjut {o}',
  'evaluation.save': 'menyimpan {o}',
  'evaluation.finalize': 'memfinalkan {o}',
  'evaluation.finalizeMany': 'memfinalkan sekaligus {o}',
  'evaluation.acknowledge': 'menerima {o}',
  'evaluation.setOrgRating': 'menetapkan {o}',
  'appeal.file': 'mengajukan {o}',
  'appeal.explain': 'memberi penjelasan atas {o}',
  'appeal.decide': 'memutus {o}',
  'backup.create': 'membuat cadangan',
  'backup.restore': 'meminta pemulihan cadangan',
  'seed.synthetic': 'membuat data sintetis',
  'seed.synthetic.year': 'membuat tahun penilaian sintetis',
  'seed.synthetic.rows': 'mencatat isi data sintetis',
  'seed.demo': 'mencatat isi data contoh',
  'sistem.garis_dasar': 'mencatat garis dasar isi data (pembaruan aplikasi)',
  'sistem.migrasi': 'mencatat ulang data yang diubah pembaruan basis data',
};

/** Capabilities in words, for the filter and for commands without a phrase of their own. */
export const capabilityLabels: Record<string, string> = {
  setup: 'Penyiapan',
  auth: 'Akun & masuk',
  accounts: 'Akun Pengguna',
  org: 'Unit Kerja & Jabatan',
  people: 'Pegawai',
  year: 'Tahun Penilaian',
  skp: 'SKP',
  realisasi: 'Realisasi',
  feedback: 'Umpan Balik',
  dialogue: 'Dialog Kinerja',
  evaluation: 'Penilaian',
  appeal: 'Keberatan',
  backup: 'Cadangan',
  seed: 'Data contoh',
  sistem: 'Sistem',
};

export const tableLabels: Record<string, string> = {
  offices: 'Kantor',
  employees: 'Pegawai',
  users: 'Akun',
  units: 'Unit Kerja',
  positions: 'Jabatan',
  assignments: 'Penempatan jabatan',
  appraisal_overrides: 'Penetapan pejabat penilai',
  performance_years: 'Tahun Penilaian',
  skps: 'SKP',
  skp_rhk: 'RHK',
  skp_indicators: 'Indikator Kinerja Individu',
  skp_expectations: 'Ekspektasi Khusus Pimpinan',
  skp_annex: 'Lampiran SKP',
  skp_versions: 'Versi SKP',
  skp_events: 'Riwayat SKP',
  realisasi: 'Realisasi',
  evidence: 'Bukti Dukung',
  period_reports: 'Laporan periode',
  feedback: 'Umpan Balik',
  feedback_reads: 'Tanda baca umpan balik',
  dialogues: 'Dialog Kinerja',
  dialogue_actions: 'Tindak lanjut dialog',
  evaluations: 'Penilaian',
  evaluation_rhk: 'Penilaian RHK',
  org_ratings: 'Capaian Kinerja Organisasi',
  appeals: 'Keberatan',
  change_log: 'Antrean sinkronisasi',
};

export function capabilityOf(command: string): string {
  return command.split(/[.:]/)[0] ?? command;
}

export function outcomeOf(command: string): 'berhasil' | 'gagal' {
  return command.endsWith(':gagal') ? 'gagal' : 'berhasil';
}

const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function periodLabel(p: unknown): string | null {
  if (typeof p !== 'string') return null;
  if (/^\d{1,2}$/.test(p)) return months[Number(p) - 1] ?? p;
  if (/^Q[1-4]$/.test(p)) return `Triwulan ${p.slice(1)}`;
  if (p === 'tahunan') return 'tahunan';
  return p;
}

type Rec = Record<string, unknown>;

/** Looks up names and years for records, with small caches (a page shows 50 entries). */
export class Describer {
  private readonly names = new Map<string, string | null>();
  private readonly years = new Map<string, number | null>();
  private readonly skps = new Map<string, { employee_id: string; year_id: string } | null>();
  constructor(private readonly sqlite: Database.Database) {}

  private one<T>(sql: string, id: string): T | undefined {
    try {
      return this.sqlite.prepare<[string], T>(sql).get(id);
    } catch {
      return undefined;
    }
  }

  employeeName(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    if (!this.names.has(id)) this.names.set(id, this.one<{ name: string }>('SELECT name FROM employees WHERE id = ?', id)?.name ?? null);
    return this.names.get(id)!;
  }

  private userEmployee(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    return this.employeeName(this.one<{ employee_id: string }>('SELECT employee_id FROM users WHERE id = ?', id)?.employee_id);
  }

  yearOf(id: unknown): number | null {
    if (typeof id !== 'string') return null;
    if (!this.years.has(id)) this.years.set(id, this.one<{ year: number }>('SELECT year FROM performance_years WHERE id = ?', id)?.year ?? null);
    return this.years.get(id)!;
  }

  private skp(id: unknown): { employee_id: string; year_id: string } | null {
    if (typeof id !== 'string') return null;
    if (!this.skps.has(id)) this.skps.set(id, this.one<{ employee_id: string; year_id: string }>('SELECT employee_id, year_id FROM skps WHERE id = ?', id) ?? null);
    return this.skps.get(id)!;
  }

  private rowOf(table: string, id: string): Rec | null {
    if (!/^[a-z_]+$/.test(table)) return null;
    return this.one<Rec>(`SELECT * FROM ${table} WHERE id = ?`, id) ?? null;
  }

  /** A referenced record in words (a foreign key in the detail view), or null when it is gone. */
  reference(table: string, id: string): string | null {
    const row = this.rowOf(table, id);
    if (!row) return null;
    // RHK and indicators are known by their own words, not by the SKP they belong to.
    if ((table === 'skp_rhk' || table === 'skp_indicators') && typeof row.text === 'string') return row.text;
    return this.label(table, id, row);
  }

  /** "SKP 2026 milik Safrina Lubis", "Realisasi Maret 2026 milik ...", "data pegawai Budi". */
  label(table: string, id: string, rec: Rec | null): string {
    const r = rec ?? this.rowOf(table, id) ?? {};
    const skp = this.skp(r.skp_id);
    const owner = this.employeeName(r.employee_id ?? skp?.employee_id);
    const year = this.yearOf(r.year_id ?? skp?.year_id);
    const whose = owner ? ` milik ${owner}` : '';
    const y = year ? ` ${year}` : '';
    const period = periodLabel(r.period);
    switch (table) {
      case 'offices':
        return typeof r.name === 'string' ? r.name : 'kantor';
      case 'employees':
        return `data pegawai ${typeof r.name === 'string' ? r.name : ''}`.trim();
      case 'users':
        return `akun ${this.employeeName(r.employee_id) ?? ''}`.trim();
      case 'units':
        return `unit kerja ${typeof r.name === 'string' ? r.name : ''}`.trim();
      case 'positions':
        return `jabatan ${typeof r.name === 'string' ? r.name : ''}`.trim();
      case 'assignments':
        return `jabatan untuk ${owner ?? 'pegawai'}`;
      case 'appraisal_overrides':
        return `pejabat penilai khusus untuk ${owner ?? 'pegawai'}`;
      case 'performance_years':
        return `Tahun Penilaian ${typeof r.year === 'number' ? r.year : ''}`.trim();
      case 'skps':
      case 'skp_rhk':
      case 'skp_indicators':
      case 'skp_expectations':
      case 'skp_annex':
      case 'skp_versions':
      case 'skp_events':
        return `SKP${y}${whose}`;
      case 'realisasi':
      case 'period_reports':
        return `Realisasi${period ? ` ${period}` : ''}${y}${whose}`;
      case 'evidence':
        return `Bukti Dukung${typeof r.title === 'string' ? ` "${r.title}"` : ''}${whose}`;
      case 'feedback':
      case 'feedback_reads':
        return `Umpan Balik untuk SKP${y}${whose}`;
      case 'dialogues':
      case 'dialogue_actions':
        return `Dialog Kinerja${whose}`;
      case 'evaluations':
      case 'evaluation_rhk':
        return `Penilaian${period ? ` ${period}` : ''}${y}${whose}`;
      case 'org_ratings':
        return `Capaian Kinerja Organisasi${period ? ` ${period}` : ''}${y}`;
      case 'appeals':
        return `Keberatan${whose}`;
      default:
        return (tableLabels[table] ?? 'data').toLowerCase();
    }
  }

  /** The sentence for one entry. */
  summary(e: { command: string; actorName: string | null; recordTable: string | null; recordId: string | null; after: Rec | null; count: number }): string {
    const who = e.actorName ?? 'Sistem';
    const object = e.recordTable && e.recordId ? this.label(e.recordTable, e.recordId, e.after) : '';
    const more = e.count > 1 ? ` dan ${e.count - 1} data lain` : '';
    const phrase = verbs[e.command] ?? verbs[e.command.replace(/:gagal$/, '')];
    if (phrase) {
      const text = phrase.includes('{o}') ? phrase.replace('{o}', (object || 'data') + more) : phrase;
      return `${who} ${text}${e.command.endsWith(':gagal') && !verbs[e.command] ? ' (gagal)' : ''}`;
    }
    const cap = capabilityLabels[capabilityOf(e.command)] ?? 'data';
    return `${who} mengubah ${object ? object + more : cap}${outcomeOf(e.command) === 'gagal' ? ' (gagal)' : ''}`;
  }
}
